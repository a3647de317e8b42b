// The consent history table: one append-only row per change of a contact's consent on one channel.
export interface ConsentEventsTable {
  id: string;
  contactId: string;
  channel: string; // email | sms | phone
  status: string; // granted | withdrawn | unknown: the status from this event on
  previousStatus: string | null; // null when the contact was created with it
  source: string; // what made the change: user, api, form, import, merge, merge_undo, unsubscribe, migrated, …
  detail: string | null; // the import's or the merge's id, or a short note
  actorId: string | null;
  at: string;
}

// The notifications table: messages to one user (a lead re-assigned, a lead given to you), read or unread.
export interface NotificationsTable {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string | null;
  entity: string | null;
  entityId: string | null;
  /** JSON object: what the UI needs to say the notification in the reader's language (names, steps). */
  params: string | null;
  readAt: string | null;
  createdAt: string;
}

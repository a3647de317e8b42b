// Matches a widget visitor to an existing contact by the e-mail they gave (pre-chat form or the site's identity):
// the oldest contact with that address as primary or any of their e-mails. Contact visibility does not apply: the
// visitor never sees the contact, only their own conversation, which gets the contact for the agents.
import type { Db } from '../../../core/db/database.js';
import { publishConversation } from '../inbox/inbox-live.js';

export async function contactByEmail(db: Db, email: string, opts: { listed: boolean }): Promise<string | null> {
  const address = email.trim().toLowerCase();
  const primary = await db.kysely.selectFrom('contacts').select('id').where('primaryEmail', '=', address).orderBy('createdAt').orderBy('id').executeTakeFirst();
  if (primary || !opts.listed) return primary?.id ?? null;
  const listed = await db.kysely
    .selectFrom('contacts')
    .select('id')
    .where('emails', 'like', `%"${address.replace(/[%_"\\]/g, '')}"%`)
    .orderBy('createdAt')
    .orderBy('id')
    .executeTakeFirst();
  return listed?.id ?? null;
}

/** Records the visitor's contact and gives it to their conversations that have none yet (told to open inboxes).
 * `listed: false` looks at primary e-mails only (an index lookup), for the check made at every return of a visitor. */
export async function linkVisitorContact(db: Db, visitorId: string, email: string | null, opts = { listed: true }): Promise<string | null> {
  if (!email) return null;
  const contactId = await contactByEmail(db, email, opts);
  if (!contactId) return null;
  await db.kysely.updateTable('widget_visitors').set({ contactId }).where('id', '=', visitorId).execute();
  const open = await db.kysely.selectFrom('conversations').selectAll().where('visitorId', '=', visitorId).where('channelKind', '=', 'chat').where('contactId', 'is', null).execute();
  for (const c of open) {
    await db.kysely.updateTable('conversations').set({ contactId }).where('id', '=', c.id).where('contactId', 'is', null).execute();
    await publishConversation(db, { ...c, contactId });
  }
  return contactId;
}

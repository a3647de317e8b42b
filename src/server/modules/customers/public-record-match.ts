// Finds records named on a public page (a web form, the tracking snippet's identify). A contact by e-mail: the
// oldest contact with it as primary address, else as any of their addresses. No visibility applies: the caller is
// a visitor who never sees the contact, and the data lands on the contact for the CRM's users.
import type { DbOrTrx } from '../../core/db/database.js';

export async function contactIdByEmail(db: DbOrTrx, email: string): Promise<string | null> {
  const address = email.trim().toLowerCase();
  const primary = await db.selectFrom('contacts').select('id').where('primaryEmail', '=', address).orderBy('createdAt').orderBy('id').executeTakeFirst();
  if (primary) return primary.id;
  const listed = await db
    .selectFrom('contacts')
    .select('id')
    .where('emails', 'like', `%"${address.replace(/[%_"\\]/g, '')}"%`)
    .orderBy('createdAt')
    .orderBy('id')
    .executeTakeFirst();
  return listed?.id ?? null;
}

/** The contact with this external id (the site's own user id, from a signed identify call). */
export async function contactIdByExternalId(db: DbOrTrx, externalId: string): Promise<string | null> {
  return (await db.selectFrom('contacts').select('id').where('externalId', '=', externalId).executeTakeFirst())?.id ?? null;
}

/** The oldest company with exactly this name (case-insensitive), for the company a form's visitor typed. */
export async function companyIdByName(db: DbOrTrx, name: string): Promise<string | null> {
  const row = await db.selectFrom('companies').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase())).orderBy('createdAt').orderBy('id').executeTakeFirst();
  return row?.id ?? null;
}

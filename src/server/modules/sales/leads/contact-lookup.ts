// Finds the contact and company an inbound lead belongs to: the contact by email then phone (as the customers upsert
// matches), the company by its exact name. Read-only; every write goes through the customers module's services.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Db } from '../../../core/db/database.js';
import { canSee, type Actor } from '../../../core/auth/actor.js';
import { getOrgSettings } from '../../../core/settings.js';

export async function findLeadContact(db: Db, actor: Actor, email?: string, phone?: string): Promise<{ id: string; by: 'email' | 'phone' } | null> {
  const k = db.kysely;
  const candidates: { by: 'email' | 'phone'; value: string; column: 'primaryEmail' | 'primaryPhone' }[] = [];
  if (email) candidates.push({ by: 'email', value: email, column: 'primaryEmail' });
  if (phone) {
    const region = (await getOrgSettings(k)).defaultRegion as CountryCode;
    const e164 = parsePhoneNumberFromString(phone, region)?.number;
    if (e164) candidates.push({ by: 'phone', value: e164, column: 'primaryPhone' });
  }
  for (const c of candidates) {
    const row = await k.selectFrom('contacts').select(['id', 'ownerId', 'teamId']).where(c.column, '=', c.value).orderBy('id').executeTakeFirst();
    // A contact the caller may not see is not matched (and so not revealed), as in the customers upsert.
    if (row && canSee(actor, row)) return { id: row.id, by: c.by };
  }
  return null;
}

export async function findCompanyByName(db: Db, actor: Actor, name: string): Promise<string | null> {
  const rows = await db.kysely.selectFrom('companies').select(['id', 'ownerId', 'teamId']).where('name', '=', name).orderBy('id').limit(20).execute();
  return rows.find((r) => canSee(actor, r))?.id ?? null;
}

// Finds the contact behind a phone number: E.164 in the organisation's region, then the contact whose primary phone
// or any listed phone is that number (the oldest such contact when several share it).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { DbOrTrx } from '../../../core/db/database.js';
import { getOrgSettings } from '../../../core/settings.js';

/** The E.164 form when the number parses as a valid number, else the input with spaces removed (kept as received). */
export async function normaliseNumber(db: DbOrTrx, raw: string): Promise<{ number: string; valid: boolean }> {
  const region = (await getOrgSettings(db)).defaultRegion as CountryCode;
  const p = parsePhoneNumberFromString(raw.trim(), region);
  return p && p.isValid() ? { number: p.number, valid: true } : { number: raw.replace(/\s+/g, ''), valid: false };
}

export async function matchContactByPhone(db: DbOrTrx, e164: string): Promise<{ id: string; ownerId: string | null } | null> {
  const primary = await db.selectFrom('contacts').select(['id', 'ownerId']).where('primaryPhone', '=', e164).orderBy('createdAt').orderBy('id').executeTakeFirst();
  if (primary) return primary;
  // phones is a JSON array of E.164 strings: the quoted number is an exact element match.
  const listed = await db.selectFrom('contacts').select(['id', 'ownerId']).where('phones', 'like', `%"${e164}"%`).orderBy('createdAt').orderBy('id').executeTakeFirst();
  return listed ?? null;
}

// Finds the contact an IM sender is, when the connector names an e-mail or a phone number (oldest match first).
import type { Db } from '../../../core/db/database.js';
import { matchContactByPhone, normaliseNumber } from '../phone/match-caller.js';

export async function matchImSender(db: Db, sender: { email?: string; phone?: string } | undefined): Promise<string | null> {
  if (sender?.email) {
    const byEmail = await db.kysely.selectFrom('contacts').select('id').where('primaryEmail', '=', sender.email.trim().toLowerCase()).orderBy('createdAt').orderBy('id').executeTakeFirst();
    if (byEmail) return byEmail.id;
  }
  if (sender?.phone) {
    const n = await normaliseNumber(db.kysely, sender.phone);
    if (n.valid) return (await matchContactByPhone(db.kysely, n.number))?.id ?? null;
  }
  return null;
}

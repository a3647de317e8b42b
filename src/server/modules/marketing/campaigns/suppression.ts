// The suppression list: addresses never mailed by a campaign again (unsubscribed, hard-bounced, complained), kept
// apart from the contact so a re-import or a new contact with the same address stays suppressed.
import type { DbOrTrx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import type { EmailSuppressionsTable } from './campaign-tables.js';

export const normalEmail = (email: string) => email.trim().toLowerCase();

export async function suppress(db: DbOrTrx, email: string, reason: EmailSuppressionsTable['reason'], ref: { contactId?: string | null; campaignId?: string | null } = {}): Promise<void> {
  await db
    .insertInto('emailSuppressions')
    .values({ email: normalEmail(email), reason, contactId: ref.contactId ?? null, campaignId: ref.campaignId ?? null, createdAt: nowIso() })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
}

export async function suppressionOf(db: DbOrTrx, email: string): Promise<EmailSuppressionsTable['reason'] | null> {
  const row = await db.selectFrom('emailSuppressions').select('reason').where('email', '=', normalEmail(email)).executeTakeFirst();
  return row?.reason ?? null;
}

// The suppression list: addresses never mailed by a campaign again (unsubscribed, hard-bounced, complained), kept
// apart from the contact so a re-import or a new contact with the same address stays suppressed.
import { systemActor } from '../../../core/auth/actor.js';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import { updateContact } from '../../customers/index.js';
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

/** After a complaint about a campaign or journey e-mail: each address is suppressed and the contact's e-mail consent
 * withdrawn with source 'complaint', as an unsubscribe does. */
export async function withdrawAfterComplaint(db: Db, emails: string[], ref: { contactId: string; campaignId?: string | null }): Promise<void> {
  for (const email of new Set(emails.map(normalEmail))) await suppress(db.kysely, email, 'complaint', ref);
  try {
    await updateContact(db, systemActor, ref.contactId, { consent: { email: 'withdrawn' }, consentSource: 'complaint' });
  } catch {
    // Deleted contact: the suppression list still keeps the address out of every later e-mail.
  }
}

// Who counts as a key account for alerts: a contact tagged VIP (or at a company tagged VIP), or one of the top fifth
// of customers by spend (RFM monetary score 5).
import type { DbOrTrx } from '../../../core/db/database.js';
import { loadTags } from '../../customers/index.js';

const VIP = 'vip';

export async function keyAccountReason(db: DbOrTrx, contactId: string): Promise<'vip' | 'highValue' | null> {
  const contact = await db.selectFrom('contacts').select(['companyId']).where('id', '=', contactId).executeTakeFirst();
  if (!contact) return null;
  const tags = (await loadTags(db, 'contact', [contactId])).get(contactId) ?? [];
  if (tags.some((t) => t.toLowerCase() === VIP)) return 'vip';
  if (contact.companyId) {
    const ctags = (await loadTags(db, 'company', [contact.companyId])).get(contact.companyId) ?? [];
    if (ctags.some((t) => t.toLowerCase() === VIP)) return 'vip';
  }
  const rfm = await db.selectFrom('rfm_scores').select('m').where('contactId', '=', contactId).executeTakeFirst();
  return rfm && Number(rfm.m) >= 5 ? 'highValue' : null;
}

export async function contactOwner(db: DbOrTrx, contactId: string) {
  return db.selectFrom('contacts').select(['id', 'displayName', 'ownerId', 'teamId']).where('id', '=', contactId).executeTakeFirst();
}

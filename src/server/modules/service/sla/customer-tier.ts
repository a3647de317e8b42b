// The customer tier of a ticket: 'vip' when the requester carries the tag VIP, or their company carries the tag VIP
// or has a custom field `tier` of 'vip' / 'high' (any case); else 'standard'. Used by SLA policies and routing rules.
import type { DbOrTrx } from '../../../core/db/database.js';
import { loadTags } from '../../customers/index.js';
import type { CustomerTier } from './sla-schemas.js';

export const VIP_TAG = 'vip';
const VIP_COMPANY_TIERS = ['vip', 'high', 'high-value', 'high_value'];

export async function customerTier(db: DbOrTrx, contactId: string | null, companyId: string | null): Promise<CustomerTier> {
  if (contactId) {
    const tags = (await loadTags(db, 'contact', [contactId])).get(contactId) ?? [];
    if (tags.some((t) => t.toLowerCase() === VIP_TAG)) return 'vip';
    if (!companyId) companyId = (await db.selectFrom('contacts').select('companyId').where('id', '=', contactId).executeTakeFirst())?.companyId ?? null;
  }
  if (companyId) {
    const tags = (await loadTags(db, 'company', [companyId])).get(companyId) ?? [];
    if (tags.some((t) => t.toLowerCase() === VIP_TAG)) return 'vip';
    const company = await db.selectFrom('companies').select('custom').where('id', '=', companyId).executeTakeFirst();
    const tier = company ? (JSON.parse(company.custom) as Record<string, unknown>).tier : undefined;
    if (typeof tier === 'string' && VIP_COMPANY_TIERS.includes(tier.trim().toLowerCase())) return 'vip';
  }
  return 'standard';
}

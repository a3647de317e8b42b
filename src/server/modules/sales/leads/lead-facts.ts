// What rules look at for a lead: its contact's title, region and custom fields, its company's industry and size, its source.
import type { DbOrTrx } from '../../../core/db/database.js';

export interface LeadFacts {
  contactId: string;
  displayName: string;
  ownerId: string | null;
  teamId: string | null;
  lifecycleStage: string;
  /** By rule field name: title, industry, companySize, region, city, country, source, lifecycleStage, cf.<key>. */
  attributes: Record<string, unknown>;
}

/** The facts of many contacts in one query per 500 (scoring and assignment of an import's leads are set-based). */
export async function loadLeadFactsMany(db: DbOrTrx, contactIds: string[]): Promise<Map<string, LeadFacts>> {
  const out = new Map<string, LeadFacts>();
  for (let i = 0; i < contactIds.length; i += 500) {
    const rows = await db
      .selectFrom('contacts as c')
      .leftJoin('companies as co', 'co.id', 'c.companyId')
      .leftJoin('leadDetails as ld', 'ld.contactId', 'c.id')
      .select(['c.id', 'c.displayName', 'c.ownerId', 'c.teamId', 'c.lifecycleStage', 'c.title', 'c.address', 'c.source', 'c.custom', 'co.industry', 'co.size', 'ld.source as leadSource'])
      .where('c.id', 'in', contactIds.slice(i, i + 500))
      .execute();
    for (const c of rows) {
      const address = c.address ? (JSON.parse(c.address) as Record<string, string | null>) : {};
      const attributes: Record<string, unknown> = {
        title: c.title,
        industry: c.industry ?? null,
        companySize: c.size ?? null,
        region: address.region ?? null,
        city: address.city ?? null,
        country: address.country ?? null,
        source: c.leadSource ?? c.source,
        lifecycleStage: c.lifecycleStage,
      };
      for (const [key, value] of Object.entries(JSON.parse(c.custom) as Record<string, unknown>)) attributes[`cf.${key}`] = value;
      out.set(c.id, { contactId: c.id, displayName: c.displayName, ownerId: c.ownerId, teamId: c.teamId, lifecycleStage: c.lifecycleStage, attributes });
    }
  }
  return out;
}

export async function loadLeadFacts(db: DbOrTrx, contactId: string): Promise<LeadFacts | null> {
  return (await loadLeadFactsMany(db, [contactId])).get(contactId) ?? null;
}

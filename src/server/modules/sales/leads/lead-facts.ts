// What rules look at for a lead: its contact's title, region and custom fields, its company's industry and size, its source.
import type { DbOrTrx } from '../../../core/db/database.js';
import { findCompanyRow, findContactRow } from '../../customers/index.js';

export interface LeadFacts {
  contactId: string;
  displayName: string;
  ownerId: string | null;
  teamId: string | null;
  lifecycleStage: string;
  /** By rule field name: title, industry, companySize, region, city, country, source, lifecycleStage, cf.<key>. */
  attributes: Record<string, unknown>;
}

export async function loadLeadFacts(db: DbOrTrx, contactId: string): Promise<LeadFacts | null> {
  const c = await findContactRow(db, contactId);
  if (!c) return null;
  const company = c.companyId ? await findCompanyRow(db, c.companyId) : undefined;
  const lead = await db.selectFrom('leadDetails').select('source').where('contactId', '=', contactId).executeTakeFirst();
  const address = c.address ? (JSON.parse(c.address) as Record<string, string | null>) : {};
  const attributes: Record<string, unknown> = {
    title: c.title,
    industry: company?.industry ?? null,
    companySize: company?.size ?? null,
    region: address.region ?? null,
    city: address.city ?? null,
    country: address.country ?? null,
    source: lead?.source ?? c.source,
    lifecycleStage: c.lifecycleStage,
  };
  for (const [key, value] of Object.entries(JSON.parse(c.custom) as Record<string, unknown>)) attributes[`cf.${key}`] = value;
  return { contactId, displayName: c.displayName, ownerId: c.ownerId, teamId: c.teamId, lifecycleStage: c.lifecycleStage, attributes };
}

// Loads matched contacts (with company name and tags) in the shape an import applies its rows to.
import type { DbOrTrx } from '../../../../core/db/database.js';
import { inChunks } from '../bulk-insert.js';
import type { StoredContact } from './contact-draft.js';
import { consentFromRow } from '../../../customers/index.js';

export async function loadStoredContacts(trx: DbOrTrx, ids: string[]): Promise<Map<string, StoredContact>> {
  const rows = await inChunks(ids, (c) =>
    trx.selectFrom('contacts as c').leftJoin('companies as co', 'co.id', 'c.companyId').selectAll('c').select('co.name as companyName').where('c.id', 'in', c).execute(),
  );
  const tags = await inChunks(ids, (c) => trx.selectFrom('tags').select(['entityId', 'tag']).where('entity', '=', 'contact').where('entityId', 'in', c).execute());
  const tagsOf = new Map<string, string[]>();
  for (const t of tags) tagsOf.set(t.entityId, [...(tagsOf.get(t.entityId) ?? []), t.tag]);
  const out = new Map<string, StoredContact>();
  for (const r of rows) {
    out.set(r.id, {
      displayName: r.displayName, givenName: r.givenName, familyName: r.familyName, title: r.title, companyId: r.companyId, companyName: r.companyName,
      externalId: r.externalId, emails: JSON.parse(r.emails), phones: JSON.parse(r.phones), rawPhones: r.rawPhones ? JSON.parse(r.rawPhones) : [], address: r.address ? JSON.parse(r.address) : null,
      birthday: r.birthday, source: r.source, lifecycleStage: r.lifecycleStage, tags: (tagsOf.get(r.id) ?? []).sort(),
      consent: consentFromRow(r), customFields: JSON.parse(r.custom), sourceCreatedAt: r.sourceCreatedAt ?? null,
    });
  }
  return out;
}

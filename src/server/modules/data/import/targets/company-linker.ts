// Links imported records to companies by name, creating the missing ones in the same batch (bulk, search-indexed).
import type { DbOrTrx } from '../../../../core/db/database.js';
import { newId, nowIso } from '../../../../core/ids.js';
import { gramsValue, searchDocument, shortGrams, sortName } from '../../../customers/index.js';
import { bulkInsert, inChunks, type BulkColumn } from '../bulk-insert.js';
import { visibleToImporter, type BatchContext } from '../import-target.js';

const text = (name: string): BulkColumn => ({ name, pg: 'text' });
export const companyColumns: BulkColumn[] = ['id', 'name', 'domain', 'industry', 'size'].map(text).concat([{ name: 'annual_revenue', pg: 'bigint' }], ['currency', 'address', 'owner_id', 'team_id', 'custom', 'created_at', 'updated_at', 'sort_name'].map(text));
export const searchColumns = (engine: string): BulkColumn[] => [text('entity'), text('entity_id'), text('doc'), { name: 'grams', pg: engine === 'postgres' ? 'text[]' : 'text' }];

/** The search row of a company exactly as the customers module writes it (names [name], extra [domain, industry]). */
export function companySearchRow(ctx: BatchContext, id: string, c: { name: string; domain?: string | null; industry?: string | null }): unknown[] {
  return ['company', id, searchDocument({ names: [c.name], extra: [c.domain ?? null, c.industry ?? null] }), gramsValue(ctx.db.engine, shortGrams([c.name]))];
}

export interface CompanyLinks {
  ids: Map<string, string>;
  created: number;
}

/** name -> company id for every name; an existing company the actor may see is reused, else one is created. */
export async function linkCompanies(trx: DbOrTrx, ctx: BatchContext, names: Iterable<string>): Promise<CompanyLinks> {
  const wanted = [...new Set(names)];
  const ids = new Map<string, string>();
  if (!wanted.length) return { ids, created: 0 };
  const found = await inChunks(wanted, (chunk) => trx.selectFrom('companies').select(['id', 'name', 'ownerId', 'teamId']).where('name', 'in', chunk).orderBy('id').execute());
  for (const c of found) if (!ids.has(c.name) && visibleToImporter(ctx.actor, c)) ids.set(c.name, c.id);
  const now = nowIso();
  const rows: unknown[][] = [];
  const search: unknown[][] = [];
  for (const name of wanted) {
    if (ids.has(name)) continue;
    const id = newId();
    ids.set(name, id);
    rows.push([id, name, null, null, null, null, ctx.currency, null, ctx.actor.id, ctx.actor.teamId, '{}', now, now, sortName(name)]);
    search.push(companySearchRow(ctx, id, { name }));
  }
  await bulkInsert(trx, ctx.db.engine, 'companies', companyColumns, rows);
  await bulkInsert(trx, ctx.db.engine, 'search_index', searchColumns(ctx.db.engine), search);
  return { ids, created: rows.length };
}

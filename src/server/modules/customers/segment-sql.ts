// SQL pieces over the customers tables that the marketing segment compiler builds on (tags, companies), so the
// compiler never names these tables itself. Each is a subquery of ids or of (id, v) rows.
import { sql, type RawBuilder } from 'kysely';
import type { Engine } from '../../core/db/database.js';
import { customValueSql, type CustomField } from './custom-fields.js';

/** Ids of contacts carrying any of `tags` (every tag when `all`); with no tags, of contacts carrying any tag at all. */
export function contactTagIdsSql(tags: string[] | null, all = false): RawBuilder<unknown> {
  if (!tags) return sql`select entity_id from tags where entity = 'contact'`;
  const list = sql.join(tags.map((t) => sql`${t}`));
  if (!all) return sql`select entity_id from tags where entity = 'contact' and tag in (${list})`;
  return sql`select entity_id from tags where entity = 'contact' and tag in (${list}) group by entity_id having count(distinct tag) = ${tags.length}`;
}

const companyColumns = { name: 'name', domain: 'domain', industry: 'industry', size: 'size', annualRevenue: 'annual_revenue', createdAt: 'created_at' } as const;
export type CompanySegmentColumn = keyof typeof companyColumns;

/** (id, v) rows of every company: v is the column's value, or a company custom field's value. */
export function companyValueRowsSql(engine: Engine, what: CompanySegmentColumn | CustomField): RawBuilder<unknown> {
  const v = typeof what === 'string' ? sql.ref(`companies.${companyColumns[what]}`) : customValueSql(engine, 'companies.custom', what);
  return sql`select companies.id as id, ${v} as v from companies`;
}

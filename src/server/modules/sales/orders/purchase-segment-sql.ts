// Purchases as segment rule sources: subqueries over orders, order items and products that the marketing segment
// compiler joins on the contact's id, so marketing never names the sales tables. Only revenue orders count.
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database.js';
import { revenueStatuses } from './order-tables.js';

const revenue = sql.join(revenueStatuses.map((s) => sql`${s}`));

/** (id, v) rows per contact with orders: v is the order count, the summed totals (minor units, any currency) or the last order's time. */
export function purchaseRowsSql(metric: 'count' | 'total' | 'last'): RawBuilder<unknown> {
  const v = metric === 'count' ? sql`count(*)` : metric === 'total' ? sql`sum(o.total)` : sql`max(o.ordered_at)`;
  return sql`select o.contact_id as id, ${v} as v from orders o where o.contact_id is not null and o.status in (${revenue}) group by o.contact_id`;
}

/** The same value for one contact (table alias "r"), as a correlated subquery: cheaper than the rows above when other
 * rules have already narrowed the contacts. A contact without orders has 0 (count, total) or null (last). */
export function purchaseValueSql(metric: 'count' | 'total' | 'last'): RawBuilder<unknown> {
  const v = metric === 'count' ? sql`count(*)` : metric === 'total' ? sql`coalesce(sum(o.total), 0)` : sql`max(o.ordered_at)`;
  return sql`(select ${v} from orders o where o.contact_id = r.id and o.status in (${revenue}))`;
}

/** Ids of contacts with a revenue order containing any of these products (by id) or products of these categories. */
export function boughtContactIdsSql(by: 'product' | 'category', values: string[]): RawBuilder<unknown> {
  const list = sql.join(values.map((v) => sql`${v}`));
  const match = by === 'product' ? sql`i.product_id in (${list})` : sql`i.product_id in (select p.id from products p where p.category in (${list}))`;
  return sql`select o.contact_id from order_items i join orders o on o.id = i.order_id where ${match} and o.contact_id is not null and o.status in (${revenue})`;
}

/** (id, v) rows of contacts with a lead score: v is the score. */
export function leadScoreRowsSql(): RawBuilder<unknown> {
  return sql`select s.contact_id as id, s.score as v from lead_scores s`;
}

/** Products and categories a segment rule can pick from (active products first, at most 500). */
export async function purchaseChoices(db: DbOrTrx): Promise<{ products: { value: string; label: string }[]; categories: string[] }> {
  const products = await db.selectFrom('products').select(['id', 'sku', 'nameEn']).orderBy('active', 'desc').orderBy('nameEn').limit(500).execute();
  const categories = await db.selectFrom('products').select('category').distinct().where('category', 'is not', null).orderBy('category').limit(500).execute();
  return { products: products.map((p) => ({ value: p.id, label: `${p.nameEn} (${p.sku})` })), categories: categories.map((c) => c.category!) };
}

/** Revenue orders as (contact_id, ordered_at, total, currency) rows, for attributing orders to a campaign (marketing). */
export function revenueOrderRowsSql(): RawBuilder<unknown> {
  return sql`select o.contact_id, o.ordered_at, o.total, o.currency from orders o where o.contact_id is not null and o.status in (${revenue})`;
}

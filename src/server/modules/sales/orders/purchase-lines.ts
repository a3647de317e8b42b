// Read-only purchase lines for the intelligence module: per revenue order of a known contact, its products, time and total.
import type { DbOrTrx } from '../../../core/db/database.js';
import { revenueStatuses } from './order-tables.js';

export interface PurchaseLine {
  orderId: string;
  contactId: string;
  productId: string | null;
  orderedAt: string;
  total: number;
}

/** Every revenue order of a contact with each of its catalogue products (an order without catalogue lines once, productId null). */
export async function purchaseLines(db: DbOrTrx): Promise<PurchaseLine[]> {
  const rows = await db
    .selectFrom('orders as o')
    .leftJoin('orderItems as i', 'i.orderId', 'o.id')
    .select(['o.id as orderId', 'o.contactId', 'i.productId', 'o.orderedAt', 'o.total'])
    .where('o.contactId', 'is not', null)
    .where('o.status', 'in', revenueStatuses)
    .orderBy('o.orderedAt')
    .execute();
  return rows.map((r) => ({ orderId: r.orderId, contactId: r.contactId!, productId: r.productId, orderedAt: r.orderedAt, total: Number(r.total) }));
}

/** Names of products by id (English and Chinese), for explaining recommendations. */
export async function productNames(db: DbOrTrx, ids: string[]): Promise<Map<string, { nameEn: string; nameZh: string | null; sku: string; active: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('products').select(['id', 'nameEn', 'nameZh', 'sku', 'active']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { nameEn: r.nameEn, nameZh: r.nameZh, sku: r.sku, active: Boolean(r.active) }]));
}

/** The catalogue products one contact bought in revenue orders, with the last time of each. */
export async function productsBoughtBy(db: DbOrTrx, contactId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('orderItems as i', 'i.orderId', 'o.id')
    .select((eb) => ['i.productId', eb.fn.max('o.orderedAt').as('last')])
    .where('o.contactId', '=', contactId)
    .where('o.status', 'in', revenueStatuses)
    .where('i.productId', 'is not', null)
    .groupBy('i.productId')
    .execute();
  return new Map(rows.map((r) => [r.productId!, String(r.last)]));
}

/** Active products by how many contacts bought them, most first. */
export async function bestSellingProducts(db: DbOrTrx, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('orderItems as i', 'i.orderId', 'o.id')
    .innerJoin('products as p', 'p.id', 'i.productId')
    .select((eb) => ['p.id', eb.fn.count<number>('o.contactId').distinct().as('buyers')])
    .where('o.status', 'in', revenueStatuses)
    .where('o.contactId', 'is not', null)
    .where('p.active', '=', 1)
    .groupBy('p.id')
    .orderBy('buyers', 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

// Read-only order margins for the intelligence module: each revenue order's product cost (quantity × the product's
// cost), per-product revenue and cost over the orders an actor may see, and revenue by sales channel.
import type { DbOrTrx } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { revenueStatuses } from './order-tables.js';

export interface OrderCost {
  orderId: string;
  contactId: string;
  orderedAt: string;
  total: number;
  /** Σ quantity × cost over lines whose product has a cost (0 when none has). */
  cost: number;
}

/** Every revenue order of a known contact with its product cost. */
export async function orderCosts(db: DbOrTrx): Promise<OrderCost[]> {
  const rows = await db
    .selectFrom('orders as o')
    .leftJoin('orderItems as i', 'i.orderId', 'o.id')
    .leftJoin('products as p', 'p.id', 'i.productId')
    .select((eb) => ['o.id', 'o.contactId', 'o.orderedAt', 'o.total', eb.fn.sum<number>(eb('i.quantity', '*', eb.ref('p.cost'))).as('cost')])
    .where('o.contactId', 'is not', null)
    .where('o.status', 'in', revenueStatuses)
    .groupBy(['o.id', 'o.contactId', 'o.orderedAt', 'o.total'])
    .execute();
  return rows.map((r) => ({ orderId: r.id, contactId: r.contactId!, orderedAt: r.orderedAt, total: Number(r.total), cost: Number(r.cost ?? 0) }));
}

export interface ProductMargin {
  productId: string;
  sku: string;
  nameEn: string;
  nameZh: string | null;
  /** Unit cost (null: not set, so its cost counts as unknown). */
  unitCost: number | null;
  units: number;
  revenue: number;
  productCost: number;
  buyers: number;
}

/** Revenue, units and product cost per catalogue product over the revenue orders the actor may see. */
export async function productMargins(db: DbOrTrx, actor: Actor): Promise<ProductMargin[]> {
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('orderItems as i', 'i.orderId', 'o.id')
    .innerJoin('products as p', 'p.id', 'i.productId')
    .select((eb) => [
      'p.id', 'p.sku', 'p.nameEn', 'p.nameZh', 'p.cost',
      eb.fn.sum<number>('i.quantity').as('units'),
      eb.fn.sum<number>('i.amount').as('revenue'),
      eb.fn.count<number>('o.contactId').distinct().as('buyers'),
    ])
    .where('o.status', 'in', revenueStatuses)
    .where((eb) => visibleTo(eb, actor, 'o.ownerId', 'o.teamId'))
    .groupBy(['p.id', 'p.sku', 'p.nameEn', 'p.nameZh', 'p.cost'])
    .execute();
  return rows.map((r) => ({ productId: r.id, sku: r.sku, nameEn: r.nameEn, nameZh: r.nameZh, unitCost: r.cost === null ? null : Number(r.cost), units: Number(r.units), revenue: Number(r.revenue), productCost: r.cost === null ? 0 : Number(r.units) * Number(r.cost), buyers: Number(r.buyers) }));
}

/** Each line's share of its order's line amounts (for spreading an order's service cost over its products), over the
 * revenue orders among these that the actor may see. */
export async function orderLineShares(db: DbOrTrx, actor: Actor, orderIds: string[]): Promise<{ orderId: string; productId: string; share: number }[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .selectFrom('orderItems as i')
    .innerJoin('orders as o', 'o.id', 'i.orderId')
    .select(['i.orderId', 'i.productId', 'i.amount'])
    .where('i.orderId', 'in', orderIds)
    .where('i.productId', 'is not', null)
    .where('o.status', 'in', revenueStatuses)
    .where((eb) => visibleTo(eb, actor, 'o.ownerId', 'o.teamId'))
    .execute();
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.orderId, (totals.get(r.orderId) ?? 0) + Number(r.amount));
  return rows.map((r) => ({ orderId: r.orderId, productId: r.productId!, share: totals.get(r.orderId) ? Number(r.amount) / totals.get(r.orderId)! : 0 }));
}

/** Revenue and buying contacts per sales channel over the revenue orders the actor may see. */
export async function channelRevenue(db: DbOrTrx, actor: Actor): Promise<{ channel: string; revenue: number; contacts: number }[]> {
  const rows = await db
    .selectFrom('orders as o')
    .select((eb) => ['o.channel', eb.fn.sum<number>('o.total').as('revenue'), eb.fn.count<number>('o.contactId').distinct().as('contacts')])
    .where('o.status', 'in', revenueStatuses)
    .where('o.contactId', 'is not', null)
    .where((eb) => visibleTo(eb, actor, 'o.ownerId', 'o.teamId'))
    .groupBy('o.channel')
    .orderBy('revenue', 'desc')
    .execute();
  return rows.map((r) => ({ channel: r.channel, revenue: Number(r.revenue), contacts: Number(r.contacts) }));
}

/** Contacts with a revenue order (the actor may see) in a channel, or with a product: subquery of contact ids. */
export function buyerIdsSql(db: DbOrTrx, actor: Actor, by: { channel?: string; productId?: string }) {
  let q = db.selectFrom('orders as o').select('o.contactId').where('o.status', 'in', revenueStatuses).where((eb) => visibleTo(eb, actor, 'o.ownerId', 'o.teamId'));
  if (by.channel !== undefined) q = q.where('o.channel', '=', by.channel);
  if (by.productId !== undefined) q = q.where((eb) => eb.exists(eb.selectFrom('orderItems as i').select('i.id').whereRef('i.orderId', '=', 'o.id').where('i.productId', '=', by.productId!)));
  return q;
}

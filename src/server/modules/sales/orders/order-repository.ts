// Reads orders: one (scoped) with its items, and keyset-paged lists newest first.
import type { Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { canSee, visibleTo, type Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../../core/pagination.js';
import type { OrdersTable } from './order-tables.js';
import type { Order, OrderListQuery } from './order-schemas.js';

async function withItems(db: DbOrTrx, rows: Selectable<OrdersTable>[]): Promise<Order[]> {
  if (!rows.length) return [];
  const items = await db.selectFrom('orderItems').select(['id', 'orderId', 'productId', 'sku', 'name', 'quantity', 'unitPrice', 'amount']).where('orderId', 'in', rows.map((r) => r.id)).orderBy('id').execute();
  const by = new Map<string, Order['items']>();
  for (const { orderId, ...i } of items) by.set(orderId, [...(by.get(orderId) ?? []), { ...i, unitPrice: Number(i.unitPrice), amount: Number(i.amount) }]);
  return rows.map((r) => ({ ...r, total: Number(r.total), items: by.get(r.id) ?? [] }));
}

export async function findOrder(db: DbOrTrx, id: string): Promise<Order | undefined> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withItems(db, [row]))[0] : undefined;
}

export async function getOrder(db: Db, actor: Actor, id: string): Promise<Order> {
  const o = await findOrder(db.kysely, id);
  if (!o || !canSee(actor, o)) throw notFound('Order');
  return o;
}

export async function listOrders(db: Db, actor: Actor, q: OrderListQuery): Promise<Page<Order>> {
  if (q.sort && q.sort !== '-orderedAt') throw new AppError('validation', `Cannot sort orders by "${q.sort}"`, [{ path: 'sort', message: 'orders list newest first (-orderedAt)' }]);
  let query = db.kysely.selectFrom('orders').selectAll().where((eb) => visibleTo(eb, actor, 'ownerId', 'teamId'));
  if (q.contactId) query = query.where('contactId', '=', q.contactId);
  if (q.companyId) query = query.where('companyId', '=', q.companyId);
  if (q.dealId) query = query.where('dealId', '=', q.dealId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.channel) query = query.where('channel', '=', q.channel);
  if (q.from) query = query.where('orderedAt', '>=', new Date(q.from).toISOString());
  if (q.to) query = query.where('orderedAt', '<', new Date(q.to).toISOString());
  if (q.q) query = query.where('externalId', '=', q.q);
  if (q.cursor) {
    query = query.where(keysetAfter('orderedAt', 'id', decodeCursor(q.cursor, 2), 'desc'));
  }
  const rows = await query.orderBy('orderedAt', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
  const page = pageOf(rows, q.limit, (r) => [r.orderedAt, r.id]);
  return { data: await withItems(db.kysely, page.data), nextCursor: page.nextCursor };
}

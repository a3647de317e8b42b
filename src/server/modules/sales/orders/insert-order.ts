// Writes one order with its items inside the caller's transaction, audited, with order.created.
import type { DbOrTrx, Engine } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import type { OrdersTable } from './order-tables.js';
import type { Order } from './order-schemas.js';
import { findOrder } from './order-repository.js';
import { addToMonthTotals } from '../forecast/rollups.js';

export interface NewOrderItem {
  productId: string | null;
  sku: string | null;
  name: string;
  quantity: number;
  unitPrice: number;
}

export type NewOrder = Omit<OrdersTable, 'id' | 'total' | 'createdAt' | 'updatedAt'> & { items: NewOrderItem[] };

export async function insertOrder(trx: DbOrTrx, engine: Engine, actor: Actor, input: NewOrder): Promise<Order> {
  const { items, ...head } = input;
  const id = newId();
  const now = nowIso();
  const rows = items.map((i) => ({ id: newId(), orderId: id, ...i, amount: i.unitPrice * i.quantity }));
  await trx.insertInto('orders').values({ id, ...head, total: rows.reduce((a, r) => a + r.amount, 0), createdAt: now, updatedAt: now }).execute();
  await addToMonthTotals(trx, { ...head, total: rows.reduce((a, r) => a + r.amount, 0) }, 1);
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('orderItems').values(rows.slice(i, i + 200)).execute();
  const order = (await findOrder(trx, id))!;
  await writeAudit(trx, engine, { actorId: actor.id, action: 'create', entity: 'order', entityId: id, after: order });
  await emitEvent(trx, 'order.created', 'order', id, order);
  return order;
}

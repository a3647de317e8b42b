// Changes an order's status, channel or fulfilment date (e.g. paid → fulfilled, refunded), audited, with order.updated.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { nowIso } from '../../../core/ids.js';
import { writeAudit, changedFields } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { findOrder, getOrder } from './order-repository.js';
import type { Order, OrderPatch } from './order-schemas.js';
import { addToMonthTotals } from '../forecast/rollups.js';

export async function updateOrder(db: Db, actor: Actor, id: string, patch: OrderPatch): Promise<Order> {
  const before = await getOrder(db, actor, id);
  return db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('orders')
      .set({
        ...(patch.status && { status: patch.status }),
        ...(patch.channel && { channel: patch.channel }),
        ...(patch.fulfilledAt !== undefined && { fulfilledAt: patch.fulfilledAt ? new Date(patch.fulfilledAt).toISOString() : null }),
        updatedAt: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = (await findOrder(trx, id))!;
    if (after.status !== before.status) {
      await addToMonthTotals(trx, before, -1);
      await addToMonthTotals(trx, after, 1);
    }
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length) {
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'order', entityId: id, ...diff });
      await emitEvent(trx, 'order.updated', 'order', id, { order: after, changed: Object.keys(diff.after) });
    }
    return after;
  });
}

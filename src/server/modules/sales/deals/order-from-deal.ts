// The order a won deal makes from its line items (once per deal), for the deal's first contact and its company.
import type { DbOrTrx, Engine } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { nowIso } from '../../../core/ids.js';
import { insertOrder } from '../orders/insert-order.js';

export async function orderFromWonDeal(trx: DbOrTrx, engine: Engine, actor: Actor, dealId: string, wanted: boolean | undefined): Promise<string | null> {
  const deal = await trx.selectFrom('deals').selectAll().where('id', '=', dealId).executeTakeFirstOrThrow();
  const items = await trx.selectFrom('dealLineItems as i').leftJoin('products as p', 'p.id', 'i.productId').select(['i.productId', 'p.sku', 'i.name', 'i.quantity', 'i.unitPrice']).where('i.dealId', '=', dealId).orderBy('i.position').execute();
  if (wanted === false || (wanted === undefined && items.length === 0)) return null;
  const existing = await trx.selectFrom('orders').select('id').where('dealId', '=', dealId).executeTakeFirst();
  if (existing) return existing.id; // won again after being reopened: the first order stands
  const contact = await trx.selectFrom('dealContacts').select('contactId').where('dealId', '=', dealId).orderBy('id').limit(1).executeTakeFirst();
  const lines = items.length
    ? items.map((i) => ({ productId: i.productId, sku: i.sku ?? null, name: i.name, quantity: i.quantity, unitPrice: Number(i.unitPrice) }))
    : [{ productId: null, sku: null, name: deal.name, quantity: 1, unitPrice: Number(deal.amount) }];
  const order = await insertOrder(trx, engine, actor, {
    externalId: null,
    contactId: contact?.contactId ?? null,
    companyId: deal.companyId,
    dealId,
    status: 'pending',
    channel: 'sales',
    currency: deal.currency,
    orderedAt: nowIso(),
    fulfilledAt: null,
    ownerId: deal.ownerId,
    teamId: deal.teamId,
    items: lines,
  });
  return order.id;
}

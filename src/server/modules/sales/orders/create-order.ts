// Records an order posted through the API (a shop, an ERP, a person): idempotent by external order id.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { canSee, type Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import { getOrgSettings } from '../../../core/settings.js';
import { getCompany, getContact } from '../../customers/index.js';
import { productPrice } from '../deals/deal-links.js';
import { insertOrder, type NewOrderItem } from './insert-order.js';
import { findOrder } from './order-repository.js';
import type { Order, OrderInput } from './order-schemas.js';

async function existingByExternalId(db: DbOrTrx, actor: Actor, externalId: string): Promise<Order | null> {
  const row = await db.selectFrom('orders').select('id').where('externalId', '=', externalId).executeTakeFirst();
  if (!row) return null;
  const order = (await findOrder(db, row.id))!;
  if (!canSee(actor, order)) throw new AppError('conflict', 'An order with this external id already exists', [{ path: 'externalId', message: 'already in use' }]);
  return order;
}

async function resolveItems(db: DbOrTrx, items: OrderInput['items'], currency: string): Promise<NewOrderItem[]> {
  const out: NewOrderItem[] = [];
  for (const [i, item] of items.entries()) {
    let productId = item.productId ?? null;
    if (!productId && item.sku) productId = (await db.selectFrom('products').select('id').where('sku', '=', item.sku).executeTakeFirst())?.id ?? null;
    if ((item.productId || (item.sku && item.unitPrice === undefined)) && !productId) throw new AppError('validation', 'That product does not exist', [{ path: `items.${i}.${item.productId ? 'productId' : 'sku'}`, message: 'unknown product' }]);
    const p = productId ? await productPrice(db, productId, currency) : undefined;
    const unitPrice = item.unitPrice ?? p?.price ?? null;
    if (unitPrice === null) throw new AppError('validation', `No ${currency} price for this item: give unitPrice`, [{ path: `items.${i}.unitPrice`, message: `no ${currency} price` }]);
    out.push({ productId, sku: p?.sku ?? item.sku ?? null, name: item.name ?? p?.name ?? item.sku!, quantity: item.quantity, unitPrice });
  }
  return out;
}

export async function createOrder(db: Db, actor: Actor, input: OrderInput): Promise<{ order: Order; created: boolean }> {
  if (input.externalId) {
    const found = await existingByExternalId(db.kysely, actor, input.externalId);
    if (found) return { order: found, created: false };
  }
  const contact = input.contactId ? await getContact(db, actor, input.contactId).catch(() => null) : null;
  if (input.contactId && !contact) throw new AppError('validation', 'That contact does not exist', [{ path: 'contactId', message: 'unknown contact' }]);
  const companyId = input.companyId !== undefined ? input.companyId : (contact?.companyId ?? null);
  const company = companyId ? await getCompany(db, actor, companyId).catch(() => null) : null;
  if (companyId && !company) throw new AppError('validation', 'That company does not exist', [{ path: 'companyId', message: 'unknown company' }]);
  const currency = input.currency ?? (await getOrgSettings(db.kysely)).defaultCurrency;
  const items = await resolveItems(db.kysely, input.items, currency);
  // The order belongs to whoever looks after the buyer, so the rep sees their customers' purchases.
  const owner = contact?.ownerId ? contact : company?.ownerId ? company : { ownerId: null, teamId: null };
  try {
    const order = await db.kysely.transaction().execute((trx) =>
      insertOrder(trx, db.engine, actor, {
        externalId: input.externalId ?? null,
        contactId: contact?.id ?? null,
        companyId,
        dealId: null,
        status: input.status,
        channel: input.channel,
        currency,
        orderedAt: input.orderedAt ? new Date(input.orderedAt).toISOString() : nowIso(),
        fulfilledAt: input.fulfilledAt ? new Date(input.fulfilledAt).toISOString() : null,
        ownerId: owner.ownerId,
        teamId: owner.teamId,
        items,
      }),
    );
    return { order, created: true };
  } catch (e) {
    // Two posts of the same order at once: the unique external id lets one in; the other answers the stored order.
    const again = input.externalId ? await existingByExternalId(db.kysely, actor, input.externalId) : null;
    if (again) return { order: again, created: false };
    throw e;
  }
}

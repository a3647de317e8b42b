// Reads of customer value over the contacts the actor may see: totals, the most and least profitable customers, one
// contact's value, and profitability per product (revenue − product cost − service cost of tickets about its orders).
import type { DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { contactVisibleTo } from '../../../core/auth/record-scope.js';
import { notFound } from '../../../core/errors.js';
import { getOrgSettings } from '../../../core/settings.js';
import { orderLineShares, productMargins } from '../../sales/index.js';
import { ticketCountsByOrder } from '../../service/index.js';
import { getClvModel, getValueSettings } from './value-settings.js';

const numeric = ['orders', 'revenue', 'productCost', 'tickets', 'serviceCost', 'margin', 'probabilityAlive', 'expectedOrders', 'expectedOrderValue', 'predictedValue'] as const;

function toNumbers<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = { ...row };
  for (const k of numeric) if (k in out && out[k] !== null) out[k] = Number(out[k]);
  return out as T;
}

const visibleValues = (db: DbOrTrx, actor: Actor) => db.selectFrom('contact_values as v').where((eb) => contactVisibleTo(eb, actor, 'v.contactId'));

export type CustomerSort = 'margin' | 'marginAsc' | 'predictedValue' | 'revenue';

export async function valueCustomers(db: DbOrTrx, actor: Actor, sort: CustomerSort, limit: number) {
  const col = sort === 'marginAsc' ? 'v.margin' : `v.${sort}` as const;
  const rows = await visibleValues(db, actor)
    .innerJoin('contacts as c', 'c.id', 'v.contactId')
    .select(['c.id', 'c.displayName', 'v.orders', 'v.revenue', 'v.productCost', 'v.tickets', 'v.serviceCost', 'v.margin', 'v.probabilityAlive', 'v.expectedOrders', 'v.predictedValue', 'v.lastOrderAt'])
    .where(col, 'is not', null)
    .orderBy(col, sort === 'marginAsc' ? 'asc' : 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map(toNumbers);
}

export async function valueSummary(db: DbOrTrx, actor: Actor) {
  const [totals, model, settings, org] = await Promise.all([
    visibleValues(db, actor)
      .select((eb) => [
        eb.fn.countAll<number>().as('customers'),
        eb.fn.sum<number>('v.revenue').as('revenue'),
        eb.fn.sum<number>('v.productCost').as('productCost'),
        eb.fn.sum<number>('v.serviceCost').as('serviceCost'),
        eb.fn.sum<number>('v.margin').as('margin'),
        eb.fn.sum<number>('v.predictedValue').as('predictedValue'),
        eb.fn.max('v.computedAt').as('computedAt'),
      ])
      .executeTakeFirst(),
    getClvModel(db),
    getValueSettings(db),
    getOrgSettings(db),
  ]);
  const n = (v: unknown) => Number(v ?? 0);
  return {
    computedAt: (totals?.computedAt as string | null) ?? null,
    currency: org.defaultCurrency,
    settings,
    model,
    totals: { customers: n(totals?.customers), revenue: n(totals?.revenue), productCost: n(totals?.productCost), serviceCost: n(totals?.serviceCost), margin: n(totals?.margin), predictedValue: n(totals?.predictedValue) },
  };
}

export async function contactValue(db: DbOrTrx, actor: Actor, contactId: string) {
  const visible = await db.selectFrom('contacts as c').select('c.id').where('c.id', '=', contactId).where((eb) => contactVisibleTo(eb, actor, 'c.id')).executeTakeFirst();
  if (!visible) throw notFound('Contact');
  const row = await db.selectFrom('contact_values').selectAll().where('contactId', '=', contactId).executeTakeFirst();
  return row ? toNumbers(row) : null;
}

/** Per product, over the orders (and tickets) the actor may see; service cost spreads a ticket over its order's lines. */
export async function productProfitability(db: DbOrTrx, actor: Actor) {
  const [products, ticketsByOrder, settings] = await Promise.all([productMargins(db, actor), ticketCountsByOrder(db, actor), getValueSettings(db)]);
  const service = new Map<string, number>();
  const lines = await orderLineShares(db, actor, [...ticketsByOrder.keys()]);
  for (const l of lines) service.set(l.productId, (service.get(l.productId) ?? 0) + ticketsByOrder.get(l.orderId)! * settings.costPerTicket * l.share);
  return products
    .map((p) => {
      const serviceCost = Math.round(service.get(p.productId) ?? 0);
      return { ...p, serviceCost, margin: p.revenue - p.productCost - serviceCost, costKnown: p.unitCost !== null };
    })
    .sort((a, b) => b.margin - a.margin || a.sku.localeCompare(b.sku));
}

// Purchase history as a section of the contact's and the company's 360° view: lifetime revenue, last purchase, recent orders.
import { visibleTo } from '../../../core/auth/actor.js';
import { registerOverviewContributor } from '../../customers/index.js';
import { revenueStatuses } from './order-tables.js';

registerOverviewContributor({
  key: 'purchaseHistory',
  title: 'Purchase history',
  objects: ['contact', 'company'],
  async section(ctx, object, id) {
    const col = object === 'contact' ? 'contactId' : 'companyId';
    const db = ctx.db.kysely;
    const [totals, recent] = await Promise.all([
      db
        .selectFrom('orders')
        .select((eb) => ['currency', eb.fn.countAll<number>().as('orders'), eb.fn.sum<number>('total').as('revenue'), eb.fn.max('orderedAt').as('last')])
        .where(col, '=', id)
        .where('status', 'in', revenueStatuses)
        .where((eb) => visibleTo(eb, ctx.actor, 'ownerId', 'teamId'))
        .groupBy('currency')
        .orderBy('currency')
        .execute(),
      db
        .selectFrom('orders')
        .select(['id', 'externalId', 'status', 'channel', 'currency', 'total', 'orderedAt', 'dealId'])
        .where(col, '=', id)
        .where((eb) => visibleTo(eb, ctx.actor, 'ownerId', 'teamId'))
        .orderBy('orderedAt', 'desc')
        .orderBy('id', 'desc')
        .limit(10)
        .execute(),
    ]);
    return [
      ...totals.map((t) => ({ kind: 'summary', currency: t.currency, lifetimeRevenue: Number(t.revenue), orders: Number(t.orders), lastPurchaseAt: t.last })),
      ...recent.map((o) => ({ kind: 'order', ...o, total: Number(o.total) })),
    ];
  },
});

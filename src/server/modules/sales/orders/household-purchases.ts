// A household's combined purchases (orders that count as revenue, per currency), added to its value in the households view.
import { visibleTo } from '../../../core/auth/actor.js';
import { registerHouseholdValueContributor } from '../../data/index.js';
import { revenueStatuses } from './order-tables.js';

registerHouseholdValueContributor({
  key: 'purchases',
  async compute(db, contactIds, actor) {
    if (contactIds.length === 0) return [];
    const rows = await db
      .selectFrom('orders')
      .select((eb) => ['currency', eb.fn.sum<number>('total').as('amount'), eb.fn.countAll<number>().as('orders')])
      .where('contactId', 'in', contactIds)
      .where('status', 'in', revenueStatuses)
      // The same orders the purchase history shows the actor.
      .where((eb) => visibleTo(eb, actor, 'ownerId', 'teamId'))
      .groupBy('currency')
      .orderBy('currency')
      .execute();
    return rows.map((r) => ({ currency: r.currency, amount: Number(r.amount), orders: Number(r.orders) }));
  },
});

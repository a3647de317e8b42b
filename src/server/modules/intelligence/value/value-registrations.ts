// Customer value in the rest of the app: a section of the contact's 360° view, the household's combined value, and
// the contact's data (in their export, gone on erasure, dropped on a merge until the next daily computation).
import { contactVisibleTo } from '../../../core/auth/record-scope.js';
import { getOrgSettings } from '../../../core/settings.js';
import { registerOverviewContributor } from '../../customers/index.js';
import { registerContactRowParticipant } from '../contact-row-participant.js';
import { registerHouseholdValueContributor } from '../../data/index.js';

registerOverviewContributor({
  key: 'lifetimeValue',
  title: 'Lifetime value',
  objects: ['contact'],
  omitWhenEmpty: true,
  async section(ctx, _object, id) {
    const v = await ctx.db.kysely.selectFrom('contact_values').selectAll().where('contactId', '=', id).executeTakeFirst();
    if (!v) return [];
    const currency = (await getOrgSettings(ctx.db.kysely)).defaultCurrency;
    const items: Record<string, unknown>[] = [{ kind: 'historicalValue', revenue: Number(v.revenue), productCost: Number(v.productCost), serviceCost: Number(v.serviceCost), margin: Number(v.margin), currency }];
    if (v.predictedValue !== null) items.push({ kind: 'predictedValue', predictedRevenue: Number(v.predictedValue), expectedOrders: Math.round(Number(v.expectedOrders) * 10) / 10, probabilityAlive: `${Math.round(Number(v.probabilityAlive) * 100)} %`, currency });
    return items;
  },
});

// Two figures for the household: its members' margin to date and their predicted value (contacts the actor may see).
for (const [key, column] of [['lifetimeMargin', 'v.margin'], ['predictedValue', 'v.predictedValue']] as const) {
  registerHouseholdValueContributor({
    key,
    async compute(db, contactIds, actor) {
      if (contactIds.length === 0) return [];
      const row = await db
        .selectFrom('contact_values as v')
        .select((eb) => [eb.fn.sum<number>(column).as('amount'), eb.fn.count<number>(column).as('n')])
        .where('v.contactId', 'in', contactIds)
        .where((eb) => contactVisibleTo(eb, actor, 'v.contactId'))
        .executeTakeFirst();
      if (!row || !Number(row.n)) return [];
      return [{ amount: Number(row.amount), currency: (await getOrgSettings(db)).defaultCurrency }];
    },
  });
}

registerContactRowParticipant('contactValues', 'contact_values');

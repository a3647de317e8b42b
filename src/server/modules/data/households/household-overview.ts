// The contact's household in the 360° view: its name, why its members belong together, how many they are, and a
// link to the household page; left out for contacts in no household.
import { contactVisibleTo } from '../../../core/auth/record-scope.js';
import { registerOverviewContributor } from '../../customers/index.js';

registerOverviewContributor({
  key: 'household',
  title: 'Household',
  objects: ['contact'],
  omitWhenEmpty: true,
  async section(ctx, _object, contactId) {
    const rows = await ctx.db.kysely
      .selectFrom('householdMembers as m')
      .innerJoin('households as h', 'h.id', 'm.householdId')
      .select((eb) => [
        'h.id',
        'h.name',
        'h.basis',
        // Only the members the actor may see count, as on the household page.
        eb
          .selectFrom('householdMembers as o')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('o.householdId', '=', 'h.id')
          .where('o.origin', '!=', 'excluded')
          .where((e) => contactVisibleTo(e, ctx.actor, 'o.contactId'))
          .as('members'),
      ])
      .where('m.contactId', '=', contactId)
      .where('m.origin', '!=', 'excluded')
      .execute();
    return rows.map((r) => ({ name: r.name, basis: r.basis, members: Number(r.members), path: `/households/${r.id}` }));
  },
});

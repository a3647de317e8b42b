// The Marketing section of a contact's 360° view: the campaigns they received, with opened / clicked / unsubscribed.
import { registerOverviewContributor } from '../../customers/index.js';

registerOverviewContributor({
  key: 'marketing',
  title: 'Marketing',
  objects: ['contact'],
  omitWhenEmpty: true,
  async section(ctx, _object, id) {
    const rows = await ctx.db.kysely
      .selectFrom('campaignRecipients as r')
      .innerJoin('campaigns as c', 'c.id', 'r.campaignId')
      .select(['c.id as campaignId', 'c.name', 'r.status', 'r.sentAt', 'r.openedAt', 'r.clickedAt', 'r.unsubscribedAt', 'r.bouncedAt'])
      .where('r.contactId', '=', id)
      .where('r.status', 'in', ['sent', 'failed'])
      .orderBy('r.sentAt', 'desc')
      .limit(20)
      .execute();
    return rows.map((r) => ({ ...r, path: `/campaigns/${r.campaignId}/report` }));
  },
});

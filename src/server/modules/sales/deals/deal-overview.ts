// The deals of a contact (with the contact's role on each) or of a company as a section of the 360° view, visibility-scoped.
// A closed deal shows the day it was won or lost; an open one its expected close date.
import { visibleTo } from '../../../core/auth/actor.js';
import { registerOverviewContributor } from '../../customers/index.js';

registerOverviewContributor({
  key: 'deals',
  title: 'Deals',
  objects: ['contact', 'company'],
  async section(ctx, object, id) {
    let q = ctx.db.kysely
      .selectFrom('deals as d')
      .innerJoin('pipelineStages as s', 's.id', 'd.stageId')
      .select(['d.id', 'd.name', 's.name as stageName', 'd.status', 'd.amount', 'd.currency', 'd.expectedCloseDate', 'd.closedAt'])
      .where((eb) => visibleTo(eb, ctx.actor, 'd.ownerId', 'd.teamId'))
      .orderBy('d.status', 'desc')
      .orderBy('d.id', 'desc')
      .limit(50);
    const rows =
      object === 'contact'
        ? await q.innerJoin('dealContacts as dc', 'dc.dealId', 'd.id').select('dc.role').where('dc.contactId', '=', id).execute()
        : await (q = q.where('d.companyId', '=', id)).select((eb) => eb.val<string | null>(null).as('role')).execute();
    return rows.map((r) => ({
      dealId: r.id,
      name: r.name,
      path: `/deals?deal=${r.id}`,
      stageName: r.stageName,
      amount: Number(r.amount),
      currency: r.currency,
      role: r.role ?? null,
      ...(r.closedAt ? { closedOn: r.closedAt.slice(0, 10) } : { expectedClose: r.expectedCloseDate }),
      status: r.status,
    }));
  },
});

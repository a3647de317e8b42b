// The sales module's cards on the Today page: my deals closing this month, my stalled deals and my new leads.
// "Mine" is what I own, which the visibility rules always let me see; a linked company's name only when I may see it.
import { companyVisibleTo } from '../../core/auth/record-scope.js';
import { item, registerTodayCard } from '../../core/today/today-registry.js';

/** An open deal whose stage has not moved for this many days is stalled. */
export const STALLED_DAYS = 14;

registerTodayCard({
  key: 'closingDeals',
  order: 30,
  async load({ db, actor }, day, limit) {
    const k = db.kysely;
    const closing = () =>
      k
        .selectFrom('deals as d')
        .where('d.ownerId', '=', actor.id)
        .where('d.status', '=', 'open')
        .where('d.expectedCloseDate', '>=', day.monthFirst)
        .where('d.expectedCloseDate', '<', day.nextMonthFirst);
    const [rows, totals] = await Promise.all([
      closing()
        .innerJoin('pipelineStages as s', 's.id', 'd.stageId')
        .leftJoin('companies as co', (j) => j.onRef('co.id', '=', 'd.companyId').on((eb) => companyVisibleTo(eb, actor, 'co.id')))
        .select(['d.id', 'd.name', 'd.amount', 'd.currency', 'd.expectedCloseDate', 's.name as stage', 'co.name as company'])
        .orderBy('d.expectedCloseDate')
        .orderBy('d.id')
        .limit(limit)
        .execute(),
      closing().select((eb) => ['d.currency', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('d.amount').as('amount')]).groupBy('d.currency').execute(),
    ]);
    // The total is given in the currency most of the month's deals use; the count covers them all.
    const main = [...totals].sort((a, b) => Number(b.n) - Number(a.n))[0];
    return {
      count: totals.reduce((s, r) => s + Number(r.n), 0),
      total: main ? Number(main.amount) : null,
      currency: main?.currency ?? null,
      items: rows.map((r) => item({ id: r.id, title: r.name, subtitle: r.company, at: r.expectedCloseDate, amount: Number(r.amount), currency: r.currency, entity: 'deal', entityId: r.id, tags: [r.stage] })),
    };
  },
});

registerTodayCard({
  key: 'stalledDeals',
  order: 40,
  async load({ db, actor }, day, limit) {
    const before = new Date(Date.parse(day.now) - STALLED_DAYS * 86_400_000).toISOString();
    const stalled = () => db.kysely.selectFrom('deals as d').where('d.ownerId', '=', actor.id).where('d.status', '=', 'open').where('d.stageEnteredAt', '<', before);
    const [rows, n] = await Promise.all([
      stalled()
        .innerJoin('pipelineStages as s', 's.id', 'd.stageId')
        .leftJoin('companies as co', (j) => j.onRef('co.id', '=', 'd.companyId').on((eb) => companyVisibleTo(eb, actor, 'co.id')))
        .select(['d.id', 'd.name', 'd.amount', 'd.currency', 'd.stageEnteredAt', 's.name as stage', 'co.name as company'])
        .orderBy('d.stageEnteredAt')
        .orderBy('d.id')
        .limit(limit)
        .execute(),
      stalled().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      count: Number(n?.n ?? 0),
      total: null,
      currency: null,
      // `at` is when the deal entered its stage: the UI says "in Proposal for 23 days".
      items: rows.map((r) => item({ id: r.id, title: r.name, subtitle: r.company, at: r.stageEnteredAt, amount: Number(r.amount), currency: r.currency, entity: 'deal', entityId: r.id, tags: [r.stage] })),
    };
  },
});

registerTodayCard({
  key: 'newLeads',
  order: 50,
  async load({ db, actor }, _day, limit) {
    const fresh = () => db.kysely.selectFrom('leadDetails as l').innerJoin('contacts as c', 'c.id', 'l.contactId').where('c.ownerId', '=', actor.id).where('l.status', '=', 'new');
    const [rows, n] = await Promise.all([
      fresh()
        .leftJoin('companies as co', (j) => j.onRef('co.id', '=', 'c.companyId').on((eb) => companyVisibleTo(eb, actor, 'co.id')))
        .select(['c.id', 'c.displayName', 'co.name as company', 'l.source', 'l.assignedAt', 'l.createdAt'])
        .orderBy('l.createdAt', 'desc')
        .orderBy('c.id', 'desc')
        .limit(limit)
        .execute(),
      fresh().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      count: Number(n?.n ?? 0),
      total: null,
      currency: null,
      items: rows.map((r) => item({ id: r.id, title: r.displayName, subtitle: r.company, at: r.assignedAt ?? r.createdAt, entity: 'contact', entityId: r.id, tags: r.source ? [r.source] : [] })),
    };
  },
});

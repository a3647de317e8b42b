// Performance per rep or team over a date range: activities, leads contacted, deals, stage conversion, win rate,
// average deal size, sales cycle and revenue (won deals + orders not made by deals), within who the actor may see.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../db-schema.js';
import { AppError } from '../../../core/errors.js';
import { getOrgSettings } from '../../../core/settings.js';
import { activityCountsByUser } from '../../interactions/index.js';
import { ensureDefaultPipeline, getPipeline } from '../pipelines/pipeline-repository.js';
import { revenueStatuses } from '../orders/order-tables.js';
import { peopleInView } from './people-in-view.js';
import { conversionsByOwner, sumConversions } from './stage-conversions.js';
import type { PerformanceQuery, PerformanceRow } from './performance-schemas.js';

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export async function computePerformance(db: Db, actor: Actor, q: PerformanceQuery) {
  if (q.to <= q.from) throw new AppError('validation', 'The range ends before it starts', [{ path: 'to', message: 'must be after from' }]);
  const people = await peopleInView(db, actor, q.teamId);
  const ids = people.map((p) => p.id);
  const currency = q.currency ?? (await getOrgSettings(db.kysely)).defaultCurrency;
  const pipeline = await getPipeline(db.kysely, q.pipelineId ?? (await ensureDefaultPipeline(db.kysely)));
  const from = `${q.from}T00:00:00.000Z`;
  const to = `${q.to}T00:00:00.000Z`;
  const k = db.kysely;
  const none = ids.length === 0;
  // People in view are counted only over records the actor may see (a rep's deal kept by another team stays out).
  const inScope = (eb: ExpressionBuilder<Database, 'deals' | 'orders'>) => visibleTo(eb, actor, 'ownerId', 'teamId');
  const [activity, closed, created, orders, conversions] = await Promise.all([
    activityCountsByUser(k, { from, to, userIds: ids, actor }),
    none ? [] : k
      .selectFrom('deals')
      .select((eb) => [
        'ownerId',
        eb.fn.sum<number>(sql`case when status = 'won' then 1 else 0 end`).as('won'),
        eb.fn.sum<number>(sql`case when status = 'lost' then 1 else 0 end`).as('lost'),
        eb.fn.sum<number>(sql`case when status = 'won' and currency = ${currency} then amount else 0 end`).as('wonAmount'),
        eb.fn.sum<number>(sql`case when status = 'won' and currency = ${currency} then 1 else 0 end`).as('wonInCurrency'),
        eb.fn.sum<number>(sql`case when status = 'won' then cycle_days else 0 end`).as('wonDays'),
      ])
      .where('status', 'in', ['won', 'lost'])
      .where('closedAt', '>=', from)
      .where('closedAt', '<', to)
      .where('ownerId', 'in', ids)
      .where(inScope)
      .groupBy('ownerId')
      .execute(),
    none ? [] : k.selectFrom('deals').select((eb) => ['ownerId', eb.fn.countAll<number>().as('n')]).where('createdAt', '>=', from).where('createdAt', '<', to).where('ownerId', 'in', ids).where(inScope).groupBy('ownerId').execute(),
    none ? [] : k
      .selectFrom('orders')
      .select((eb) => ['ownerId', eb.fn.sum<number>('total').as('amount')])
      .where('orderedAt', '>=', from)
      .where('orderedAt', '<', to)
      .where('currency', '=', currency)
      .where('status', 'in', revenueStatuses)
      .where('dealId', 'is', null)
      .where('ownerId', 'in', ids)
      .where(inScope)
      .groupBy('ownerId')
      .execute(),
    conversionsByOwner(db, actor, pipeline.id, pipeline.stages, ids, from, to),
  ]);
  const per = (id: string) => {
    const a = activity.find((x) => x.userId === id);
    const c = closed.find((x) => x.ownerId === id);
    return {
      activities: a?.activities ?? 0,
      leadsContacted: a?.contactsReached ?? 0,
      dealsCreated: Number(created.find((x) => x.ownerId === id)?.n ?? 0),
      won: Number(c?.won ?? 0),
      lost: Number(c?.lost ?? 0),
      wonAmount: Number(c?.wonAmount ?? 0),
      wonInCurrency: Number(c?.wonInCurrency ?? 0),
      wonDays: Number(c?.wonDays ?? 0),
      orderRevenue: Number(orders.find((x) => x.ownerId === id)?.amount ?? 0),
      conversions: conversions.get(id) ?? [],
    };
  };
  const groups = q.groupBy === 'rep' ? people.map((p) => ({ key: p.id, name: p.name, members: [p.id] })) : await teamGroups(db, people);
  const rows: PerformanceRow[] = groups.map((g) => {
    const m = g.members.map(per);
    const sum = (f: (x: ReturnType<typeof per>) => number) => m.reduce((acc, x) => acc + f(x), 0);
    const won = sum((x) => x.won);
    const lost = sum((x) => x.lost);
    const wonIn = sum((x) => x.wonInCurrency);
    return {
      key: g.key,
      name: g.name,
      activities: sum((x) => x.activities),
      leadsContacted: sum((x) => x.leadsContacted),
      dealsCreated: sum((x) => x.dealsCreated),
      won,
      lost,
      winRate: won + lost ? round(won / (won + lost), 4) : null,
      averageDealSize: wonIn ? Math.round(sum((x) => x.wonAmount) / wonIn) : null,
      salesCycleDays: won ? round(sum((x) => x.wonDays) / won, 1) : null,
      revenue: sum((x) => x.wonAmount + x.orderRevenue),
      conversions: sumConversions(m.map((x) => x.conversions)),
    };
  });
  return { currency, from: q.from, to: q.to, groupBy: q.groupBy, pipelineId: pipeline.id, rows };
}

async function teamGroups(db: Db, people: { id: string; teamId: string | null }[]) {
  const teams = await db.kysely.selectFrom('teams').select(['id', 'name']).orderBy('name').execute();
  const groups = teams.map((t) => ({ key: t.id, name: t.name, members: people.filter((p) => p.teamId === t.id).map((p) => p.id) })).filter((g) => g.members.length);
  const loose = people.filter((p) => !p.teamId).map((p) => p.id);
  return loose.length ? [...groups, { key: 'no-team', name: 'No team', members: loose }] : groups;
}

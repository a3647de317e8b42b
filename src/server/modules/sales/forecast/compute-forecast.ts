// The forecast by month or quarter: weighted pipeline (amount × stage probability), the reps' commit and best case,
// a forecast from each rep's historical win rate and cycle time, what closed (won deals + orders not from deals), quota attainment.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { getOrgSettings } from '../../../core/settings.js';
import { dealScope, monthTotalsScope } from './forecast-scope.js';
import type { ForecastQuery, ForecastRow } from './forecast-schemas.js';
import { monthsBetween, nextMonth, periodOf } from './periods.js';
import { historicalByMonth } from './historical-forecast.js';
import { quotaByMonth } from './quotas.js';

export async function computeForecast(db: Db, actor: Actor, q: ForecastQuery) {
  const months = monthsBetween(q.from, q.to);
  const currency = q.currency ?? (await getOrgSettings(db.kysely)).defaultCurrency;
  const start = `${q.from}-01`;
  const end = `${nextMonth(q.to)}-01`;
  const k = db.kysely;
  const [open, won, orders, hist, quotas] = await Promise.all([
    k
      .selectFrom('deals')
      // Grouped by stage without a join, so the covering index deals_open_close answers alone; probabilities come after.
      .select((eb) => [sql<string>`substr(deals.expected_close_date, 1, 7)`.as('month'), 'deals.forecastCategory', 'deals.stageId', eb.fn.sum<number>('deals.amount').as('amount')])
      .where('deals.status', '=', 'open')
      .where('deals.forecastCategory', '!=', 'omitted')
      .where('deals.currency', '=', currency)
      .where('deals.expectedCloseDate', '>=', start)
      .where('deals.expectedCloseDate', '<', end)
      .where(dealScope(actor, q))
      .groupBy([sql`substr(deals.expected_close_date, 1, 7)`, 'deals.forecastCategory', 'deals.stageId'])
      .execute(),
    k
      .selectFrom('deals')
      .select((eb) => [sql<string>`substr(deals.closed_at, 1, 7)`.as('month'), eb.fn.sum<number>('deals.amount').as('amount')])
      .where('deals.status', '=', 'won')
      .where('deals.currency', '=', currency)
      .where('deals.closedAt', '>=', start)
      .where('deals.closedAt', '<', end)
      .where(dealScope(actor, q))
      .groupBy(sql`substr(deals.closed_at, 1, 7)`)
      .execute(),
    // Orders a won deal made are already counted with the deal.
    // Read from the monthly running totals (forecast/rollups.ts), which hold exactly these orders.
    k
      .selectFrom('orderMonthTotals as orders')
      .select((eb) => ['orders.month', eb.fn.sum<number>('orders.total').as('amount')])
      .where('orders.month', '>=', q.from)
      .where('orders.month', '<=', q.to)
      .where('orders.currency', '=', currency)
      .where(monthTotalsScope(actor, q))
      .groupBy('orders.month')
      .execute(),
    historicalByMonth(db, actor, q, currency),
    quotaByMonth(db, actor, q, months, currency),
  ]);

  const probability = new Map((await k.selectFrom('pipelineStages').select(['id', 'probability']).execute()).map((x) => [x.id, x.probability]));
  const rows = new Map<string, ForecastRow & { weightedRaw: number; historicalRaw: number }>();
  const row = (month: string) => {
    const key = periodOf(month, q.period);
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { period: key, pipeline: 0, weighted: 0, weightedRaw: 0, commit: 0, bestCase: 0, historical: 0, historicalRaw: 0, wonDeals: 0, orderRevenue: 0, closed: 0, quota: null, attainment: null }));
    return r;
  };
  for (const m of months) {
    const r = row(m);
    const quota = quotas.get(m);
    if (quota !== undefined) r.quota = (r.quota ?? 0) + quota;
  }
  for (const o of open) {
    const r = row(o.month);
    const amount = Number(o.amount);
    r.pipeline += amount;
    r.weightedRaw += (amount * (probability.get(o.stageId) ?? 0)) / 100;
    if (o.forecastCategory === 'commit') r.commit += amount;
    if (o.forecastCategory === 'commit' || o.forecastCategory === 'best_case') r.bestCase += amount;
  }
  for (const w of won) row(w.month).wonDeals += Number(w.amount);
  for (const o of orders) row(o.month).orderRevenue += Number(o.amount);
  for (const [m, v] of hist.byMonth) if (m >= q.from && m <= q.to) row(m).historicalRaw += v;
  const out = [...rows.values()].map(({ weightedRaw, historicalRaw, ...r }) => {
    const closed = r.wonDeals + r.orderRevenue;
    return { ...r, weighted: Math.round(weightedRaw), historical: Math.round(historicalRaw), closed, attainment: r.quota ? Math.round((closed / r.quota) * 10000) / 10000 : null };
  });
  // Commit is also what already closed plus what reps commit; best case adds their best-case deals on top.
  return { currency, period: q.period, rows: out.sort((a, b) => a.period.localeCompare(b.period)), reps: hist.reps };
}

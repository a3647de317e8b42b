// The forecast from history: each rep's win rate and average cycle over the last year of closed deals, applied to their
// open deals (amount × win rate). A deal is placed in the month of its expected close date; one without a date at
// creation + the rep's cycle; either way never before this month (an overdue deal can still close, but not in the past).
// Placing every deal at creation + cycle pushed young deals past the shown period: with a half-year average cycle, deals
// opened this autumn all landed next year and the line was a flat 0 over the current one.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { ForecastQuery } from './forecast-schemas.js';
import { dealScope } from './forecast-scope.js';

const DAY = 86_400_000;

export async function historicalByMonth(db: Db, actor: Actor, q: ForecastQuery, currency: string) {
  const asOf = q.asOf ?? new Date().toISOString().slice(0, 10);
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const since = new Date(asOfMs - 365 * DAY).toISOString();
  const k = db.kysely;
  const [closed, open] = await Promise.all([
    k
      .selectFrom('deals')
      .select((eb) => [
        'deals.ownerId',
        eb.fn.sum<number>(sql`case when deals.status = 'won' then 1 else 0 end`).as('won'),
        eb.fn.countAll<number>().as('closed'),
        eb.fn.sum<number>(sql`case when deals.status = 'won' then deals.cycle_days else 0 end`).as('wonDays'),
      ])
      .where('deals.status', 'in', ['won', 'lost'])
      .where('deals.closedAt', '>=', since)
      .where('deals.closedAt', '<', `${asOf}T00:00:00.000Z`)
      .where(dealScope(actor, q))
      .groupBy('deals.ownerId')
      .execute(),
    k
      .selectFrom('deals')
      .select((eb) => ['deals.ownerId', sql<string>`substr(deals.created_at, 1, 10)`.as('day'), 'deals.expectedCloseDate', eb.fn.sum<number>('deals.amount').as('amount')])
      .where('deals.status', '=', 'open')
      .where('deals.forecastCategory', '!=', 'omitted')
      .where('deals.currency', '=', currency)
      .where(dealScope(actor, q))
      .groupBy(['deals.ownerId', sql`substr(deals.created_at, 1, 10)`, 'deals.expectedCloseDate'])
      .execute(),
  ]);
  const tot = closed.reduce((a, r) => ({ won: a.won + Number(r.won), closed: a.closed + Number(r.closed), days: a.days + Number(r.wonDays) }), { won: 0, closed: 0, days: 0 });
  const overall = { winRate: tot.closed ? tot.won / tot.closed : 0, cycleDays: tot.won ? tot.days / tot.won : 0 };
  const reps = new Map(closed.map((r) => [r.ownerId, { ownerId: r.ownerId, winRate: Number(r.won) / Number(r.closed), cycleDays: Number(r.won) ? Number(r.wonDays) / Number(r.won) : overall.cycleDays, closedDeals: Number(r.closed) }]));
  const byMonth = new Map<string, number>();
  for (const o of open) {
    // A rep with no closed deal in the year is forecast with everyone's rate.
    const s = reps.get(o.ownerId) ?? overall;
    const expected = o.expectedCloseDate ? Date.parse(`${String(o.expectedCloseDate).slice(0, 10)}T00:00:00Z`) : Number.NaN;
    const close = Math.max(Number.isNaN(expected) ? Date.parse(`${o.day}T00:00:00Z`) + Math.round(s.cycleDays) * DAY : expected, asOfMs);
    const month = new Date(close).toISOString().slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + Number(o.amount) * s.winRate);
  }
  return { byMonth, reps: [...reps.values()].map((r) => ({ ...r, winRate: Math.round(r.winRate * 10000) / 10000, cycleDays: Math.round(r.cycleDays * 10) / 10 })) };
}

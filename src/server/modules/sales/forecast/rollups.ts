// Keeps the running totals (see rollup-tables.ts) in step with every deal and order write, in the writer's transaction.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database.js';
import { revenueStatuses, type OrderStatus } from '../orders/order-tables.js';

export async function addToStageTotals(trx: DbOrTrx, d: { stageId: string; currency: string; amount: number; ownerId: string | null; teamId: string | null }, sign: 1 | -1): Promise<void> {
  await trx
    .insertInto('dealOwnerStageTotals')
    .values({ stageId: d.stageId, currency: d.currency, ownerId: d.ownerId ?? '', teamId: d.teamId ?? '', n: sign, amount: sign * d.amount })
    .onConflict((oc) => oc.columns(['stageId', 'currency', 'ownerId', 'teamId']).doUpdateSet((eb) => ({ n: eb('dealOwnerStageTotals.n', '+', sign), amount: eb('dealOwnerStageTotals.amount', '+', sign * d.amount) })))
    .execute();
}

type OrderFacts = { orderedAt: string; currency: string; ownerId: string | null; teamId: string | null; total: number; status: OrderStatus; dealId: string | null };

/** Only revenue (pending, paid, fulfilled) of orders that no deal made: what the forecast adds to won deals. */
export async function addToMonthTotals(trx: DbOrTrx, o: OrderFacts, sign: 1 | -1): Promise<void> {
  if (o.dealId || !revenueStatuses.includes(o.status)) return;
  await trx
    .insertInto('orderMonthTotals')
    .values({ month: o.orderedAt.slice(0, 7), currency: o.currency, ownerId: o.ownerId ?? '', teamId: o.teamId ?? '', n: sign, total: sign * o.total })
    .onConflict((oc) => oc.columns(['month', 'currency', 'ownerId', 'teamId']).doUpdateSet((eb) => ({ n: eb('orderMonthTotals.n', '+', sign), total: eb('orderMonthTotals.total', '+', sign * o.total) })))
    .execute();
}

/** Recomputes both from the rows (after bulk loads: seeds, benchmarks). */
export async function rebuildRollups(db: DbOrTrx): Promise<void> {
  await db.deleteFrom('dealOwnerStageTotals').execute();
  await sql`insert into deal_owner_stage_totals (stage_id, currency, owner_id, team_id, n, amount)
    select stage_id, currency, coalesce(owner_id, ''), coalesce(team_id, ''), count(*), sum(amount) from deals
    group by stage_id, currency, coalesce(owner_id, ''), coalesce(team_id, '')`.execute(db);
  await db.deleteFrom('orderMonthTotals').execute();
  await sql`insert into order_month_totals (month, currency, owner_id, team_id, n, total)
    select substr(ordered_at, 1, 7), currency, coalesce(owner_id, ''), coalesce(team_id, ''), count(*), sum(total) from orders
    where deal_id is null and status in ('pending', 'paid', 'fulfilled')
    group by substr(ordered_at, 1, 7), currency, coalesce(owner_id, ''), coalesce(team_id, '')`.execute(db);
}

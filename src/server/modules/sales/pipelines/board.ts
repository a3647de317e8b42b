// The kanban board of a pipeline: each stage's first page of deals (ordered by position) and its totals, with filters.
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { decodeCursor, keysetAfter, pageOf } from '../../../core/pagination.js';
import type { Database } from '../../../db-schema.js';
import { getPipeline } from './pipeline-repository.js';
import type { BoardCard, BoardQuery, Stage } from './pipeline-schemas.js';

type Eb = ExpressionBuilder<Database, 'deals'>;

/**
 * The board's filters and the actor's scope, as one condition on deals. In a column's page the scope is written so no
 * index serves it: walking the column's (stage, position) index and skipping others' deals beats sorting a team's deals.
 */
function filtersOf(actor: Actor, q: BoardQuery, inColumn = false) {
  return (eb: Eb) => {
    const own = (col: 'deals.ownerId' | 'deals.teamId', v: string) => eb(eb.fn.coalesce(col, eb.val('')), '=', v);
    const scope = !inColumn || actor.visibility === 'all' ? visibleTo(eb, actor, 'deals.ownerId', 'deals.teamId') : eb.or([own('deals.ownerId', actor.id), ...(actor.teamId ? [own('deals.teamId', actor.teamId)] : [])]);
    const conds = [scope];
    if (q.ownerId) conds.push(eb('deals.ownerId', '=', q.ownerId === 'me' ? actor.id : q.ownerId));
    if (q.closeMonth) conds.push(eb.and([eb('deals.expectedCloseDate', '>=', `${q.closeMonth}-01`), eb('deals.expectedCloseDate', '<=', `${q.closeMonth}-31`)]));
    return eb.and(conds);
  };
}

async function columnPage(db: Db, actor: Actor, stageId: string, q: BoardQuery, cursor: string | undefined) {
  let query = db.kysely
    .selectFrom('deals')
    .leftJoin('users as u', 'u.id', 'deals.ownerId')
    .leftJoin('companies as co', 'co.id', 'deals.companyId')
    .select(['deals.id', 'deals.name', 'deals.amount', 'deals.currency', 'deals.expectedCloseDate', 'deals.closedAt', 'deals.ownerId', 'u.name as ownerName', 'deals.companyId', 'co.name as companyName', 'deals.status', 'deals.forecastCategory', 'deals.position', 'deals.stageEnteredAt'])
    .where('deals.stageId', '=', stageId)
    .where(filtersOf(actor, q, true))
    .orderBy('deals.position')
    .orderBy('deals.id')
    .limit(q.limit + 1);
  if (cursor) {
    query = query.where(keysetAfter('deals.position', 'deals.id', decodeCursor(cursor, 2), 'asc'));
  }
  const rows = (await query.execute()).map((r) => ({ ...r, amount: Number(r.amount), position: Number(r.position) })) as BoardCard[];
  return pageOf(rows, q.limit, (r) => [r.position, r.id]);
}

async function columnTotals(db: Db, actor: Actor, pipelineId: string, stages: Stage[], q: BoardQuery) {
  // Unfiltered by month (owner and scope are keys of the totals): summed from the running totals.
  const rows = !q.closeMonth
    ? await db.kysely
        .selectFrom('dealOwnerStageTotals as deals')
        .select((eb) => ['deals.stageId', 'deals.currency', eb.fn.sum<number>('deals.n').as('n'), eb.fn.sum<number>('deals.amount').as('amount')])
        .where('deals.stageId', 'in', stages.map((s) => s.id))
        .where((eb) => eb.and([visibleTo(eb, actor, 'deals.ownerId', 'deals.teamId'), ...(q.ownerId ? [eb('deals.ownerId', '=', q.ownerId === 'me' ? actor.id : q.ownerId)] : [])]))
        .groupBy(['deals.stageId', 'deals.currency'])
        .having((eb) => eb.fn.sum('deals.n'), '>', 0)
        .execute()
    : await db.kysely
    .selectFrom('deals')
    .select((eb) => ['deals.stageId', 'deals.currency', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('deals.amount').as('amount')])
    .where('deals.pipelineId', '=', pipelineId)
    .where(filtersOf(actor, q))
    .groupBy(['deals.stageId', 'deals.currency'])
    .execute();
  const prob = new Map(stages.map((s) => [s.id, s.probability]));
  const out = new Map<string, { currency: string; count: number; amount: number; weightedAmount: number }[]>();
  for (const r of rows) {
    const amount = Number(r.amount);
    const list = out.get(r.stageId) ?? [];
    list.push({ currency: r.currency, count: Number(r.n), amount, weightedAmount: Math.round((amount * (prob.get(r.stageId) ?? 0)) / 100) });
    out.set(r.stageId, list);
  }
  return out;
}

export async function getBoard(db: Db, actor: Actor, pipelineId: string, q: BoardQuery) {
  const pipeline = await getPipeline(db.kysely, pipelineId);
  if (q.cursor && !q.stageId) throw new AppError('validation', 'A cursor pages one column: give its stageId too', [{ path: 'stageId', message: 'required with cursor' }]);
  const stages = q.stageId ? pipeline.stages.filter((s) => s.id === q.stageId) : pipeline.stages;
  if (!stages.length) throw new AppError('validation', 'That stage is not in this pipeline', [{ path: 'stageId', message: 'unknown stage' }]);
  const [totals, pages] = await Promise.all([columnTotals(db, actor, pipelineId, pipeline.stages, q), Promise.all(stages.map((s) => columnPage(db, actor, s.id, q, q.cursor)))]);
  const { stages: _omit, ...head } = pipeline;
  return {
    pipeline: head,
    columns: stages.map((stage, i) => {
      const t = (totals.get(stage.id) ?? []).sort((a, b) => a.currency.localeCompare(b.currency));
      return { stage, count: t.reduce((a, x) => a + x.count, 0), totals: t, deals: pages[i]!.data, nextCursor: pages[i]!.nextCursor };
    }),
  };
}

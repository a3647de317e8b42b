// Runs a bulk change of contacts or companies: a small selection inline (the answer carries the counts), a large one,
// and every delete, as a durable job that walks the selection in batches with a checkpoint per batch, so a restart
// resumes where it stopped.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { enqueueJob, registerJobHandler } from '../../../core/jobs/job-queue.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { resolveOwner } from '../ownership.js';
import { applyBulkBatch } from './bulk-apply.js';
import type { BulkAction, BulkCounts, BulkSelection } from './bulk-schemas.js';
import { bulkTargets, type BulkObject, type BulkTarget } from './bulk-targets.js';

/** The job of each list: contacts.bulk, companies.bulk. */
export const bulkJobName = (object: BulkObject) => `${object}.bulk`;
/** Selections up to this size run inside the request. */
export const INLINE_MAX = () => Number(process.env.RAPPORT_BULK_INLINE_MAX ?? 500);
const BATCH = () => Number(process.env.RAPPORT_BULK_BATCH ?? 500);
/** A delete waits this long before it runs, so it can be undone (the job cancelled) without losing anything. */
export const UNDO_MS = () => Number(process.env.RAPPORT_BULK_UNDO_MS ?? 15_000);

interface Payload {
  actor: Actor;
  selection: BulkSelection;
  action: BulkAction;
  ownerTeamId: string | null;
  total: number | null;
}

interface Progress extends Partial<BulkCounts> {
  /** ids: how many ids are done; filter: the list cursor of the next page. */
  offset?: number;
  cursor?: string | null;
  total?: number | null;
}

/** One page of the selection after `state`; a filter walks the list oldest first so changed rows never shift pages. */
async function nextPage(db: Db, actor: Actor, target: BulkTarget, selection: BulkSelection, state: Progress, size: number): Promise<{ ids: string[]; state: Progress; done: boolean }> {
  if ('ids' in selection) {
    const offset = state.offset ?? 0;
    const ids = selection.ids.slice(offset, offset + size);
    return { ids, state: { offset: offset + ids.length }, done: offset + ids.length >= selection.ids.length };
  }
  if (state.cursor === null) return { ids: [], state, done: true };
  const page = await target.list(db, actor, { ...selection.filter, sort: 'createdAt', limit: size, cursor: state.cursor });
  return { ids: page.data.map((c) => c.id), state: { cursor: page.nextCursor }, done: page.nextCursor === null };
}

const add = (a: BulkCounts, b: BulkCounts): BulkCounts => ({ matched: a.matched + b.matched, changed: a.changed + b.changed, skipped: a.skipped + b.skipped });

export type BulkStart = ({ mode: 'inline' } & BulkCounts) | { mode: 'job'; jobId: string; runAt: string };

export async function startBulk(db: Db, actor: Actor, object: BulkObject, selection: BulkSelection, action: BulkAction): Promise<BulkStart> {
  const target = bulkTargets[object];
  // The owner is checked once (active user) before anything runs; a wrong owner is a 400, not a failed job.
  const ownerTeamId = action.type === 'assignOwner' && action.ownerId ? (await resolveOwner(db, actor, action.ownerId)).teamId : null;
  if (action.type !== 'delete') {
    const size = INLINE_MAX();
    if ('ids' in selection && selection.ids.length <= size) return { mode: 'inline', ...(await applyBulkBatch(db, actor, target, selection.ids, action, { ownerTeamId })) };
    if ('filter' in selection) {
      const first = await nextPage(db, actor, target, selection, {}, size);
      if (first.done) return { mode: 'inline', ...(await applyBulkBatch(db, actor, target, first.ids, action, { ownerTeamId })) };
    }
  }
  const total = 'ids' in selection ? new Set(selection.ids).size : null;
  const payload: Payload = { actor, selection, action, ownerTeamId, total };
  const job = await enqueueJob(db, bulkJobName(object), payload, actor.id);
  let runAt = job.createdAt;
  if (action.type === 'delete') {
    runAt = new Date(Date.now() + UNDO_MS()).toISOString();
    await db.kysely.updateTable('jobs').set({ runAt }).where('id', '=', job.id).execute();
  }
  return { mode: 'job', jobId: job.id, runAt };
}

for (const target of Object.values(bulkTargets)) {
  registerJobHandler<Payload>(bulkJobName(target.object), async (ctx) => {
    const { actor, selection, action, ownerTeamId, total } = ctx.job.payload;
    let state = ctx.job.progress as Progress;
    let counts: BulkCounts = { matched: state.matched ?? 0, changed: state.changed ?? 0, skipped: state.skipped ?? 0 };
    const bulk = `${target.object}-bulk:${ctx.job.id}`;
    for (;;) {
      const page = await nextPage(ctx.db, actor, target, selection, state, BATCH());
      if (page.ids.length) counts = add(counts, await applyBulkBatch(ctx.db, actor, target, page.ids, action, { bulk, ownerTeamId }));
      state = page.state;
      await ctx.checkpoint({ ...state, ...counts, total });
      if (page.done) break;
      if (await ctx.cancelled()) return { ...counts, cancelled: true };
    }
    // One summary for the whole run (as import.completed is for an import), audited once as the operation itself.
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await writeAudit(trx, ctx.db.engine, { actorId: actor.id, action: action.type === 'delete' ? 'delete' : 'update', entity: `${target.entity}_bulk`, entityId: ctx.job.id, after: { action, ...counts } });
      await emitEvent(trx, `${target.object}.bulk_completed`, 'job', ctx.job.id, { jobId: ctx.job.id, action, ...counts });
    });
    return counts;
  });
}

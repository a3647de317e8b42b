// Bulk actions on the ticket list (assign, close, add/remove a tag, set priority): the same request shape as the
// contacts' bulk change (chosen ids, or "everything matching" as the list's filters), up to 500 inline, more as a
// durable job that checkpoints per batch. Each ticket changes through the one patch path, so its timeline, audit
// and events are as for a single change; tickets the actor may not see, or that cannot move, are counted skipped.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { enqueueJob, registerJobHandler } from '../../../core/jobs/job-queue.js';
import { ticketPriorities } from '../tables.js';
import { ticketCountQuery, type TicketFilters, type TicketPatch } from './ticket-schemas.js';
import { listTickets } from './list-tickets.js';
import { applyTicketPatch } from './update-ticket.js';
import { resolveAssignment } from './ticket-links.js';

const tag = z.string().trim().min(1).max(50);
export const ticketBulkAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('assign'), assigneeId: z.string().max(100).nullable(), teamId: z.string().max(100).nullable().optional() }),
  z.strictObject({ type: z.literal('close') }),
  z.strictObject({ type: z.literal('addTag'), tag }),
  z.strictObject({ type: z.literal('removeTag'), tag }),
  z.strictObject({ type: z.literal('setPriority'), priority: z.enum(ticketPriorities) }),
]);
export type TicketBulkAction = z.infer<typeof ticketBulkAction>;
export const ticketBulkBody = z.strictObject({
  selection: z.union([z.strictObject({ ids: z.array(z.string().max(100)).min(1).max(10_000) }), z.strictObject({ filter: ticketCountQuery })]),
  action: ticketBulkAction,
});
type Selection = z.infer<typeof ticketBulkBody>['selection'];
export const ticketBulkResult = z.union([
  z.object({ mode: z.literal('inline'), matched: z.number().int(), changed: z.number().int(), skipped: z.number().int() }),
  z.object({ mode: z.literal('job'), jobId: z.string() }),
]);
type Counts = { matched: number; changed: number; skipped: number };

const INLINE_MAX = () => Number(process.env.RAPPORT_BULK_INLINE_MAX ?? 500);
const JOB = 'tickets.bulk';

function patchFor(action: TicketBulkAction, tags: string[]): TicketPatch | null {
  if (action.type === 'assign') return { assigneeId: action.assigneeId, ...(action.teamId !== undefined && { teamId: action.teamId }) };
  if (action.type === 'close') return { status: 'closed' };
  if (action.type === 'setPriority') return { priority: action.priority };
  if (action.type === 'addTag') return tags.includes(action.tag) ? null : { tags: [...tags, action.tag] };
  return tags.includes(action.tag) ? { tags: tags.filter((t) => t !== action.tag) } : null;
}

export async function applyTicketBulk(db: Db, actor: Actor, ids: string[], action: TicketBulkAction): Promise<Counts> {
  const counts: Counts = { matched: 0, changed: 0, skipped: 0 };
  for (const id of new Set(ids)) {
    counts.matched++;
    try {
      // One transaction per ticket: a ticket that cannot move (closed, merged) does not undo the others.
      const outcome = await db.kysely.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('tickets').select('tags').where('id', '=', id).executeTakeFirst();
        if (!row) return 'skipped';
        const patch = patchFor(action, JSON.parse(row.tags) as string[]);
        if (!patch) return 'same';
        return (await applyTicketPatch(trx, db.engine, actor, id, patch, { solveThenClose: true, reason: { bulk: true } })).changed.length > 0 ? 'changed' : 'same';
      });
      if (outcome === 'changed') counts.changed++;
      if (outcome === 'skipped') counts.skipped++;
    } catch (err) {
      // Not visible to the actor, merged, or a move its status does not allow: skipped; anything else is a fault.
      if (!(err instanceof AppError)) throw err;
      counts.skipped++;
    }
  }
  return counts;
}

async function pageIds(db: Db, actor: Actor, filter: TicketFilters, cursor: string | undefined, limit: number) {
  // Oldest first, so tickets changed on the way never move between pages.
  const page = await listTickets(db, actor, { ...filter, sort: 'createdAt', limit, cursor });
  return { ids: page.data.map((t) => t.id), cursor: page.nextCursor };
}

export async function startTicketBulk(db: Db, actor: Actor, selection: Selection, action: TicketBulkAction): Promise<z.infer<typeof ticketBulkResult>> {
  // A wrong assignee or team is the request's mistake: a 422 before anything changes, not a skip per ticket.
  if (action.type === 'assign') await resolveAssignment(db.kysely, { assigneeId: action.assigneeId, teamId: action.teamId }, { assigneeId: null, teamId: null });
  const max = INLINE_MAX();
  if ('ids' in selection && selection.ids.length <= max) return { mode: 'inline', ...(await applyTicketBulk(db, actor, selection.ids, action)) };
  if ('filter' in selection) {
    const first = await pageIds(db, actor, selection.filter, undefined, max);
    if (!first.cursor) return { mode: 'inline', ...(await applyTicketBulk(db, actor, first.ids, action)) };
  }
  const job = await enqueueJob(db, JOB, { actor, selection, action }, actor.id);
  return { mode: 'job', jobId: job.id };
}

registerJobHandler<{ actor: Actor; selection: Selection; action: TicketBulkAction }>(JOB, async (ctx) => {
  const { actor, selection, action } = ctx.job.payload;
  const state = ctx.job.progress as Partial<Counts> & { offset?: number; cursor?: string | null };
  let counts: Counts = { matched: state.matched ?? 0, changed: state.changed ?? 0, skipped: state.skipped ?? 0 };
  const size = INLINE_MAX();
  let offset = state.offset ?? 0;
  let cursor = state.cursor;
  for (;;) {
    let ids: string[];
    let done: boolean;
    if ('ids' in selection) {
      ids = selection.ids.slice(offset, offset + size);
      offset += ids.length;
      done = offset >= selection.ids.length;
    } else {
      if (cursor === null) break;
      const page = await pageIds(ctx.db, actor, selection.filter, cursor, size);
      ids = page.ids;
      cursor = page.cursor;
      done = cursor === null;
    }
    const c = await applyTicketBulk(ctx.db, actor, ids, action);
    counts = { matched: counts.matched + c.matched, changed: counts.changed + c.changed, skipped: counts.skipped + c.skipped };
    await ctx.checkpoint({ ...counts, offset, cursor: cursor ?? null });
    if (done || (await ctx.cancelled())) break;
  }
  return counts;
});

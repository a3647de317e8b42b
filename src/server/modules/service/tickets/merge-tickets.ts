// Merging one ticket into another: its conversations and timeline move to the target, it is closed with
// mergedIntoId set, and a snapshot lets the merge be undone within a window (RAPPORT_TICKET_MERGE_UNDO_HOURS, 72).
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import { systemActor, type Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { addTicketEvent, logTicketChanged } from './ticket-change-log.js';
import { getTicketForActor, visibleTicketRow } from './ticket-repository.js';

export const undoWindowMs = () => Number(process.env.RAPPORT_TICKET_MERGE_UNDO_HOURS ?? 72) * 3600_000;

export const ticketMergeSchema = z.object({ id: z.string(), sourceId: z.string(), targetId: z.string(), createdAt: z.string(), undoUntil: z.string(), undoneAt: z.string().nullable() });
export type TicketMerge = z.infer<typeof ticketMergeSchema>;

interface Snapshot {
  conversations: string[];
  events: string[];
  source: { status: string; solvedAt: string | null; closedAt: string | null };
}

const toMerge = (m: { id: string; sourceId: string; targetId: string; createdAt: string; undoneAt: string | null }): TicketMerge => ({
  id: m.id, sourceId: m.sourceId, targetId: m.targetId, createdAt: m.createdAt, undoneAt: m.undoneAt,
  undoUntil: new Date(Date.parse(m.createdAt) + undoWindowMs()).toISOString(),
});

export async function mergeTickets(db: Db, actor: Actor, sourceId: string, targetId: string): Promise<TicketMerge> {
  if (sourceId === targetId) throw new AppError('validation', 'A ticket cannot be merged into itself', [{ path: 'targetId', message: 'same ticket' }]);
  return db.kysely.transaction().execute(async (trx) => {
    const source = await visibleTicketRow(trx, actor, sourceId);
    const target = await visibleTicketRow(trx, actor, targetId).catch(() => {
      throw new AppError('validation', 'The ticket to merge into does not exist', [{ path: 'targetId', message: 'unknown ticket' }]);
    });
    if (source.mergedIntoId || target.mergedIntoId) throw new AppError('conflict', 'One of these tickets was already merged into another');
    if (target.status === 'closed') throw new AppError('conflict', 'A closed ticket cannot take in another ticket');
    const before = await getTicketForActor(trx, systemActor, sourceId);
    const conversations = (await trx.selectFrom('conversations').select('id').where('ticketId', '=', sourceId).execute()).map((r) => r.id);
    const events = (await trx.selectFrom('ticket_events').select('id').where('ticketId', '=', sourceId).execute()).map((r) => r.id);
    if (conversations.length) await trx.updateTable('conversations').set({ ticketId: targetId }).where('ticketId', '=', sourceId).execute();
    if (events.length) await trx.updateTable('ticket_events').set({ ticketId: targetId }).where('ticketId', '=', sourceId).execute();
    const at = nowIso();
    await trx.updateTable('tickets').set({ status: 'closed', mergedIntoId: targetId, solvedAt: source.solvedAt ?? at, closedAt: at, updatedAt: at }).where('id', '=', sourceId).execute();
    await trx.updateTable('tickets').set({ updatedAt: at }).where('id', '=', targetId).execute();
    const id = newId();
    const snapshot: Snapshot = { conversations, events, source: { status: source.status, solvedAt: source.solvedAt, closedAt: source.closedAt } };
    await trx.insertInto('ticket_merges').values({ id, sourceId, targetId, actorId: actor.id, snapshot: JSON.stringify(snapshot), createdAt: at, undoneAt: null }).execute();
    await addTicketEvent(trx, targetId, 'merge', actor.id, { mergeId: id, mergedId: sourceId, mergedNumber: Number(source.number) });
    await addTicketEvent(trx, sourceId, 'merge', actor.id, { mergeId: id, intoId: targetId, intoNumber: Number(target.number) });
    await logTicketChanged(trx, db.engine, actor.id, before, await getTicketForActor(trx, systemActor, sourceId), { mergeId: id });
    return toMerge({ id, sourceId, targetId, createdAt: at, undoneAt: null });
  });
}

export async function undoTicketMerge(db: Db, actor: Actor, mergeId: string): Promise<TicketMerge> {
  return db.kysely.transaction().execute(async (trx) => {
    const m = await trx.selectFrom('ticket_merges').selectAll().where('id', '=', mergeId).executeTakeFirst();
    if (!m) throw notFound('Ticket merge');
    await visibleTicketRow(trx, actor, m.targetId).catch(() => {
      throw notFound('Ticket merge');
    });
    if (m.undoneAt) throw new AppError('conflict', 'This merge was already undone');
    if (Date.now() > Date.parse(m.createdAt) + undoWindowMs()) throw new AppError('conflict', 'This merge is too old to undo');
    const snap = JSON.parse(m.snapshot) as Snapshot;
    const before = await getTicketForActor(trx, systemActor, m.sourceId);
    // Only what is still on the target goes back (a conversation moved on since stays where it is now).
    for (let i = 0; i < snap.conversations.length; i += 500) await trx.updateTable('conversations').set({ ticketId: m.sourceId }).where('id', 'in', snap.conversations.slice(i, i + 500)).where('ticketId', '=', m.targetId).execute();
    for (let i = 0; i < snap.events.length; i += 500) await trx.updateTable('ticket_events').set({ ticketId: m.sourceId }).where('id', 'in', snap.events.slice(i, i + 500)).where('ticketId', '=', m.targetId).execute();
    const at = nowIso();
    await trx.updateTable('tickets').set({ status: snap.source.status as never, solvedAt: snap.source.solvedAt, closedAt: snap.source.closedAt, mergedIntoId: null, updatedAt: at }).where('id', '=', m.sourceId).execute();
    await trx.updateTable('ticket_merges').set({ undoneAt: at }).where('id', '=', mergeId).execute();
    await addTicketEvent(trx, m.targetId, 'merge', actor.id, { mergeId, mergedId: m.sourceId, undone: true });
    await addTicketEvent(trx, m.sourceId, 'merge', actor.id, { mergeId, intoId: m.targetId, undone: true });
    await logTicketChanged(trx, db.engine, actor.id, before, await getTicketForActor(trx, systemActor, m.sourceId), { mergeId, undone: true });
    return toMerge({ ...m, undoneAt: at });
  });
}

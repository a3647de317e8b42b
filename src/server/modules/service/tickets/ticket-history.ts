// A ticket's change history (core audit's record history for 'ticket') and what of a ticket counts as an activity on
// its requester's timeline: its opening, status changes and the messages of its conversations (not internal notes).
import { registerHistorySubject, type RelatedActivity } from '../../../core/audit/record-history-registry.js';
import type { DbOrTrx } from '../../../core/db/database.js';
import { keysetAfter } from '../../../core/pagination.js';
import { getTicketForActor } from './ticket-repository.js';

registerHistorySubject('ticket', {
  entities: ['ticket'],
  ensureVisible: async (db, actor, id) => void (await getTicketForActor(db, actor, id)),
});

const EXCERPT = 200;

/** The tickets' activities, newest first, before the (at, id) cursor; ids are tickets the caller may see. */
export async function ticketActivities(db: DbOrTrx, ids: string[], opts: { before?: [string, string]; limit: number }): Promise<RelatedActivity[]> {
  let events = db
    .selectFrom('ticket_events as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    .select(['e.id', 'e.createdAt', 'e.ticketId', 'e.kind', 'u.name as actorName', 'e.data'])
    .where('e.ticketId', 'in', ids)
    .where('e.kind', 'in', ['created', 'status'])
    .orderBy('e.createdAt', 'desc')
    .orderBy('e.id', 'desc')
    .limit(opts.limit);
  if (opts.before) events = events.where(keysetAfter('e.createdAt', 'e.id', opts.before, 'desc'));
  let messages = db
    .selectFrom('messages as m')
    .innerJoin('conversations as cv', 'cv.id', 'm.conversationId')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'm.authorId').on('m.authorKind', '=', 'agent'))
    .select(['m.id', 'm.createdAt', 'cv.ticketId', 'm.direction', 'm.authorKind', 'u.name as actorName', 'm.bodyText', 'cv.channelKind'])
    .where('cv.ticketId', 'in', ids)
    .where('m.private', '=', 0)
    .orderBy('m.createdAt', 'desc')
    .orderBy('m.id', 'desc')
    .limit(opts.limit);
  if (opts.before) messages = messages.where(keysetAfter('m.createdAt', 'm.id', opts.before, 'desc'));
  const [e, m] = await Promise.all([events.execute(), messages.execute()]);
  const data = (raw: string) => {
    const d = JSON.parse(raw) as Record<string, unknown>;
    return { from: d.from ?? null, to: d.to ?? null };
  };
  return [
    ...e.map((r) => ({ id: r.id, at: r.createdAt, entity: 'ticket', entityId: r.ticketId, kind: r.kind, actorName: r.actorName, data: r.kind === 'status' ? data(r.data) : {} })),
    ...m.map((r) => ({
      id: r.id, at: r.createdAt, entity: 'ticket', entityId: r.ticketId!, kind: 'message', actorName: r.actorName,
      data: { direction: r.direction, authorKind: r.authorKind, channelKind: r.channelKind, excerpt: (r.bodyText ?? '').slice(0, EXCERPT) },
    })),
  ];
}

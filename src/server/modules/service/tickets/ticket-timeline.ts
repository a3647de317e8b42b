// A ticket's timeline in one time-ordered list: its own events (created, status, assignment, priority, field
// changes, internal notes, merges) and the messages of every conversation attached to it, oldest first.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { decodeCursor, encodeCursor, keysetAfter, type Page } from '../../../core/pagination.js';
import { ticketEventKinds } from '../tables.js';
import { visibleTicketRow } from './ticket-repository.js';

export const timelineItemSchema = z.object({
  id: z.string(),
  at: z.string(),
  type: z.enum(['event', 'message']),
  kind: z.enum(ticketEventKinds).nullable().describe('for events'),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  body: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).describe('event details: { from, to }, { changes }, …'),
  direction: z.enum(['in', 'out']).nullable().describe('for messages'),
  authorKind: z.string().nullable(),
  private: z.boolean(),
  status: z.string().nullable().describe('a message\'s delivery status'),
  hasHtml: z.boolean().describe('a message with an HTML part (e-mail): GET /email/messages/:id/html shows it sanitised'),
  channelKind: z.string().nullable(),
  conversationId: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export async function listTicketTimeline(db: Db, actor: Actor, ticketId: string, opts: { limit: number; cursor?: string }): Promise<Page<TimelineItem>> {
  await visibleTicketRow(db.kysely, actor, ticketId);
  const after = opts.cursor ? decodeCursor(opts.cursor, 2) : null;
  let events = db.kysely
    .selectFrom('ticket_events as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    .select(['e.id', 'e.createdAt', 'e.kind', 'e.actorId', 'u.name as actorName', 'e.body', 'e.data'])
    .where('e.ticketId', '=', ticketId)
    .orderBy('e.createdAt')
    .orderBy('e.id')
    .limit(opts.limit + 1);
  if (after) events = events.where(keysetAfter('e.createdAt', 'e.id', after, 'asc'));
  let messages = db.kysely
    .selectFrom('messages as m')
    .innerJoin('conversations as cv', 'cv.id', 'm.conversationId')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'm.authorId').on('m.authorKind', 'in', ['agent']))
    .select(['m.id', 'm.createdAt', 'm.direction', 'm.authorKind', 'm.authorId', 'u.name as actorName', 'm.bodyText', 'm.private', 'm.status', 'cv.channelKind', 'cv.id as conversationId', 'm.attachments'])
    .select((eb) => eb('m.bodyHtml', 'is not', null).as('hasHtml'))
    .where('cv.ticketId', '=', ticketId)
    .orderBy('m.createdAt')
    .orderBy('m.id')
    .limit(opts.limit + 1);
  if (after) messages = messages.where(keysetAfter('m.createdAt', 'm.id', after, 'asc'));
  const [e, m] = await Promise.all([events.execute(), messages.execute()]);
  const items: TimelineItem[] = [
    ...e.map((r) => ({ id: r.id, at: r.createdAt, type: 'event' as const, kind: r.kind, actorId: r.actorId, actorName: r.actorName, body: r.body, data: JSON.parse(r.data) as Record<string, unknown>, direction: null, authorKind: null, private: r.kind === 'note', status: null, hasHtml: false, channelKind: null, conversationId: null })),
    ...m.map((r) => ({ id: r.id, at: r.createdAt, type: 'message' as const, kind: null, actorId: r.authorKind === 'agent' ? r.authorId : null, actorName: r.actorName, body: r.bodyText, data: { attachments: JSON.parse(r.attachments) as unknown[] }, direction: r.direction, authorKind: r.authorKind, private: r.private === 1, status: r.status, hasHtml: Boolean(r.hasHtml), channelKind: r.channelKind, conversationId: r.conversationId })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const hasMore = items.length > opts.limit;
  const data = items.slice(0, opts.limit);
  const last = data[data.length - 1];
  return { data, nextCursor: hasMore && last ? encodeCursor([last.at, last.id]) : null };
}

// Internal notes (between agents, on the ticket's own timeline) and public replies: a reply is an outbound message
// in the ticket's conversation (opened in the ticket's channel when it has none) that the channel parts deliver
// through the message hooks. The first agent reply sets firstRespondedAt and opens a new ticket.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { appendMessage, type AppendResult } from '../conversations/append-message.js';
import type { TicketPriority, TicketStatus } from '../tables.js';
import { addTicketEvent } from './ticket-change-log.js';
import { getTicketForActor, visibleTicketRow } from './ticket-repository.js';
import { applyTicketPatch } from './update-ticket.js';
import type { TicketPatch } from './ticket-schemas.js';
import { systemActor } from '../../../core/auth/actor.js';

export interface MacroActions {
  status?: TicketStatus;
  priority?: TicketPriority;
  addTags?: string[];
}

function usable(row: { mergedIntoId: string | null; status: TicketStatus }) {
  if (row.mergedIntoId) throw new AppError('conflict', 'This ticket was merged into another ticket; write on that one instead');
}

export async function addTicketNote(db: Db, actor: Actor, ticketId: string, body: string): Promise<{ id: string; at: string }> {
  const row = await visibleTicketRow(db.kysely, actor, ticketId);
  usable(row);
  const at = nowIso();
  const id = await db.kysely.transaction().execute(async (trx) => {
    const eventId = await addTicketEvent(trx, ticketId, 'note', actor.id, {}, body, at);
    await trx.updateTable('tickets').set({ updatedAt: at }).where('id', '=', ticketId).execute();
    return eventId;
  });
  return { id, at };
}

export interface ReplyInput {
  bodyText: string;
  bodyHtml?: string | null;
  /** Actions of the macro used for this reply, applied with it. */
  actions?: MacroActions;
}

export async function replyToTicket(db: Db, actor: Actor, ticketId: string, input: ReplyInput): Promise<AppendResult> {
  const row = await visibleTicketRow(db.kysely, actor, ticketId);
  usable(row);
  if (row.status === 'closed') throw new AppError('conflict', 'This ticket is closed; open a new ticket to write to the customer again');
  const conversation = await db.kysely.selectFrom('conversations').select(['id', 'channelKind']).where('ticketId', '=', ticketId).orderBy('lastMessageAt', 'desc').orderBy('id', 'desc').executeTakeFirst();
  // The "conversation opened" line must come before the reply that opened it: its id is taken before the message's
  // (ids are time-ordered) and it is dated when the conversation was, so the timeline's (at, id) order puts it first.
  const openedEventId = conversation ? null : newId();
  const stored = await appendMessage(
    db,
    conversation
      ? { conversationId: conversation.id, channelKind: conversation.channelKind }
      : { channelKind: row.channel, contactId: row.contactId, subject: row.subject, teamId: row.teamId, language: row.language, ticketId },
    { direction: 'out', authorKind: 'agent', authorId: actor.id, bodyText: input.bodyText, bodyHtml: input.bodyHtml ?? null },
  );
  const a = input.actions ?? {};
  const patch: TicketPatch = {};
  const status = a.status ?? (row.status === 'new' ? 'open' : undefined);
  if (status && status !== row.status) patch.status = status;
  if (a.priority) patch.priority = a.priority;
  if (a.addTags?.length) patch.tags = [...new Set([...(JSON.parse(row.tags) as string[]), ...a.addTags])];
  await db.kysely.transaction().execute(async (trx) => {
    if (openedEventId) {
      const at = stored.conversation.createdAt < stored.message.createdAt ? stored.conversation.createdAt : stored.message.createdAt;
      await addTicketEvent(trx, ticketId, 'conversation', actor.id, { conversationId: stored.conversation.id, channelKind: stored.conversation.channelKind, attached: true }, null, at, openedEventId);
    }
    if (Object.keys(patch).length) await applyTicketPatch(trx, db.engine, actor, ticketId, patch, { solveThenClose: true, reason: input.actions ? { macro: true } : {} });
    if (!row.firstRespondedAt) {
      const at = stored.message.createdAt;
      const first = await trx.updateTable('tickets').set({ firstRespondedAt: at, updatedAt: nowIso() }).where('id', '=', ticketId).where('firstRespondedAt', 'is', null).executeTakeFirst();
      if (Number(first.numUpdatedRows) === 1) await emitEvent(trx, 'ticket.updated', 'ticket', ticketId, { ticket: await getTicketForActor(trx, systemActor, ticketId), changed: ['firstRespondedAt'] });
    } else {
      await trx.updateTable('tickets').set({ updatedAt: nowIso() }).where('id', '=', ticketId).execute();
    }
  });
  return stored;
}

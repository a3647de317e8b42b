// What an agent does in the inbox: reply (or note), assign, change the status, mark read, attach to a ticket. Each
// checks that the agent may see the conversation, writes, and publishes the change to every server's sockets.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import type { ConversationsTable } from '../tables.js';
import { appendMessage } from '../conversations/append-message.js';
import { conversationVisible, getConversation, findMessage, markRead } from './inbox-repository.js';
import { publishConversation } from './inbox-live.js';
import type { assignInput, attachTicketInput, Conversation, InboxMessage, replyInput, statusInput } from './inbox-schemas.js';

/** The conversation's row when the actor may see it. */
export async function visibleConversationRow(db: Db, actor: Actor, id: string): Promise<ConversationsTable> {
  const row = await db.kysely.selectFrom('conversations as cv').selectAll('cv').where('cv.id', '=', id).where(conversationVisible(actor)).executeTakeFirst();
  if (!row) throw notFound('Conversation');
  return row;
}

async function changed(db: Db, actor: Actor, id: string): Promise<Conversation> {
  const row = await db.kysely.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await publishConversation(db, row);
  return getConversation(db.kysely, actor, id).catch(() => {
    // Assigned away from someone who sees only their own and their team's: it left their sight.
    throw new AppError('forbidden', 'The conversation now belongs to someone you cannot see');
  });
}

/** Stores the agent's reply in the conversation (the channel's delivery reacts to the stored message: chat replies
 * go out over the WebSocket at once, e-mail and IM through their parts' hooks). Replying marks it read. */
export async function replyToConversation(db: Db, actor: Actor, id: string, input: z.infer<typeof replyInput>): Promise<InboxMessage> {
  const conv = await visibleConversationRow(db, actor, id);
  const chat = conv.channelKind === 'chat';
  const stored = await appendMessage(
    db,
    { conversationId: conv.id, channelKind: conv.channelKind },
    { direction: 'out', authorKind: 'agent', authorId: actor.id === 'system' ? null : actor.id, bodyText: input.bodyText, private: input.private, status: chat || input.private ? 'sent' : 'queued' },
  );
  if (!input.private && conv.unreadCount > 0) {
    await markRead(db.kysely, conv.id);
    await changed(db, actor, conv.id);
  }
  return (await findMessage(db.kysely, stored.message.id))!;
}

export async function markConversationRead(db: Db, actor: Actor, id: string): Promise<Conversation> {
  const conv = await visibleConversationRow(db, actor, id);
  if (conv.unreadCount === 0) return getConversation(db.kysely, actor, id);
  await markRead(db.kysely, id);
  return changed(db, actor, id);
}

export async function assignConversation(db: Db, actor: Actor, id: string, input: z.infer<typeof assignInput>): Promise<Conversation> {
  const conv = await visibleConversationRow(db, actor, id);
  let { assigneeId, teamId } = conv;
  if (input.assigneeId !== undefined && input.assigneeId !== assigneeId) {
    assigneeId = input.assigneeId;
    if (assigneeId) {
      const u = await db.kysely.selectFrom('users').select(['teamId', 'active']).where('id', '=', assigneeId).executeTakeFirst();
      if (!u || u.active !== 1) throw new AppError('validation', 'The assignee must be an active user', [{ path: 'assigneeId', message: 'unknown or inactive user' }]);
      if (input.teamId === undefined && u.teamId) teamId = u.teamId;
    }
  }
  if (input.teamId !== undefined) {
    teamId = input.teamId;
    if (teamId && !(await db.kysely.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) {
      throw new AppError('validation', 'That team does not exist', [{ path: 'teamId', message: 'unknown team' }]);
    }
  }
  await db.kysely.updateTable('conversations').set({ assigneeId, teamId, updatedAt: nowIso() }).where('id', '=', id).execute();
  return changed(db, actor, id);
}

export async function setConversationStatus(db: Db, actor: Actor, id: string, input: z.infer<typeof statusInput>): Promise<Conversation> {
  await visibleConversationRow(db, actor, id);
  await db.kysely
    .updateTable('conversations')
    .set({ status: input.status, updatedAt: nowIso(), ...(input.status === 'resolved' && { unreadCount: 0 }) })
    .where('id', '=', id)
    .execute();
  return changed(db, actor, id);
}

/** Attaches the conversation to a ticket the agent may see; the ticket's timeline records it. */
export async function attachToTicket(db: Db, actor: Actor, id: string, input: z.infer<typeof attachTicketInput>): Promise<Conversation> {
  const conv = await visibleConversationRow(db, actor, id);
  if (conv.ticketId === input.ticketId) return getConversation(db.kysely, actor, id);
  const ticket = await db.kysely.selectFrom('tickets as t').select(['t.id', 't.mergedIntoId']).where('t.id', '=', input.ticketId).where((eb) => visibleTo(eb, actor, 't.assigneeId', 't.teamId')).executeTakeFirst();
  if (!ticket || ticket.mergedIntoId) throw new AppError('validation', 'That ticket does not exist', [{ path: 'ticketId', message: 'unknown ticket' }]);
  const at = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('conversations').set({ ticketId: ticket.id, updatedAt: at }).where('id', '=', id).execute();
    await trx
      .insertInto('ticket_events')
      .values({ id: newId(), ticketId: ticket.id, kind: 'conversation', actorId: actor.id === 'system' ? null : actor.id, body: null, data: JSON.stringify({ conversationId: id, channelKind: conv.channelKind }), createdAt: at })
      .execute();
  });
  return changed(db, actor, id);
}

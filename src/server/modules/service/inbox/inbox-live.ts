// The inbox's real-time events: every stored message and every change of a conversation is published on one topic
// (through PostgreSQL NOTIFY on PostgreSQL, so every server hears it); the sockets of each server pick what they may see.
import type { Db } from '../../../core/db/database.js';
import { MAX_REALTIME_PAYLOAD, publish } from '../../../core/realtime/realtime.js';
import type { ConversationsTable } from '../tables.js';
import { onMessageStored } from '../conversations/message-hooks.js';
import type { InboxMessage } from './inbox-schemas.js';

export const INBOX_TOPIC = 'service.inbox';

/** What a socket needs to decide who may see the event, and what a list row shows. */
export interface LiveConversation {
  id: string;
  channelKind: string;
  channelId: string | null;
  visitorId: string | null;
  status: string;
  assigneeId: string | null;
  teamId: string | null;
  ticketId: string | null;
  unreadCount: number;
  lastMessageAt: string;
  lastMessagePreview: string | null;
}

export interface LiveEvent {
  kind: 'message' | 'conversation';
  conversation: LiveConversation;
  /** The message; null when it was too large for one event (the receiving server reads it by messageId). */
  message?: InboxMessage | null;
  messageId?: string;
}

export const liveConversation = (c: ConversationsTable): LiveConversation => ({
  id: c.id,
  channelKind: c.channelKind,
  channelId: c.channelId,
  visitorId: c.visitorId,
  status: c.status,
  assigneeId: c.assigneeId,
  teamId: c.teamId,
  ticketId: c.ticketId,
  unreadCount: Number(c.unreadCount),
  lastMessageAt: c.lastMessageAt,
  lastMessagePreview: c.lastMessagePreview,
});

/** Publishes a message event; a long message travels as its id and is read from the database where it is delivered. */
export async function publishMessage(db: Db, conversation: ConversationsTable, message: InboxMessage): Promise<void> {
  const event: LiveEvent = { kind: 'message', conversation: liveConversation(conversation), message, messageId: message.id };
  if (Buffer.byteLength(JSON.stringify(event)) > MAX_REALTIME_PAYLOAD - 100) event.message = null;
  await publish(db, INBOX_TOPIC, event);
}

/** Publishes a change of the conversation itself (assignment, status, read, ticket). */
export async function publishConversation(db: Db, conversation: ConversationsTable): Promise<void> {
  await publish(db, INBOX_TOPIC, { kind: 'conversation', conversation: liveConversation(conversation) } satisfies LiveEvent);
}

onMessageStored('inbox.live', async (db, stored) => {
  const m = stored.message;
  const author = m.authorKind === 'agent' && m.authorId ? await db.kysely.selectFrom('users').select('name').where('id', '=', m.authorId).executeTakeFirst() : undefined;
  await publishMessage(db, stored.conversation, {
    id: m.id,
    conversationId: m.conversationId,
    direction: m.direction,
    authorKind: m.authorKind,
    authorId: m.authorId,
    authorName: author?.name ?? null,
    bodyText: m.bodyText,
    hasHtml: m.bodyHtml !== null,
    status: m.status,
    private: Boolean(m.private),
    createdAt: m.createdAt,
  });
});

// Stores one message in a conversation (finding or opening the conversation by its channel thread), in one
// transaction with the conversation's summary and the domain event; then runs the after-commit hooks.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { newId, nowIso } from '../../../core/ids.js';
import type { ConversationsTable, MessageAuthorKind, MessageStatus, MessagesTable, ServiceChannel } from '../tables.js';
import { runMessageHooks, type StoredMessage } from './message-hooks.js';

const PREVIEW_CHARS = 140;

export interface ConversationTarget {
  /** An existing conversation; else one is found by (channelKind, externalThreadId) or opened. */
  conversationId?: string;
  channelKind: ServiceChannel;
  channelId?: string | null;
  externalThreadId?: string | null;
  contactId?: string | null;
  visitorId?: string | null;
  subject?: string | null;
  language?: string | null;
  teamId?: string | null;
  /** The ticket a newly opened conversation belongs to (a ticket's first reply opens its conversation). */
  ticketId?: string | null;
}

export interface NewMessage {
  direction: 'in' | 'out';
  authorKind: MessageAuthorKind;
  authorId?: string | null;
  bodyText: string;
  bodyHtml?: string | null;
  externalId?: string | null;
  headers?: Record<string, unknown>;
  attachments?: unknown[];
  status?: MessageStatus;
  private?: boolean;
  createdAt?: string;
}

export interface AppendResult extends StoredMessage {
  /** False when a message with the same externalId was already in the conversation (a redelivery): nothing stored. */
  stored: boolean;
}

export class ConversationNotFoundError extends Error {
  constructor(id: string) {
    super(`Conversation ${id} does not exist.`);
  }
}

async function findOrOpen(trx: DbOrTrx, t: ConversationTarget, at: string): Promise<{ conversation: ConversationsTable; created: boolean }> {
  if (t.conversationId) {
    const found = await trx.selectFrom('conversations').selectAll().where('id', '=', t.conversationId).executeTakeFirst();
    if (!found) throw new ConversationNotFoundError(t.conversationId);
    return { conversation: found, created: false };
  }
  if (t.externalThreadId) {
    const found = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('channelKind', '=', t.channelKind)
      .where('externalThreadId', '=', t.externalThreadId)
      .orderBy('createdAt', 'desc')
      .executeTakeFirst();
    if (found) return { conversation: found, created: false };
  }
  const conversation: ConversationsTable = {
    id: newId(),
    channelKind: t.channelKind,
    channelId: t.channelId ?? null,
    contactId: t.contactId ?? null,
    visitorId: t.visitorId ?? null,
    subject: t.subject ?? null,
    status: 'open',
    assigneeId: null,
    teamId: t.teamId ?? null,
    ticketId: t.ticketId ?? null,
    externalThreadId: t.externalThreadId ?? null,
    language: t.language ?? null,
    lastMessageAt: at,
    lastMessagePreview: null,
    unreadCount: 0,
    createdAt: at,
    updatedAt: at,
  };
  await trx.insertInto('conversations').values(conversation).execute();
  await emitEvent(trx, 'conversation.created', 'conversation', conversation.id, { channelKind: conversation.channelKind, contactId: conversation.contactId });
  return { conversation, created: true };
}

/** Appends a message; an inbound customer message reopens a resolved conversation and counts as unread. */
export async function appendMessage(db: Db, target: ConversationTarget, input: NewMessage): Promise<AppendResult> {
  const at = input.createdAt ?? nowIso();
  const result = await db.kysely.transaction().execute(async (trx) => {
    const { conversation, created } = await findOrOpen(trx, target, at);
    if (input.externalId && !created) {
      const dup = await trx
        .selectFrom('messages')
        .selectAll()
        .where('conversationId', '=', conversation.id)
        .where('externalId', '=', input.externalId)
        .executeTakeFirst();
      if (dup) return { message: dup, conversation, conversationCreated: false, stored: false };
    }
    const message: MessagesTable = {
      id: newId(),
      conversationId: conversation.id,
      direction: input.direction,
      authorKind: input.authorKind,
      authorId: input.authorId ?? null,
      bodyText: input.bodyText,
      bodyHtml: input.bodyHtml ?? null,
      externalId: input.externalId ?? null,
      headers: JSON.stringify(input.headers ?? {}),
      attachments: JSON.stringify(input.attachments ?? []),
      status: input.status ?? (input.direction === 'in' ? 'received' : 'queued'),
      private: input.private ? 1 : 0,
      createdAt: at,
    };
    await trx.insertInto('messages').values(message).execute();
    const fromCustomer = input.direction === 'in' && input.authorKind === 'contact';
    const updated: ConversationsTable = {
      ...conversation,
      lastMessageAt: at > conversation.lastMessageAt ? at : conversation.lastMessageAt,
      lastMessagePreview: input.private ? conversation.lastMessagePreview : input.bodyText.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_CHARS),
      unreadCount: fromCustomer ? conversation.unreadCount + 1 : conversation.unreadCount,
      status: fromCustomer && conversation.status === 'resolved' ? 'open' : conversation.status,
      contactId: conversation.contactId ?? target.contactId ?? null,
      updatedAt: nowIso(),
    };
    await trx
      .updateTable('conversations')
      .set({
        lastMessageAt: updated.lastMessageAt,
        lastMessagePreview: updated.lastMessagePreview,
        unreadCount: updated.unreadCount,
        status: updated.status,
        contactId: updated.contactId,
        updatedAt: updated.updatedAt,
      })
      .where('id', '=', conversation.id)
      .execute();
    const type = input.private ? 'message.noted' : input.direction === 'in' ? 'message.received' : 'message.sent';
    await emitEvent(trx, type, 'conversation', conversation.id, {
      messageId: message.id,
      channelKind: updated.channelKind,
      contactId: updated.contactId,
      ticketId: updated.ticketId,
      authorKind: message.authorKind,
    });
    return { message, conversation: updated, conversationCreated: created, stored: true };
  });
  if (result.stored) await runMessageHooks(db, result);
  return result;
}

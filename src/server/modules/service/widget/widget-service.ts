// What a widget visitor can do: open a session (anonymous or identified), send a message (stored in one transaction
// before anything reacts), read their own conversation, and have its transcript e-mailed. Nothing here takes a
// conversation id from the visitor: the conversation is always the one of the visitor named by the signed token.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import { queueMail } from '../../../core/mail/mail-outbox.js';
import { mailConfigured } from '../../../core/mail/smtp-settings.js';
import type { ConversationsTable } from '../tables.js';
import { appendMessage } from '../conversations/append-message.js';
import { listMessages } from '../inbox/inbox-repository.js';
import { visitorMessage } from '../inbox/live-sockets.js';
import { loadWidgetChannel, type LoadedWidgetChannel } from './widget-channels.js';
import { signVisitorToken, tokenChannel, verifyIdentity, verifyVisitorToken, visitorKey, VISITOR_TOKEN_DAYS, type VisitorSession } from './visitor-auth.js';
import { limitTranscript, MAX_VISITOR_MESSAGE } from './widget-limits.js';
import { linkVisitorContact } from './visitor-contact.js';

export const sessionInput = z.strictObject({
  channelId: z.string().min(1).max(100),
  /** The random id the browser keeps in localStorage (anonymous visitors). */
  anonymousId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a random id of 16 to 64 URL-safe characters').optional(),
  /** Set by the site's backend for a logged-in user: its user id and HMAC-SHA256(channel secret, user id) in hex. */
  identity: z.strictObject({ userId: z.string().min(1).max(200), hash: z.string().max(128), name: z.string().trim().max(120).optional(), email: z.email().max(254).optional() }).optional(),
  name: z.string().trim().max(120).optional(),
  email: z.email().max(254).optional().or(z.literal('')),
  language: z.enum(['en', 'zh-CN']).optional(),
});

export const visitorMessageInput = z.strictObject({
  bodyText: z.string().trim().min(1, 'Write a message first').max(MAX_VISITOR_MESSAGE, `A message may have at most ${MAX_VISITOR_MESSAGE} characters`),
  /** The widget's own id of the message: sending it twice (a retry, socket then HTTP) stores it once. */
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
});

export interface Visitor {
  channel: LoadedWidgetChannel;
  session: VisitorSession;
}

const unknownChannel = () => new AppError('not_found', 'This chat is not available');
const badToken = () => new AppError('unauthenticated', 'The chat session is not valid; reload the page');

export async function startVisitorSession(db: Db, input: z.infer<typeof sessionInput>) {
  const channel = await loadWidgetChannel(db, input.channelId);
  if (!channel) throw unknownChannel();
  let visitorId: string;
  let externalUserId: string | null = null;
  if (input.identity) {
    if (!verifyIdentity(channel.secret, input.identity.userId, input.identity.hash)) throw new AppError('unauthenticated', 'The identity token does not match this user');
    visitorId = visitorKey(channel.id, { userId: input.identity.userId });
    externalUserId = input.identity.userId;
  } else if (input.anonymousId) {
    visitorId = visitorKey(channel.id, { anonymousId: input.anonymousId });
  } else {
    throw new AppError('validation', 'Give an anonymous id or an identity', [{ path: 'anonymousId', message: 'required without identity' }]);
  }
  const name = input.identity?.name ?? input.name ?? null;
  const email = input.identity?.email ?? (input.email || null);
  const at = nowIso();
  const existing = await db.kysely.selectFrom('widget_visitors').selectAll().where('id', '=', visitorId).executeTakeFirst();
  if (existing) {
    await db.kysely
      .updateTable('widget_visitors')
      .set({ name: name ?? existing.name, email: email ?? existing.email, language: input.language ?? existing.language, lastSeenAt: at })
      .where('id', '=', visitorId)
      .execute();
  } else {
    await db.kysely
      .insertInto('widget_visitors')
      .values({ id: visitorId, channelId: channel.id, externalUserId, name, email, language: input.language ?? null, contactId: null, createdAt: at, lastSeenAt: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  // A new e-mail (or the first one) finds the visitor's contact, so their conversation belongs to that customer; a
  // returning visitor not matched yet is looked up by primary e-mail (a contact may have been added since).
  if (email && email !== existing?.email) await linkVisitorContact(db, visitorId, email);
  else if (existing?.email && !existing.contactId) await linkVisitorContact(db, visitorId, existing.email, { listed: false });
  const session = { channelId: channel.id, visitorId, expiresAt: Date.now() + VISITOR_TOKEN_DAYS * 86400_000 };
  return {
    token: signVisitorToken(channel.secret, session),
    expiresAt: new Date(session.expiresAt).toISOString(),
    visitor: { name: name ?? existing?.name ?? null, email: email ?? existing?.email ?? null, identified: externalUserId !== null },
  };
}

/** The visitor named by a session token; anything forged, expired or of a disabled channel is refused. */
export async function authenticateVisitor(db: Db, token: string | undefined): Promise<Visitor> {
  if (!token || token.length > 1000) throw badToken();
  const channelId = tokenChannel(token);
  const channel = channelId ? await loadWidgetChannel(db, channelId) : null;
  const session = channel ? verifyVisitorToken(channel.secret, token) : null;
  if (!channel || !session) throw badToken();
  return { channel, session };
}

const threadOf = (v: Visitor) => `widget:${v.channel.id}:${v.session.visitorId}`;

export async function visitorConversation(db: Db, v: Visitor): Promise<ConversationsTable | undefined> {
  return db.kysely
    .selectFrom('conversations')
    .selectAll()
    .where('channelKind', '=', 'chat')
    .where('externalThreadId', '=', threadOf(v))
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
}

/** Stores the visitor's message (opening their conversation on the first one); the hooks run after the commit. */
export async function postVisitorMessage(db: Db, v: Visitor, input: z.infer<typeof visitorMessageInput>) {
  const visitor = await db.kysely.selectFrom('widget_visitors').select(['name', 'language', 'contactId']).where('id', '=', v.session.visitorId).executeTakeFirst();
  const stored = await appendMessage(
    db,
    { channelKind: 'chat', channelId: v.channel.id, externalThreadId: threadOf(v), visitorId: v.session.visitorId, contactId: visitor?.contactId ?? null, teamId: v.channel.teamId, language: visitor?.language ?? null, subject: visitor?.name ? `Chat with ${visitor.name}` : null },
    { direction: 'in', authorKind: 'contact', bodyText: input.bodyText, externalId: input.clientId ? `widget:${input.clientId}` : null },
  );
  return { conversationId: stored.conversation.id, message: visitorMessage({ ...stored.message, authorName: null, private: false }) };
}

/** The visitor's own conversation, oldest first (the last 200 messages); agents' internal notes are never included. */
export async function visitorHistory(db: Db, v: Visitor) {
  const conv = await visitorConversation(db, v);
  if (!conv) return { status: null, messages: [] };
  const page = await listMessages(db.kysely, conv.id, { limit: 200, withPrivate: false });
  return { status: conv.status, messages: page.data.reverse().map(visitorMessage) };
}

const transcriptText = {
  en: { subject: 'Your chat transcript', you: 'You', agent: 'Agent', bot: 'Assistant', intro: 'Here is your conversation with us:' },
  'zh-CN': { subject: '您的聊天记录', you: '您', agent: '客服', bot: '智能助手', intro: '以下是您与我们的对话：' },
};

/** Queues the transcript to the visitor's e-mail (given now or in the pre-chat form) through the mail outbox. */
export async function mailTranscript(db: Db, v: Visitor, email: string | undefined): Promise<{ to: string }> {
  if (!(await mailConfigured(db.kysely))) throw new AppError('conflict', 'Transcripts cannot be e-mailed: this server has no outgoing mail set up');
  const visitor = await db.kysely.selectFrom('widget_visitors').select(['email', 'language']).where('id', '=', v.session.visitorId).executeTakeFirst();
  const to = email ?? visitor?.email;
  if (!to) throw new AppError('validation', 'Give an e-mail address for the transcript', [{ path: 'email', message: 'required' }]);
  const { messages } = await visitorHistory(db, v);
  if (messages.length === 0) throw new AppError('conflict', 'There is nothing to send yet');
  limitTranscript(v.session.visitorId);
  const t = transcriptText[visitor?.language === 'zh-CN' ? 'zh-CN' : 'en'];
  const lines = messages.map((m) => `[${m.createdAt.slice(0, 16).replace('T', ' ')} UTC] ${m.direction === 'in' ? t.you : m.authorKind === 'bot' ? t.bot : (m.authorName ?? t.agent)}: ${m.bodyText}`);
  await queueMail(db.kysely, { to, subject: `${t.subject} — ${v.channel.name}`, body: `${t.intro}\n\n${lines.join('\n\n')}\n`, kind: 'widget.transcript' });
  return { to };
}

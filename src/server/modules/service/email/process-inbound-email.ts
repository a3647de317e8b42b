// The 'email' inbound processor: a stored raw message becomes a customer message in its thread (by In-Reply-To /
// References, else a new conversation), with attachments kept under the data dir and a timeline entry on the matched
// contact. Auto-replies are dropped, bounces mark the returned message failed, complaint (ARF) reports are handed to
// their listeners; none of them opens a conversation.
import { systemActor } from '../../../core/auth/actor.js';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { logInteraction } from '../../interactions/index.js';
import { appendMessage } from '../conversations/append-message.js';
import { registerInboundProcessor } from '../conversations/inbound-store.js';
import { classifyInbound } from './classify-inbound.js';
import { attachmentLimit, keepInboundAttachment, linkFiles, type AttachmentRef } from './email-files.js';
import { isComplaint, type FeedbackReport } from './feedback-report.js';
import { parseInboundEmail, type InboundEmail } from './parse-inbound.js';

export type InboundOutcome =
  | { kind: 'stored' | 'duplicate'; conversationId: string; messageId: string }
  | { kind: 'auto_reply' | 'bounce'; reason: string }
  | { kind: 'feedback_report'; report: FeedbackReport; complaint: boolean };

/** The conversation a reply belongs to: the newest e-mail message whose Message-ID it names. */
async function threadOf(db: DbOrTrx, mail: InboundEmail): Promise<string | null> {
  const ids = [...mail.inReplyTo, ...mail.references.slice().reverse()].slice(0, 50);
  if (!ids.length) return null;
  const hit = await db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversationId')
    .select('c.id')
    .where('c.channelKind', '=', 'email')
    .where('m.externalId', 'in', ids)
    .orderBy('m.createdAt', 'desc')
    .executeTakeFirst();
  return hit?.id ?? null;
}

/** The oldest contact with this address as primary or any of their e-mails; none: the address stays on the message. */
async function contactOf(db: DbOrTrx, address: string): Promise<string | null> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where((eb) => eb.or([eb('primaryEmail', '=', address), eb('emails', 'like', `%"${address.replace(/[%_"\\]/g, '')}"%`)]))
    .orderBy('createdAt')
    .executeTakeFirst();
  return row?.id ?? null;
}

async function markBounced(db: Db, ids: string[], reason: string): Promise<void> {
  if (!ids.length) return;
  const hits = await db.kysely.selectFrom('messages').select(['id', 'headers']).where('externalId', 'in', ids.slice(0, 50)).where('direction', '=', 'out').execute();
  for (const m of hits) {
    const headers = { ...(JSON.parse(m.headers || '{}') as object), bounce: reason };
    await db.kysely.updateTable('messages').set({ status: 'failed', headers: JSON.stringify(headers) }).where('id', '=', m.id).execute();
  }
}

type BounceListener = (db: Db, originalIds: string[], reason: string) => Promise<void>;
const bounceListeners: BounceListener[] = [];

/** Told about every bounce with the Message-IDs it returns (campaigns mark their recipient bounced and suppress). */
export function onInboundBounce(listener: BounceListener): void {
  if (!bounceListeners.includes(listener)) bounceListeners.push(listener);
}

type ComplaintListener = (db: Db, report: FeedbackReport) => Promise<void>;
const complaintListeners: ComplaintListener[] = [];

/** Told about every complaint (ARF abuse / fraud / other report) with the Message-IDs, addresses and List-Unsubscribe
 * links of the reported original (campaigns and journeys suppress the address and withdraw e-mail consent). */
export function onInboundComplaint(listener: ComplaintListener): void {
  if (!complaintListeners.includes(listener)) complaintListeners.push(listener);
}

export async function processInboundEmail(db: Db, raw: { channelId: string | null; payload: string }): Promise<InboundOutcome> {
  const mail = await parseInboundEmail(raw.payload);
  const cls = classifyInbound(mail);
  if (cls.kind === 'bounce') {
    await markBounced(db, cls.originalIds, cls.reason);
    for (const listener of bounceListeners) await listener(db, cls.originalIds, cls.reason);
    return { kind: 'bounce', reason: cls.reason };
  }
  if (cls.kind === 'feedback_report') {
    const complaint = isComplaint(cls.report);
    if (complaint) for (const listener of complaintListeners) await listener(db, cls.report);
    return { kind: 'feedback_report', report: cls.report, complaint };
  }
  if (cls.kind === 'auto_reply') return { kind: 'auto_reply', reason: cls.reason };

  const existing = await db.kysely
    .selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversationId')
    .select(['m.id', 'c.id as conversationId'])
    .where('c.channelKind', '=', 'email')
    .where('m.externalId', '=', mail.messageId)
    .executeTakeFirst();
  if (existing) return { kind: 'duplicate', conversationId: existing.conversationId, messageId: existing.id };

  const conversationId = await threadOf(db.kysely, mail);
  const contactId = await contactOf(db.kysely, mail.fromAddress);
  const channel = raw.channelId ? await db.kysely.selectFrom('service_channels').select(['teamId']).where('id', '=', raw.channelId).executeTakeFirst() : undefined;

  const limit = attachmentLimit();
  const kept: (AttachmentRef | { name: string; contentType: string; size: number; skipped: string })[] = [];
  for (const a of mail.attachments) {
    if (a.size > limit || a.content.length > limit) kept.push({ name: a.filename ?? 'attachment', contentType: a.contentType, size: a.size, skipped: 'too large' });
    else kept.push({ ...(await keepInboundAttachment(db.kysely, a.content, a.filename, a.contentType, null)), ...(a.cid && { cid: a.cid }) });
  }
  const stored = await appendMessage(
    db,
    conversationId
      ? { conversationId, channelKind: 'email', contactId }
      : { channelKind: 'email', channelId: raw.channelId, externalThreadId: mail.messageId, contactId, subject: mail.subject || null, teamId: channel?.teamId ?? null },
    {
      direction: 'in',
      authorKind: 'contact',
      authorId: contactId,
      bodyText: mail.text || (mail.html ? '' : '(empty message)'),
      bodyHtml: mail.html,
      externalId: mail.messageId,
      headers: { from: mail.fromName ? `${mail.fromName} <${mail.fromAddress}>` : mail.fromAddress, fromAddress: mail.fromAddress, replyTo: mail.replyTo, to: mail.to, cc: mail.cc, subject: mail.subject, inReplyTo: mail.inReplyTo[0] ?? null, references: mail.references, date: mail.parsed.date?.toISOString() ?? null },
      attachments: kept,
    },
  );
  await linkFiles(db.kysely, kept.flatMap((k) => ('id' in k ? [k.id] : [])), stored.message.id);
  if (stored.stored && contactId) {
    await logInteraction(db, systemActor, { type: 'email', direction: 'inbound', contactId, subject: mail.subject.slice(0, 300) || null, body: mail.text.slice(0, 20_000) || null });
  }
  return { kind: stored.stored ? 'stored' : 'duplicate', conversationId: stored.conversation.id, messageId: stored.message.id };
}

registerInboundProcessor('email', async (db, raw) => {
  await processInboundEmail(db, raw);
});

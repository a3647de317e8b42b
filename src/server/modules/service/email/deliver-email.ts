// Delivers agents' public replies in e-mail conversations (from the composer, a ticket reply or the inbox) through the
// core mail outbox with threading headers, and records the outcome on the message (sent / failed).
import type { Db } from '../../../core/db/database.js';
import { onMailOutcome, queueMail } from '../../../core/mail/mail-outbox.js';
import { smtpTransportConfig } from '../../../core/mail/smtp-settings.js';
import { onMessageStored, type StoredMessage } from '../conversations/message-hooks.js';
import type { MessagesTable } from '../tables.js';
import { idList, newMessageId } from './message-ids.js';

export const EMAIL_MAIL_KIND = 'service.email';

export interface EmailHeaders {
  to?: string[];
  cc?: string[];
  from?: string;
  fromAddress?: string;
  replyTo?: string;
  subject?: string;
  inReplyTo?: string | null;
  references?: string[];
  bounce?: string;
}

const headersOf = (m: MessagesTable): EmailHeaders => JSON.parse(m.headers || '{}') as EmailHeaders;
const reSubject = (s: string | null | undefined) => (!s ? '' : /^(re|回复|答复)\s*[:：]/i.test(s) ? s : `Re: ${s}`);

/** The customer's address: the latest received mail's Reply-To or From, else the contact's primary e-mail. */
async function customerAddress(db: Db, stored: StoredMessage, earlier: MessagesTable[]): Promise<string | null> {
  const lastIn = earlier.find((m) => m.direction === 'in');
  if (lastIn) {
    const h = headersOf(lastIn);
    if (h.replyTo || h.fromAddress) return (h.replyTo || h.fromAddress)!;
  }
  const lastOut = earlier.find((m) => m.direction === 'out' && headersOf(m).to?.length);
  if (lastOut) return headersOf(lastOut).to![0]!;
  if (!stored.conversation.contactId) return null;
  const c = await db.kysely.selectFrom('contacts').select('primaryEmail').where('id', '=', stored.conversation.contactId).executeTakeFirst();
  return c?.primaryEmail ?? null;
}

/** Queues the mail for one stored agent message; a message already queued (a re-run) is left alone. */
export async function deliverAgentEmail(db: Db, stored: StoredMessage): Promise<void> {
  const { message, conversation } = stored;
  if (conversation.channelKind !== 'email' || message.direction !== 'out' || message.authorKind !== 'agent' || message.private) return;
  const already = await db.kysely.selectFrom('mailOutbox').select('id').where('refId', '=', message.id).executeTakeFirst();
  if (already) return;
  const earlier = await db.kysely
    .selectFrom('messages')
    .selectAll()
    .where('conversationId', '=', conversation.id)
    .where('id', '!=', message.id)
    .where('private', '=', 0)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  const h = headersOf(message);
  const to = h.to?.length ? h.to : [await customerAddress(db, stored, earlier)].filter((x): x is string => Boolean(x));
  const fail = async (reason: string) => {
    await db.kysely.updateTable('messages').set({ status: 'failed', headers: JSON.stringify({ ...h, error: reason }) }).where('id', '=', message.id).execute();
  };
  if (!to.length) return fail('No recipient address');
  const cfg = await smtpTransportConfig(db.kysely);
  if (!cfg) return fail('Outgoing mail is not set up');
  // Thread on the latest message with a Message-ID: its references plus itself.
  const parent = earlier.find((m) => m.externalId);
  const parentHeaders = parent ? headersOf(parent) : null;
  const references = parent ? [...(parentHeaders?.references ?? []), parent.externalId!].slice(-20) : [];
  const messageId = message.externalId && /^<.+@.+>$/.test(message.externalId) ? message.externalId : newMessageId(cfg.domain);
  const subject = h.subject ?? reSubject(parentHeaders?.subject ?? conversation.subject);
  const files = JSON.parse(message.attachments || '[]') as { id: string }[];
  const paths = files.length
    ? await db.kysely.selectFrom('email_files').select(['id', 'name', 'path', 'contentType']).where('id', 'in', files.map((f) => f.id)).execute()
    : [];
  const sent: EmailHeaders = { ...h, to, from: cfg.from, subject, inReplyTo: parent?.externalId ?? null, references };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('messages').set({ externalId: messageId, headers: JSON.stringify(sent) }).where('id', '=', message.id).execute();
    await queueMail(trx, {
      kind: EMAIL_MAIL_KIND,
      refId: message.id,
      to: to.join(', '),
      cc: h.cc,
      subject: subject || '(no subject)',
      body: message.bodyText,
      messageId,
      inReplyTo: parent?.externalId ?? undefined,
      references: idList(references),
      attachments: paths.map((p) => ({ filename: p.name, path: p.path, contentType: p.contentType })),
    });
  });
}

onMessageStored('email.deliver', deliverAgentEmail);

onMailOutcome(EMAIL_MAIL_KIND, async (db, refId, outcome) => {
  if (outcome.status === 'retrying') return;
  await db.kysely.updateTable('messages').set({ status: outcome.status }).where('id', '=', refId).where('status', '!=', 'failed').execute();
});

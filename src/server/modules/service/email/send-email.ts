// The composer's use case: an e-mail from a contact, company, deal or ticket page. It is stored as an agent message in
// an e-mail conversation (a new thread keyed by its Message-ID, or the ticket's / the given conversation's thread), the
// delivery hook queues it on the core mail outbox, and it is logged as an `email` interaction on the record's timeline.
import { z } from 'zod';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { smtpTransportConfig } from '../../../core/mail/smtp-settings.js';
import { getCompany, getContact } from '../../customers/index.js';
import { logInteraction } from '../../interactions/index.js';
import { getDealDetail, logDealActivity } from '../../sales/index.js';
import { appendMessage } from '../conversations/append-message.js';
import { visibleConversation } from './conversation-access.js';
import { claimUploads, linkFiles } from './email-files.js';
import { newMessageId } from './message-ids.js';

const address = z.string().trim().toLowerCase().email('an e-mail address').max(254);
const id = z.string().min(1).max(100);

export const sendEmailInput = z.strictObject({
  to: z.array(address).min(1).max(20),
  cc: z.array(address).max(20).optional(),
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(100_000),
  attachmentIds: z.array(id).max(10).optional(),
  contactId: id.optional(),
  companyId: id.optional(),
  dealId: id.optional(),
  ticketId: id.optional(),
  /** Reply in this e-mail conversation (else a new thread, or the ticket's). */
  conversationId: id.optional(),
});
export type SendEmailInput = z.infer<typeof sendEmailInput>;

export const sentEmailSchema = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  externalId: z.string(),
  status: z.string(),
  interactionId: z.string().nullable(),
});

interface Record {
  contactId: string | null;
  companyId: string | null;
  ticketId: string | null;
  conversationId: string | null;
}

/** Checks that the actor may see what the mail is about, and works out the contact/company it belongs to. */
async function resolveRecord(db: Db, actor: Actor, input: SendEmailInput): Promise<Record> {
  const r: Record = { contactId: input.contactId ?? null, companyId: input.companyId ?? null, ticketId: input.ticketId ?? null, conversationId: input.conversationId ?? null };
  if (r.contactId) r.companyId ??= (await getContact(db, actor, r.contactId)).companyId;
  if (input.companyId) await getCompany(db, actor, input.companyId);
  if (input.dealId) {
    const deal = await getDealDetail(db, actor, input.dealId);
    r.companyId ??= deal.companyId;
    if (!r.contactId && deal.contacts[0]) r.contactId = deal.contacts[0].contactId;
  }
  if (r.ticketId) {
    const t = await db.kysely.selectFrom('tickets as t').select(['t.id', 't.contactId', 't.companyId']).where('t.id', '=', r.ticketId).where((eb) => visibleTo(eb, actor, 't.assigneeId', 't.teamId')).executeTakeFirst();
    if (!t) throw notFound('Ticket');
    r.contactId ??= t.contactId;
    r.companyId ??= t.companyId;
    if (!r.conversationId) {
      const conv = await db.kysely.selectFrom('conversations').select('id').where('ticketId', '=', t.id).where('channelKind', '=', 'email').orderBy('lastMessageAt', 'desc').executeTakeFirst();
      r.conversationId = conv?.id ?? null;
    }
  }
  if (input.conversationId) {
    const c = await visibleConversation(db, actor, input.conversationId);
    if (c.channelKind !== 'email') throw new AppError('validation', 'That conversation is not an e-mail thread', [{ path: 'conversationId', message: 'not e-mail' }]);
    r.contactId ??= c.contactId;
  }
  if (!r.contactId && !r.companyId && !r.ticketId && !r.conversationId) {
    throw new AppError('validation', 'Send the e-mail from a contact, company, deal or ticket', [{ path: 'contactId', message: 'contactId, companyId, dealId or ticketId is required' }]);
  }
  return r;
}

export async function sendEmail(db: Db, actor: Actor, input: SendEmailInput): Promise<z.infer<typeof sentEmailSchema>> {
  const cfg = await smtpTransportConfig(db.kysely);
  if (!cfg) throw new AppError('conflict', 'Outgoing e-mail is not set up: an administrator sets the mail server in Settings → Email');
  const record = await resolveRecord(db, actor, input);
  const files = await claimUploads(db.kysely, actor.id, input.attachmentIds ?? []);
  const externalId = newMessageId(cfg.domain);
  const stored = await appendMessage(
    db,
    record.conversationId
      ? { conversationId: record.conversationId, channelKind: 'email' }
      : { channelKind: 'email', externalThreadId: externalId, contactId: record.contactId, subject: input.subject, teamId: actor.teamId },
    {
      direction: 'out',
      authorKind: 'agent',
      authorId: actor.id === 'system' ? null : actor.id,
      bodyText: input.body,
      externalId,
      headers: { to: input.to, cc: input.cc ?? [], subject: input.subject, source: 'composer' },
      attachments: files.map((f) => ({ id: f.id, name: f.name, contentType: f.contentType, size: f.size })),
      status: 'queued',
    },
  );
  await linkFiles(db.kysely, files.map((f) => f.id), stored.message.id);
  if (stored.conversationCreated) {
    // The sender follows the thread they started; a ticket's mail hangs on the ticket.
    await db.kysely
      .updateTable('conversations')
      .set({ assigneeId: actor.id === 'system' ? null : actor.id, ticketId: record.ticketId })
      .where('id', '=', stored.conversation.id)
      .execute();
  }
  const entry = { type: 'email' as const, direction: 'outbound' as const, subject: input.subject, body: input.body.slice(0, 20_000) };
  let interactionId: string | null = null;
  if (input.dealId) interactionId = (await logDealActivity(db, actor, input.dealId, { ...entry, contactId: input.contactId ?? null, companyId: input.contactId ? null : (input.companyId ?? null) })).id;
  else if (record.contactId || record.companyId) interactionId = (await logInteraction(db, actor, { ...entry, contactId: record.contactId, companyId: record.contactId ? null : record.companyId })).id;
  const message = await db.kysely.selectFrom('messages').select(['status', 'externalId']).where('id', '=', stored.message.id).executeTakeFirstOrThrow();
  return { messageId: stored.message.id, conversationId: stored.conversation.id, externalId: message.externalId ?? externalId, status: message.status, interactionId };
}

// Outbound mail: queueMail() inside the deciding transaction, a poller sends through the organisation's SMTP settings
// (Settings → Email) or SMTP_URL, with retries. Notifications queue only when mailConfigured(db) (smtp-settings: either
// of the two), so in-app
// notifications never wait on mail; mail from records and replies to customers carry threading headers, cc and
// attachments, and their outcome goes back to whoever queued them (onMailOutcome).
import { createTransport, type Transporter } from 'nodemailer';
import type { DbOrTrx, Db } from '../db/database.js';
import { newId, nowIso } from '../ids.js';
import { registerPoller } from '../jobs/worker.js';
import { dataFilePath } from '../files/data-dir.js';
import { smtpTransportConfig, type SmtpTransportConfig } from './smtp-settings.js';
import { allowedAddress, tlsName } from '../net/allowed-host.js';

export const MAX_MAIL_ATTEMPTS = 5;
const SEND_LOCK_MS = 60_000;

export interface MailAttachment {
  filename: string;
  /** Relative to the data dir. */
  path: string;
  contentType?: string;
}

export interface NewMail {
  to: string;
  subject: string;
  body: string;
  kind: string;
  from?: string;
  cc?: string[];
  html?: string;
  /** Angle-bracketed ids: the Message-ID to send with, the one replied to, and the thread's chain. */
  messageId?: string;
  /** Send with the Message-ID <row id@domain> (kept in the row): a bounce that returns it names this mail. */
  messageIdDomain?: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: MailAttachment[];
  refId?: string;
  /** Marketing mail: the one-click unsubscribe URL, sent as List-Unsubscribe with List-Unsubscribe-Post (RFC 8058). */
  listUnsubscribe?: string;
}

export type MailOutcome = { status: 'sent'; messageId: string | null } | { status: 'failed' | 'retrying'; error: string };
type OutcomeHook = (db: Db, refId: string, outcome: MailOutcome) => Promise<void>;
const outcomeHooks = new Map<string, OutcomeHook>();

/** Told when a mail of this kind with a refId was sent, is being retried, or failed for good. */
export function onMailOutcome(kind: string, hook: OutcomeHook): void {
  outcomeHooks.set(kind, hook);
}

export async function queueMail(trx: DbOrTrx, mail: NewMail): Promise<string> {
  const now = nowIso();
  const id = newId();
  const messageId = mail.messageId ?? (mail.messageIdDomain ? `<${id}@${mail.messageIdDomain}>` : undefined);
  const threading = messageId || mail.inReplyTo || mail.references?.length || mail.listUnsubscribe;
  await trx
    .insertInto('mailOutbox')
    .values({
      id,
      toAddress: mail.to,
      subject: mail.subject,
      body: mail.body,
      kind: mail.kind,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      lockedUntil: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
      fromAddress: mail.from ?? null,
      cc: mail.cc?.length ? mail.cc.join(', ') : null,
      html: mail.html ?? null,
      headers: threading ? JSON.stringify({ inReplyTo: mail.inReplyTo ?? null, references: mail.references ?? [], ...(mail.listUnsubscribe && { listUnsubscribe: mail.listUnsubscribe }) }) : null,
      attachments: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      messageId: messageId ?? null,
      refId: mail.refId ?? null,
    })
    .execute();
  return id;
}

let transport: { key: string; t: Transporter } | undefined;
async function transporter(cfg: SmtpTransportConfig): Promise<Transporter> {
  const options = await guardedTransport(cfg);
  const key = JSON.stringify(options);
  if (transport?.key !== key) {
    transport?.t.close();
    transport = { key, t: createTransport(options as Parameters<typeof createTransport>[0]) };
  }
  return transport.t;
}

async function tell(db: Db, kind: string, refId: string | null, outcome: MailOutcome) {
  const hook = refId ? outcomeHooks.get(kind) : undefined;
  if (!hook) return;
  try {
    await hook(db, refId!, outcome);
  } catch (err) {
    console.error(`mail outcome hook of ${kind} failed`, err);
  }
}

/** Sends what is due: claims each message with an atomic update, so two workers never send one twice. */
/**
 * The server of Settings → Email goes through the outbound policy like every connection an administrator points
 * Rapport at: a host is pinned to its checked address (TLS still verifies the name), a URL's host is checked.
 * SMTP_URL is the operator's own setting and is used as given.
 */
async function guardedTransport(cfg: SmtpTransportConfig): Promise<SmtpTransportConfig['transport']> {
  if (cfg.source !== 'settings') return cfg.transport;
  if (typeof cfg.transport === 'string') {
    await allowedAddress(new URL(cfg.transport).hostname, 'url');
    return cfg.transport;
  }
  const servername = tlsName(cfg.transport.host);
  return { ...cfg.transport, host: await allowedAddress(cfg.transport.host, 'host'), ...(servername && { tls: { servername } }) };
}

export async function sendQueuedMail(db: Db): Promise<number> {
  const cfg = await smtpTransportConfig(db.kysely);
  if (!cfg) return 0;
  const now = nowIso();
  const due = await db.kysely
    .selectFrom('mailOutbox')
    .select(['id'])
    .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('nextAttemptAt', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('lockedUntil', '<', now)])]))
    .orderBy('nextAttemptAt')
    .limit(20)
    .execute();
  let handled = 0;
  for (const { id } of due) {
    const lockedUntil = new Date(Date.now() + SEND_LOCK_MS).toISOString();
    const claimed = await db.kysely
      .updateTable('mailOutbox')
      .set((eb) => ({ status: 'sending', lockedUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('nextAttemptAt', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('lockedUntil', '<', now)])]))
      .returning(['toAddress', 'subject', 'body', 'attempts', 'kind', 'fromAddress', 'cc', 'html', 'headers', 'attachments', 'messageId', 'refId'])
      .executeTakeFirst();
    if (!claimed) continue;
    handled++;
    try {
      const headers = claimed.headers ? (JSON.parse(claimed.headers) as { inReplyTo: string | null; references: string[]; listUnsubscribe?: string }) : null;
      const files = claimed.attachments ? (JSON.parse(claimed.attachments) as MailAttachment[]) : [];
      const info = await (await transporter(cfg)).sendMail({
        from: claimed.fromAddress ?? cfg.from,
        to: claimed.toAddress,
        ...(claimed.cc && { cc: claimed.cc }),
        subject: claimed.subject,
        text: claimed.body,
        ...(claimed.html && { html: claimed.html }),
        ...(claimed.messageId && { messageId: claimed.messageId }),
        ...(headers?.inReplyTo && { inReplyTo: headers.inReplyTo }),
        ...(headers?.references.length && { references: headers.references }),
        ...(headers?.listUnsubscribe && { headers: { 'List-Unsubscribe': `<${headers.listUnsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }),
        attachments: files.map((f) => ({ filename: f.filename, path: dataFilePath(f.path), ...(f.contentType && { contentType: f.contentType }) })),
      });
      await db.kysely.updateTable('mailOutbox').set({ status: 'sent', sentAt: nowIso(), lockedUntil: null, lastError: null }).where('id', '=', id).execute();
      await tell(db, claimed.kind, claimed.refId, { status: 'sent', messageId: claimed.messageId ?? info.messageId ?? null });
    } catch (err) {
      const attempts = Number(claimed.attempts);
      const last = attempts >= MAX_MAIL_ATTEMPTS;
      const error = String((err as Error).message ?? err).slice(0, 500);
      // Back off 1, 4, 16, 64 minutes between attempts.
      const next = new Date(Date.now() + 60_000 * 4 ** (attempts - 1)).toISOString();
      await db.kysely
        .updateTable('mailOutbox')
        .set({ status: last ? 'failed' : 'queued', nextAttemptAt: next, lockedUntil: null, lastError: error })
        .where('id', '=', id)
        .execute();
      await tell(db, claimed.kind, claimed.refId, { status: last ? 'failed' : 'retrying', error });
    }
  }
  return handled;
}

registerPoller({ name: 'core.mail', run: sendQueuedMail, idleMs: 2000 });

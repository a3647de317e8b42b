// Outbound mail: queueMail() inside the deciding transaction, a poller sends through SMTP_URL with retries.
// Without SMTP_URL nothing is queued (mailConfigured() is false), so in-app notifications never wait on mail.
import { createTransport, type Transporter } from 'nodemailer';
import type { DbOrTrx, Db } from '../db/database.js';
import { newId, nowIso } from '../ids.js';
import { registerPoller } from '../jobs/worker.js';

export const MAX_MAIL_ATTEMPTS = 5;
const SEND_LOCK_MS = 60_000;

export interface NewMail {
  to: string;
  subject: string;
  body: string;
  kind: string;
}

export const mailConfigured = (): boolean => Boolean(process.env.SMTP_URL);

export async function queueMail(trx: DbOrTrx, mail: NewMail): Promise<void> {
  const now = nowIso();
  await trx
    .insertInto('mailOutbox')
    .values({ id: newId(), toAddress: mail.to, subject: mail.subject, body: mail.body, kind: mail.kind, status: 'queued', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, createdAt: now, sentAt: null })
    .execute();
}

let transport: { url: string; t: Transporter } | undefined;
function transporter(): Transporter {
  const url = process.env.SMTP_URL!;
  if (transport?.url !== url) transport = { url, t: createTransport(url) };
  return transport.t;
}

const from = () => process.env.SMTP_FROM ?? 'Rapport <no-reply@localhost>';

/** Sends what is due: claims each message with an atomic update, so two workers never send one twice. */
export async function sendQueuedMail(db: Db): Promise<number> {
  if (!mailConfigured()) return 0;
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
      .returning(['toAddress', 'subject', 'body', 'attempts'])
      .executeTakeFirst();
    if (!claimed) continue;
    handled++;
    try {
      await transporter().sendMail({ from: from(), to: claimed.toAddress, subject: claimed.subject, text: claimed.body });
      await db.kysely.updateTable('mailOutbox').set({ status: 'sent', sentAt: nowIso(), lockedUntil: null, lastError: null }).where('id', '=', id).execute();
    } catch (err) {
      const attempts = Number(claimed.attempts);
      const last = attempts >= MAX_MAIL_ATTEMPTS;
      // Back off 1, 4, 16, 64 minutes between attempts.
      const next = new Date(Date.now() + 60_000 * 4 ** (attempts - 1)).toISOString();
      await db.kysely
        .updateTable('mailOutbox')
        .set({ status: last ? 'failed' : 'queued', nextAttemptAt: next, lockedUntil: null, lastError: String((err as Error).message ?? err).slice(0, 500) })
        .where('id', '=', id)
        .execute();
    }
  }
  return handled;
}

registerPoller({ name: 'core.mail', run: sendQueuedMail, idleMs: 2000 });

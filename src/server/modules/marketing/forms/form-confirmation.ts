// Double opt-in for e-mail: the confirmation e-mail with a signed link "<submission id>.<expiry>.<HMAC>" (key kept
// in the settings table, made on first use), and the click that turns the contact's e-mail consent on.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { systemActor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { queueMail } from '../../../core/mail/mail-outbox.js';
import { updateContact, writeConsentEvents } from '../../customers/index.js';

const KEY = 'marketing.formSigningKey';
export const CONFIRM_TTL_DAYS = 14;

async function signingKey(db: DbOrTrx): Promise<string> {
  const read = () => db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const row = await read();
  if (row) return JSON.parse(row.value) as string;
  await db.insertInto('settings').values({ key: KEY, value: JSON.stringify(randomBytes(32).toString('base64url')) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return JSON.parse((await read())!.value) as string;
}

const mac = (key: string, payload: string) => createHmac('sha256', key).update(`form-confirm:${payload}`).digest('base64url').slice(0, 32);

export async function confirmToken(db: DbOrTrx, submissionId: string, now = Date.now()): Promise<string> {
  const payload = `${submissionId}.${Math.floor(now / 1000) + CONFIRM_TTL_DAYS * 86_400}`;
  return `${payload}.${mac(await signingKey(db), payload)}`;
}

/** The submission id of a valid, unexpired token, else null. */
export async function readConfirmToken(db: DbOrTrx, token: string, now = Date.now()): Promise<string | null> {
  const m = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(mac(await signingKey(db), `${m[1]}.${m[2]}`));
  const given = Buffer.from(m[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Number(m[2]) * 1000 < now ? null : m[1]!;
}

const mailText = {
  en: (form: string, link: string) => ({ subject: 'Please confirm your e-mail address', body: `You asked to hear from us (form "${form}").\n\nPlease confirm your e-mail address by opening this link:\n${link}\n\nIf it was not you, ignore this message: nothing will be sent to you.` }),
  'zh-CN': (form: string, link: string) => ({ subject: '请确认您的电子邮件地址', body: `您通过表单"${form}"订阅了我们的消息。\n\n请打开以下链接确认您的电子邮件地址：\n${link}\n\n如果这不是您本人的操作，请忽略此邮件，我们不会给您发送任何内容。` }),
};

/** Queues the confirmation e-mail and records on the contact's consent history that it was sent (consent unchanged). */
export async function sendConfirmation(trx: DbOrTrx, s: { submissionId: string; contactId: string; email: string; formName: string; baseUrl: string; language: string; emailStatus: string }): Promise<void> {
  const link = `${s.baseUrl}/f/confirm/${await confirmToken(trx, s.submissionId)}`;
  const text = mailText[s.language === 'zh-CN' ? 'zh-CN' : 'en'](s.formName, link);
  await queueMail(trx, { to: s.email, subject: text.subject, body: text.body, kind: 'form_confirmation', refId: s.submissionId });
  await writeConsentEvents(trx, [{ id: newId(), contactId: s.contactId, channel: 'email', status: s.emailStatus, previousStatus: s.emailStatus, source: 'form', detail: `double opt-in: confirmation e-mail sent (${s.formName})`.slice(0, 200), actorId: null, at: nowIso() }]);
}

/** Follows a confirmation link: the contact's e-mail consent becomes granted (once; a second click changes nothing). */
export async function confirmSubmission(db: Db, token: string): Promise<{ language: string } | null> {
  const id = await readConfirmToken(db.kysely, token);
  if (!id) return null;
  const sub = await db.kysely.selectFrom('webFormSubmissions').select(['id', 'contactId', 'confirmedAt', 'context']).where('id', '=', id).executeTakeFirst();
  if (!sub?.contactId) return null;
  const language = (JSON.parse(sub.context) as { language?: string }).language ?? 'en';
  if (sub.confirmedAt) return { language };
  const claimed = await db.kysely.updateTable('webFormSubmissions').set({ confirmedAt: nowIso() }).where('id', '=', id).where('confirmedAt', 'is', null).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 1) {
    try {
      await updateContact(db, systemActor, sub.contactId, { consent: { email: 'granted' }, consentSource: 'double_opt_in' });
    } catch (err) {
      // The contact was erased or merged away since: nothing left to opt in.
      if (!(err instanceof AppError && err.status === 404)) throw err;
    }
  }
  return { language };
}

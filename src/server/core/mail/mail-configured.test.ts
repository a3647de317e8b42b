// "Is outbound mail set up?" has one answer for every sender, on both engines: Settings → Email or SMTP_URL. Task
// reminders, widget transcripts, survey e-mails and form confirmations all follow it (before, reminders and
// transcripts looked at SMTP_URL alone and stayed silent when only Settings → Email was filled in).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { fireDueReminders } from '../../modules/interactions/task-reminders.js';
import { resetWidgetLimits } from '../../modules/service/widget/widget-limits.js';
import { mailConfigured, setSmtpSettings } from './smtp-settings.js';

let t: TestApp;
let channelId: string;
let userId: string;
let contactId: string;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  t = await startTestApp();
  channelId = (await t.json('POST', '/api/v1/widget-channels', t.admin, { name: 'Site', config: { botEnabled: false } })).body.id;
  userId = (await t.json('POST', '/api/v1/users', t.admin, { email: 'mailcheck@example.com', name: 'Mail Check', password: 'mail-check-pass-1', role: 'sales' })).body.id;
  contactId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Mail Customer', ownerId: userId })).body.id;
});
beforeEach(async () => {
  delete process.env.SMTP_URL;
  resetWidgetLimits();
  await setSmtpSettings(t.app.db.kysely, null);
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await t.close();
});

/** What each sender decides: the resolver, the forms list's flag, a widget transcript and a due task reminder. */
async function senders(label: string) {
  const v = await t.json('POST', '/widget/v1/session', {}, { channelId, anonymousId: `visitor-${label}-xxxxxxxxxxxxxxxx`, email: `${label}@example.com` });
  const visitor = { authorization: `Bearer ${v.body.token}` };
  await t.json('POST', '/widget/v1/messages', visitor, { bodyText: `hello from ${label}` });
  const transcript = await t.json('POST', '/widget/v1/transcript', visitor, {});
  const subject = `Call back ${label}`;
  const task = await t.json('POST', '/api/v1/interactions', t.admin, { type: 'task', contactId, subject, assigneeId: userId, dueAt: new Date(Date.now() + 3_600_000).toISOString(), reminderAt: new Date(Date.now() - 60_000).toISOString() });
  expect(task.status, JSON.stringify(task.body)).toBe(201);
  expect(await fireDueReminders(t.app.db)).toBe(1);
  const reminders = await t.app.db.kysely.selectFrom('mailOutbox').select('subject').where('kind', '=', 'task.reminder').where('toAddress', '=', 'mailcheck@example.com').execute();
  return {
    resolver: await mailConfigured(t.app.db.kysely),
    forms: (await t.json('GET', '/api/v1/web-forms', t.admin)).body.mailConfigured as boolean,
    transcript: transcript.status,
    reminderMailed: reminders.some((r) => r.subject.includes(subject)),
  };
}

describe('mailConfigured', () => {
  it('is false with neither Settings → Email nor SMTP_URL, and no sender queues mail', async () => {
    expect(await senders('none')).toEqual({ resolver: false, forms: false, transcript: 409, reminderMailed: false });
  });

  it('is true with Settings → Email alone: reminders and transcripts go out through it', async () => {
    const put = await t.json('PUT', '/api/v1/email/settings', t.admin, { host: 'smtp.example.com', port: 587, fromAddress: 'help@example.com' });
    expect(put.body.source).toBe('settings');
    expect(await senders('settings')).toEqual({ resolver: true, forms: true, transcript: 202, reminderMailed: true });
  });

  it('is true with SMTP_URL alone', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:1';
    expect((await t.json('GET', '/api/v1/email/settings', t.admin)).body.source).toBe('environment');
    expect(await senders('env')).toEqual({ resolver: true, forms: true, transcript: 202, reminderMailed: true });
  });
});

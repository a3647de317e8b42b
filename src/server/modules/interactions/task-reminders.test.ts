// Tasks with due times, reminders and groups, on both engines: a reminder fires once (even with two workers racing),
// notifies the assignee, mails them through a real SMTP peer when outbound mail is set up, retries a failed send,
// and fires again after a reschedule. The Tasks page groups (overdue / today / upcoming / done) and their counts.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { sendQueuedMail } from '../../core/mail/mail-outbox.js';
import { dayWindow } from '../../core/today/day-window.js';
import { fireDueReminders } from './task-reminders.js';

let t: TestApp;
let contactId: string;
let rep: { id: string; headers: Record<string, string> };
const received: { to: string; raw: string }[] = [];
let smtp: SMTPServer;
let smtpPort = 0;

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function task(body: Record<string, unknown>, headers = t.admin) {
  const res = await t.json('POST', '/api/v1/interactions', headers, { type: 'task', contactId, ...body });
  expect(res.status).toBe(201);
  return res.body;
}

beforeAll(async () => {
  t = await startTestApp();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        cb();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  smtpPort = (smtp.server.address() as AddressInfo).port;
  const id = (await t.json('POST', '/api/v1/users', t.admin, { email: 'rep.tasks@example.com', name: 'Rep Tasks', password: 'rep-password-1', role: 'sales', locale: 'zh-CN' })).body.id;
  rep = { id, headers: await t.login('rep.tasks@example.com', 'rep-password-1') };
  contactId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '王客户', ownerId: id })).body.id;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  smtp.close();
  await t.close();
});

describe('task reminders', () => {
  it('fires once across two racing workers, notifies the assignee, and fires again after a reschedule', async () => {
    const created = await task({ subject: 'Send the quote', dueAt: ago(-60), reminderAt: ago(1), assigneeId: rep.id });
    expect(created).toMatchObject({ reminderAt: expect.any(String), remindedAt: null });
    const fired = await Promise.all([fireDueReminders(t.app.db), fireDueReminders(t.app.db)]);
    expect(fired[0] + fired[1]).toBe(1);
    const mine = (await t.json('GET', '/api/v1/notifications', rep.headers)).body;
    const reminders = mine.data.filter((n: any) => n.kind === 'task.reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ entity: 'contact', entityId: contactId, params: { taskId: created.id, subject: 'Send the quote', about: '王客户' } });
    expect(await fireDueReminders(t.app.db)).toBe(0);

    // Moving the due time resets the reminder; a future reminder waits for its time.
    const moved = (await t.json('PATCH', `/api/v1/interactions/${created.id}`, rep.headers, { dueAt: ago(-120), reminderAt: ago(-30) })).body;
    expect(moved.remindedAt).toBeNull();
    expect(await fireDueReminders(t.app.db)).toBe(0);
    expect(await fireDueReminders(t.app.db, new Date(Date.now() + 31 * 60_000).toISOString())).toBe(1);
    // A done task never reminds.
    const done = await task({ subject: 'Already done', dueAt: ago(-60), reminderAt: ago(1), assigneeId: rep.id, done: true });
    expect(await fireDueReminders(t.app.db)).toBe(0);
    expect((await t.json('GET', `/api/v1/tasks?group=done`, rep.headers)).body.data.map((x: any) => x.id)).toContain(done.id);
  });

  it('mails the reminder in the assignee language when outbound mail is set up, and retries a failed send', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:1';
    await task({ subject: '回访客户', dueAt: ago(-60), reminderAt: ago(1), assigneeId: rep.id });
    expect(await fireDueReminders(t.app.db)).toBe(1);
    expect(await sendQueuedMail(t.app.db)).toBe(1);
    const failed = await t.app.db.kysely.selectFrom('mailOutbox').selectAll().execute();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: 'queued', attempts: 1, toAddress: 'rep.tasks@example.com' });
    expect(failed[0]!.lastError).toBeTruthy();

    process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    await t.app.db.kysely.updateTable('mailOutbox').set({ nextAttemptAt: ago(1) }).execute();
    expect(await sendQueuedMail(t.app.db)).toBe(1);
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]!.to).toBe('rep.tasks@example.com');
    expect(received[0]!.raw).toMatch(/Subject: =\?UTF-8\?/);
    const sent = await t.app.db.kysely.selectFrom('mailOutbox').selectAll().executeTakeFirstOrThrow();
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sent.subject).toBe('任务提醒：回访客户');
    expect(sent.body).toContain('关于：王客户');
    expect(await sendQueuedMail(t.app.db)).toBe(0);
  });

  it('writes the due time on the assignee\'s clock, else on the organisation\'s named zone (UTC by default)', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:1';
    const due = '2026-03-10T06:30:00.000Z';
    const mailFor = async (subject: string) => {
      await task({ subject, dueAt: due, reminderAt: ago(1), assigneeId: rep.id });
      expect(await fireDueReminders(t.app.db)).toBe(1);
      return (await t.app.db.kysely.selectFrom('mailOutbox').select('body').where('subject', '=', `任务提醒：${subject}`).executeTakeFirstOrThrow()).body;
    };
    // No zone of the rep's own, none chosen for the organisation: UTC, and the mail says so.
    expect(await mailFor('默认时区')).toContain('06:30（UTC）到期');
    // The organisation's zone, named.
    expect((await t.json('PATCH', '/api/v1/settings', t.admin, { timeZone: 'Europe/London' })).body.timeZone).toBe('Europe/London');
    expect(await mailFor('公司时区')).toContain('06:30（Europe/London 时间）到期');
    // The rep's own zone: their wall clock, no label needed.
    const me = await t.json('PATCH', '/api/v1/auth/me', rep.headers, { timeZone: 'Asia/Shanghai' });
    expect(me.body.user.timeZone).toBe('Asia/Shanghai');
    const own = await mailFor('本人时区');
    expect(own).toContain('14:30到期');
    expect(own).not.toMatch(/UTC|时间）/);
    // English readers get the same.
    await t.json('PATCH', '/api/v1/auth/me', rep.headers, { locale: 'en', timeZone: null });
    await task({ subject: 'In English', dueAt: due, reminderAt: ago(1), assigneeId: rep.id });
    expect(await fireDueReminders(t.app.db)).toBe(1);
    const en = (await t.app.db.kysely.selectFrom('mailOutbox').select('body').where('subject', '=', 'Reminder: In English').executeTakeFirstOrThrow()).body;
    expect(en).toContain('is due 10 Mar 2026, 06:30 (Europe/London time).');
    // A zone that does not exist is refused with the field named.
    const bad = await t.json('PATCH', '/api/v1/auth/me', rep.headers, { timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('timeZone');
    expect((await t.json('PATCH', '/api/v1/settings', t.admin, { timeZone: 'Nowhere' })).status).toBe(422);
    await t.json('PATCH', '/api/v1/auth/me', rep.headers, { locale: 'zh-CN' });
    await t.json('PATCH', '/api/v1/settings', t.admin, { timeZone: 'UTC' });
  });

  it('refuses a reminder on anything but a task', async () => {
    const res = await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', contactId, body: 'x', reminderAt: ago(1) });
    expect(res.status).toBe(422);
  });
});

describe('task groups', () => {
  it('lists and counts overdue, today, upcoming and done tasks by the user-local day', async () => {
    const other = (await t.json('POST', '/api/v1/users', t.admin, { email: 'groups@example.com', name: 'Groups', password: 'rep-password-1', role: 'sales' })).body.id;
    const headers = await t.login('groups@example.com', 'rep-password-1');
    await t.json('PATCH', `/api/v1/contacts/${contactId}`, t.admin, { ownerId: other });
    const day = dayWindow(new Date());
    const at = (base: string, minutes: number) => new Date(Date.parse(base) + minutes * 60_000).toISOString();
    await task({ subject: 'late', dueAt: at(day.dayStart, -5), assigneeId: other });
    await task({ subject: 'today', dueAt: at(day.dayEnd, -5), assigneeId: other });
    await task({ subject: 'later', dueAt: at(day.dayEnd, 60 * 30), assigneeId: other });
    await task({ subject: 'finished', dueAt: at(day.dayStart, -60), assigneeId: other, done: true });
    const counts = (await t.json('GET', '/api/v1/tasks/counts', headers)).body;
    expect(counts).toEqual({ overdue: 1, today: 1, upcoming: 1, done: 1 });
    for (const [group, subject] of [['overdue', 'late'], ['today', 'today'], ['upcoming', 'later'], ['done', 'finished']]) {
      expect((await t.json('GET', `/api/v1/tasks?group=${group}`, headers)).body.data.map((x: any) => x.subject)).toEqual([subject]);
    }
    expect((await t.json('GET', `/api/v1/tasks/counts?assignee=${rep.id}`, headers)).status).toBe(403);
    expect((await t.json('GET', '/api/v1/tasks/counts?tz=Nowhere/Else', headers)).status).toBe(422);
  });
});

// Two workers in two processes (here: two separate connections / pools on the same database) racing over many due
// reminders, on both engines: every reminder fires exactly once — one claim, one notification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../core/db/database.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { fireDueReminders } from './task-reminders.js';

let t: TestApp;
let other: Db;
const TASKS = 30;

beforeAll(async () => {
  t = await startTestApp();
  other = openDatabase(t.databaseUrl);
  const contactId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Racing reminders' })).body.id;
  const past = new Date(Date.now() - 60_000).toISOString();
  for (let i = 0; i < TASKS; i++) {
    const res = await t.json('POST', '/api/v1/interactions', t.admin, { type: 'task', contactId, subject: `Race ${i}`, dueAt: past, reminderAt: past });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await other?.close();
  await t.close();
});

describe('task reminders across processes', () => {
  it('fires each due reminder once when two processes poll at the same time', async () => {
    const rounds = await Promise.all([
      ...Array.from({ length: 3 }, () => fireDueReminders(t.app.db)),
      ...Array.from({ length: 3 }, () => fireDueReminders(other)),
    ]);
    expect(rounds.reduce((a, b) => a + b, 0)).toBe(TASKS);
    expect(await fireDueReminders(other)).toBe(0);
    const notes = await t.app.db.kysely.selectFrom('notifications').select(['params']).where('kind', '=', 'task.reminder').execute();
    expect(notes).toHaveLength(TASKS);
    const subjects = notes.map((n) => (JSON.parse(n.params!) as { subject: string }).subject);
    expect(new Set(subjects).size).toBe(TASKS);
  });
});

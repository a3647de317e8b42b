// The demo seed on a small scale, through the API as a demo user would see it; on SQLite and PostgreSQL.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../core/audit/verify-audit.js';
import { engine, startTestApp, type TestApp } from '../test/test-app.js';
import { seedDemo } from './seed-demo.js';

let t: TestApp;
let message: string;
const now = new Date().toISOString();

beforeAll(async () => {
  t = await startTestApp();
  message = await seedDemo(t.app.db, { companies: 20, contacts: 150, log: () => {} });
}, 120_000);
afterAll(() => t?.close());

describe(`demo seed (${engine})`, () => {
  it('keeps the existing admin and reports what it made', () => {
    expect(message).toContain('150 contacts');
    expect(message).toContain('the existing admin admin@example.com was kept');
    expect(message).not.toContain('li.jing@');
  });

  it('gives a sales rep their team’s customers, timelines and tasks', async () => {
    const rep = await t.login('zhang.wei@demo.rapport.dev', 'demo12345');
    const me = (await t.json('GET', '/api/v1/auth/me', rep)).body.user;
    const list = await t.json('GET', '/api/v1/contacts?limit=500', rep);
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    expect(list.body.data.every((c: { teamId: string }) => c.teamId === me.teamId)).toBe(true);
    const cn = list.body.data.find((c: { givenName: string; familyName: string; displayName: string }) => /[\u4e00-\u9fff]/.test(c.displayName));
    expect(cn.displayName).toBe(cn.familyName + cn.givenName);
    const overviews = await Promise.all(list.body.data.slice(0, 20).map((c: { id: string }) => t.json('GET', `/api/v1/contacts/${c.id}/overview`, rep)));
    expect(overviews.every((o) => o.status === 200)).toBe(true);
    expect(overviews.some((o) => o.body.recentInteractions.length > 0)).toBe(true);
  });

  it('finds contacts by a one-character Chinese name and lists tasks, some overdue and some done', async () => {
    const boss = await t.login('wang.fang@demo.rapport.dev', 'demo12345');
    const any = (await t.json('GET', '/api/v1/contacts?limit=500', boss)).body.data.find((c: { familyName: string }) => /[\u4e00-\u9fff]/.test(c.familyName));
    const found = await t.json('GET', `/api/v1/contacts?q=${encodeURIComponent(any.familyName)}&limit=500`, boss);
    expect(found.body.data.map((c: { id: string }) => c.id)).toContain(any.id);
    const users = (await t.json('GET', '/api/v1/users', t.admin)).body.data as { id: string; role: string }[];
    const tasks = [];
    for (const u of users.filter((x) => x.role === 'sales' || x.role === 'manager')) tasks.push(...(await t.json('GET', `/api/v1/tasks?assignee=${u.id}&limit=500`, boss)).body.data);
    expect(tasks.some((x) => !x.done && x.dueAt < now)).toBe(true);
    expect(tasks.some((x) => x.done)).toBe(true);
    expect(tasks.some((x) => !x.done && x.dueAt > now)).toBe(true);
  });

  it('leaves an intact audit chain, and a second run changes nothing', async () => {
    expect((await verifyAudit(t.app.db.kysely)).ok).toBe(true);
    const again = await seedDemo(t.app.db, { log: () => {} });
    expect(again).toContain('already seeded');
  });

  it.runIf(engine === 'postgres')('hands its connections back with synchronous commit on again', async () => {
    const settings = await Promise.all(Array.from({ length: 10 }, () => t.app.db.kysely.transaction().execute(async (trx) => {
      const r = await sql<{ s: string }>`select current_setting('synchronous_commit') as s`.execute(trx);
      await sql`select pg_sleep(0.05)`.execute(trx); // hold it, so the ten use ten different connections
      return r.rows[0]!.s;
    })));
    expect(new Set(settings)).toEqual(new Set(['on']));
  });
});

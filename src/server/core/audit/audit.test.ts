// The audit log: every change is recorded with before/after, and tampering is detected by the hash chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { verifyAudit } from './verify-audit.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe('audit log', () => {
  it('records create, update and delete with who and what changed', async () => {
    const c = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '赵敏', title: 'CEO' })).body;
    await t.json('PATCH', `/api/v1/contacts/${c.id}`, t.admin, { title: 'CFO' });
    await t.json('DELETE', `/api/v1/contacts/${c.id}`, t.admin);
    const log = await t.json('GET', `/api/v1/audit?entity=contact&entityId=${c.id}`, t.admin);
    expect(log.body.data.map((e: any) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(log.body.data[1]).toMatchObject({ actorName: 'Administrator', before: { title: 'CEO' }, after: { title: 'CFO' } });
    expect(log.body.data[2].after.displayName).toBe('赵敏');
    const rep = await t.json('POST', '/api/v1/users', t.admin, { email: 'a@example.com', name: 'a', password: 'password-123', role: 'sales' });
    expect((await t.json('GET', '/api/v1/audit', await t.login('a@example.com', 'password-123'))).status).toBe(403);
    expect(rep.status).toBe(201);
  });

  it('verifies the chain and names the first altered or removed entry', async () => {
    for (let i = 0; i < 3; i++) await t.json('POST', '/api/v1/contacts', t.admin, { displayName: `Chain ${i}` });
    const db = t.app.db.kysely;
    const ok = await verifyAudit(db);
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(5);
    const rows = await db.selectFrom('auditLog').select(['seq']).orderBy('seq').execute();
    const victim = rows[3]!.seq;
    await sql`update audit_log set after = ${'{"displayName":"forged"}'} where seq = ${victim}`.execute(db);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, firstBrokenSeq: victim });
    const next = rows[5]!.seq;
    await sql`delete from audit_log where seq = ${rows[4]!.seq}`.execute(db);
    const after = await verifyAudit(db);
    expect(after.firstBrokenSeq).toBe(victim); // still the first broken one
    await sql`delete from audit_log where seq <= ${rows[4]!.seq}`.execute(db);
    expect((await verifyAudit(db)).firstBrokenSeq).toBe(next);
  });
});

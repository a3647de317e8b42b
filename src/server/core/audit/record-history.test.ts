// Record history (who changed what, in names) for whoever may see the record; the admin audit filters and the
// chain verification route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { makeVisibilityFixture, text, type VisibilityFixture } from '../../test/visibility-fixture.js';

let t: TestApp;
let f: VisibilityFixture;
beforeAll(async () => {
  t = await startTestApp();
  f = await makeVisibilityFixture(t, 'hist');
});
afterAll(() => t.close());

describe('record history', () => {
  it('tells a contact\'s changes old → new with names, not ids, newest first', async () => {
    await t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'contact', key: 'vip_level', label: 'VIP level', type: 'text' });
    await t.json('PATCH', `/api/v1/contacts/${f.visible}`, t.admin, { lifecycleStage: 'customer', title: 'CTO', customFields: { vip_level: 'gold' } });
    await t.json('PATCH', `/api/v1/contacts/${f.visible}`, f.repA.headers, { ownerId: f.repB.id });
    const res = await t.json('GET', `/api/v1/records/contact/${f.visible}/history`, t.admin);
    expect(res.status).toBe(200);
    const [owner, stage, created] = res.body.data;
    expect(owner).toMatchObject({ actorName: 'RepA hist', action: 'update', changes: [{ field: 'owner', before: 'RepA hist', after: 'RepB hist' }] });
    expect(stage.actorName).toBe('Administrator');
    expect(stage.changes).toEqual(expect.arrayContaining([
      { field: 'lifecycleStage', label: null, before: 'lead', after: 'customer' },
      { field: 'title', label: null, before: null, after: 'CTO' },
      { field: 'custom.vip_level', label: 'VIP level', before: null, after: 'gold' },
    ]));
    expect(created).toMatchObject({ action: 'create', changes: [] });
    // No internal ids leak into the changes.
    expect(text(res.body.data.map((e: any) => e.changes))).not.toContain(f.repB.id);
  });

  it('answers 404 to a rep of another team, and shows a deal\'s stage by its name', async () => {
    expect((await t.json('GET', `/api/v1/records/contact/${f.hidden}/history`, f.repA.headers)).status).toBe(404);
    expect((await t.json('GET', `/api/v1/records/contact/${f.visible}/history`, f.repA.headers)).status).toBe(404); // now rep B's
    expect((await t.json('GET', `/api/v1/records/contact/${f.visible}/history`, f.repB.headers)).status).toBe(200);
    expect((await t.json('GET', `/api/v1/records/company/${f.company}/history`, f.repA.headers)).status).toBe(200);
    expect((await t.json('GET', `/api/v1/records/company/${f.company}/history`, f.repB.headers)).status).toBe(404);
    expect((await t.json('GET', `/api/v1/records/invoice/${f.company}/history`, t.admin)).status).toBe(422);
    expect((await t.json('GET', `/api/v1/records/ticket/${f.company}/history`, t.admin)).status).toBe(404);
    const pipeline = (await t.json('GET', '/api/v1/pipelines', t.admin)).body.data[0];
    const deal = (await t.json('POST', '/api/v1/deals', f.repA.headers, { name: 'History deal', pipelineId: pipeline.id, amount: 1000 })).body;
    const next = pipeline.stages[1];
    expect((await t.json('PATCH', `/api/v1/deals/${deal.id}/stage`, f.repA.headers, { stageId: next.id })).status).toBe(200);
    const hist = await t.json('GET', `/api/v1/records/deal/${deal.id}/history`, f.repA.headers);
    expect(hist.body.data[0].changes).toContainEqual({ field: 'stage', label: null, before: pipeline.stages[0].name, after: next.name });
    expect((await t.json('GET', `/api/v1/records/deal/${deal.id}/history`, f.repB.headers)).status).toBe(404);
  });
});

describe('audit log for administrators', () => {
  it('filters by user and time, with readable changes', async () => {
    const byRepA = (await t.json('GET', `/api/v1/audit?actorId=${f.repA.id}`, t.admin)).body.data;
    expect(byRepA.length).toBeGreaterThan(0);
    expect(byRepA.every((e: any) => e.actorId === f.repA.id)).toBe(true);
    expect(byRepA.find((e: any) => e.entity === 'contact')?.changes[0]).toMatchObject({ field: 'owner', after: 'RepB hist' });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await t.json('GET', `/api/v1/audit?from=${encodeURIComponent(future)}`, t.admin)).body.data).toEqual([]);
    expect((await t.json('GET', `/api/v1/audit?to=${encodeURIComponent(future)}&limit=2`, t.admin)).body.data).toHaveLength(2);
    expect((await t.json('GET', '/api/v1/audit?from=yesterday', t.admin)).status).toBe(422);
    expect((await t.json('GET', '/api/v1/audit', f.repA.headers)).status).toBe(403);
  });

  it('reads one user\'s entries newest first from an index (migration 0135) on both engines', async () => {
    const k = t.app.db.kysely;
    // The shape readAuditEntries runs: entries with their author's name, one user's, newest first.
    const q = sql`select a.seq, u.name from audit_log a left join users u on u.id = a.actor_id where a.actor_id = ${f.repA.id} order by a.seq desc limit 51`;
    if (t.app.db.engine === 'sqlite') {
      const plan = (await sql<{ detail: string }>`explain query plan ${q}`.execute(k)).rows.map((r) => r.detail).join(' | ');
      expect(plan).toContain('audit_log_actor');
      expect(plan).not.toContain('TEMP B-TREE');
    } else {
      const plan = await k.transaction().execute(async (trx) => {
        // A test table is small enough for a sequential scan to win; forbid it to see whether the index can serve the order.
        await sql`set local enable_seqscan = off`.execute(trx);
        return (await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(trx)).rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('audit_log_actor');
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });

  it('verifies the chain through the route: intact, then broken at the altered entry', async () => {
    expect((await t.json('POST', '/api/v1/audit/verify', f.repA.headers)).status).toBe(403);
    const ok = await t.json('POST', '/api/v1/audit/verify', t.admin);
    expect(ok.body).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(ok.body.checked).toBeGreaterThan(5);
    const db = t.app.db.kysely;
    const victim = (await db.selectFrom('auditLog').select('seq').orderBy('seq').offset(2).limit(1).executeTakeFirstOrThrow()).seq;
    await sql`update audit_log set actor_id = ${'someone-else'} where seq = ${victim}`.execute(db);
    expect((await t.json('POST', '/api/v1/audit/verify', t.admin)).body).toMatchObject({ ok: false, firstBrokenSeq: victim });
  });
});

// Issue 8 (part 3): sales views leak nothing of other teams to a rep who sees only their own team (role sales =
// own_team): quotas and attainment, deal contacts, performance figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { makeVisibilityFixture, text, type VisibilityFixture } from '../../test/visibility-fixture.js';

let t: TestApp;
let f: VisibilityFixture;

beforeAll(async () => {
  t = await startTestApp();
  f = await makeVisibilityFixture(t, 'sv');
  const quota = (body: Record<string, unknown>) => t.json('PUT', '/api/v1/quotas', t.admin, { month: '2026-06', currency: 'CNY', ...body });
  await quota({ teamId: f.teamA, amount: 100000 });
  await quota({ teamId: f.teamB, amount: 777000 });
  await quota({ userId: f.repA.id, amount: 40000 });
  await quota({ userId: f.repB.id, amount: 333000 });
});
afterAll(() => t.close());

describe('quotas and forecast', () => {
  it("GET /quotas shows a rep their own team's and their own quotas only", async () => {
    const res = await t.json('GET', '/api/v1/quotas?from=2026-06&to=2026-06', f.repA.headers);
    expect(res.status).toBe(200);
    expect(res.body.data.map((q: any) => [q.teamId ?? q.userId, q.amount]).sort()).toEqual([[f.repA.id, 40000], [f.teamA, 100000]].sort());
    expect((await t.json('GET', '/api/v1/quotas?from=2026-06&to=2026-06', t.admin)).body.data).toHaveLength(4);
  });

  it("the forecast gives a rep no quota or attainment of another team or its rep, whatever the filter", async () => {
    const row = async (query: string) => (await t.json('GET', `/api/v1/forecast?from=2026-06&to=2026-06&asOf=2026-06-15${query}`, f.repA.headers)).body.rows[0];
    expect(await row('')).toMatchObject({ quota: 100000 });
    expect(await row(`&ownerId=${f.repA.id}`)).toMatchObject({ quota: 40000 });
    expect(await row(`&teamId=${f.teamB}`)).toMatchObject({ quota: null, attainment: null });
    expect(await row(`&ownerId=${f.repB.id}`)).toMatchObject({ quota: null, attainment: null });
    // The admin still gets them.
    const admin = (await t.json('GET', `/api/v1/forecast?from=2026-06&to=2026-06&asOf=2026-06-15&teamId=${f.teamB}`, t.admin)).body.rows[0];
    expect(admin.quota).toBe(777000);
  });
});

describe('deals and performance', () => {
  it("a visible deal leaves out its contacts the rep cannot see, and the rep's edit keeps them linked", async () => {
    const deal = (await t.json('POST', '/api/v1/deals', t.admin, { name: 'Joint deal', ownerId: f.repA.id, amount: 1000, contacts: [{ contactId: f.visible }, { contactId: f.hidden, role: 'buyer' }] })).body;
    const seen = await t.json('GET', `/api/v1/deals/${deal.id}`, f.repA.headers);
    expect(seen.status).toBe(200);
    expect(seen.body.contacts.map((c: any) => c.contactId)).toEqual([f.visible]);
    expect(text(seen.body)).not.toContain('Hidden Person');
    const edited = await t.json('PATCH', `/api/v1/deals/${deal.id}`, f.repA.headers, { name: 'Joint deal 2', contacts: [{ contactId: f.visible, role: 'champion' }] });
    expect(edited.status).toBe(200);
    expect(text(edited.body)).not.toContain('Hidden Person');
    const asAdmin = (await t.json('GET', `/api/v1/deals/${deal.id}`, t.admin)).body;
    expect(asAdmin.contacts.map((c: any) => [c.contactId, c.role]).sort()).toEqual([[f.hidden, 'buyer'], [f.visible, 'champion']].sort());
  });

  it("a manager who sees only their team gets their reps' figures over records of that team only", async () => {
    await t.json('PUT', '/api/v1/roles/manager', t.admin, { visibility: 'own_team' });
    await t.json('POST', '/api/v1/users', t.admin, { email: 'mgr-sv@example.com', name: 'Mgr', password: 'mgr-password-1', role: 'manager', teamId: f.teamA });
    const mgr = await t.login('mgr-sv@example.com', 'mgr-password-1');
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86400_000).toISOString().slice(0, 10);
    const row = async (who: Record<string, string>) => (await t.json('GET', `/api/v1/performance?from=${today}&to=${tomorrow}`, who)).body.rows.find((r: any) => r.key === f.repA.id);
    const [mgr0, admin0] = [await row(mgr), await row(t.admin)];
    // Rep A: two deals today, one kept by team B; a note on a contact rep A handed to team B.
    const ids = [];
    for (const name of ['Kept', 'Handed over']) ids.push((await t.json('POST', '/api/v1/deals', t.admin, { name, ownerId: f.repA.id, amount: 10 })).body.id);
    await t.app.db.kysely.updateTable('deals').set({ teamId: f.teamB }).where('id', '=', ids[1]!).execute();
    const moved = (await t.json('POST', '/api/v1/contacts', f.repA.headers, { displayName: 'Moved Person sv' })).body.id;
    await t.json('POST', '/api/v1/interactions', f.repA.headers, { type: 'note', contactId: moved, body: 'logged before the hand-over' });
    await t.json('POST', '/api/v1/interactions', f.repA.headers, { type: 'note', contactId: f.visible, body: 'still visible' });
    await t.json('PATCH', `/api/v1/contacts/${moved}`, t.admin, { ownerId: f.repB.id });
    expect(await row(mgr)).toMatchObject({ dealsCreated: mgr0.dealsCreated + 1, activities: mgr0.activities + 1 });
    expect(await row(t.admin)).toMatchObject({ dealsCreated: admin0.dealsCreated + 2, activities: admin0.activities + 2 });
  });
});

// Forecast and performance against a hand-computed fixture: weighted pipeline, commit/best case, the historical
// win-rate forecast, closed revenue (won deals + orders), quota attainment; performance per rep with its visibility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { rebuildRollups } from './rollups.js';

let t: TestApp;
let a: string; // rep A, team T
let b: string; // rep B, no team
let team: string;
let repA: Record<string, string>;
const stages: Record<string, string> = {};

async function deal(owner: string, amount: number, stage: string, opts: { close?: string; category?: string; created?: string } = {}) {
  const d = (await t.json('POST', '/api/v1/deals', t.admin, { name: `${stage} ${amount}`, ownerId: owner, amount, expectedCloseDate: opts.close, forecastCategory: opts.category })).body;
  if (stage !== 'Qualification') await t.json('PATCH', `/api/v1/deals/${d.id}/stage`, t.admin, { stageId: stages[stage], reason: 'fixture' });
  if (opts.created) await t.app.db.kysely.updateTable('deals').set({ createdAt: `${opts.created}T00:00:00.000Z` }).where('id', '=', d.id).execute();
  return d.id as string;
}

async function closed(owner: string, status: 'Won' | 'Lost', amount: number, closedAt: string, cycleDays: number) {
  const id = await deal(owner, amount, status);
  await t.app.db.kysely.updateTable('deals').set({ closedAt: `${closedAt}T12:00:00.000Z`, cycleDays }).where('id', '=', id).execute();
}

beforeAll(async () => {
  t = await startTestApp();
  for (const s of (await t.json('GET', '/api/v1/pipelines', t.admin)).body.data[0].stages) stages[s.name] = s.id;
  team = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'T' })).body.id;
  a = (await t.json('POST', '/api/v1/users', t.admin, { email: 'a@example.com', name: 'A', password: 'password-a-1', role: 'sales', teamId: team })).body.id;
  b = (await t.json('POST', '/api/v1/users', t.admin, { email: 'b@example.com', name: 'B', password: 'password-b-1', role: 'sales' })).body.id;
  repA = await t.login('a@example.com', 'password-a-1');
  // Open deals: June 100000 @60% commit + 50000 @10% best case; July 200000 @80%; August 30000 omitted.
  await deal(a, 100000, 'Proposal', { close: '2026-06-15', category: 'commit', created: '2026-06-01' });
  await deal(a, 50000, 'Qualification', { close: '2026-06-20', category: 'best_case', created: '2026-05-01' });
  await deal(b, 200000, 'Negotiation', { close: '2026-07-10', created: '2026-06-10' });
  await deal(b, 30000, 'Needs analysis', { close: '2026-08-05', category: 'omitted', created: '2026-06-10' });
  // History: A won 3 of 4 (cycles 10, 20, 30 days), B won 1 of 4 (40 days).
  await closed(a, 'Won', 10000, '2026-02-01', 10);
  await closed(a, 'Won', 20000, '2026-03-01', 20);
  await closed(a, 'Won', 40000, '2026-06-05', 30);
  await closed(a, 'Lost', 5000, '2026-04-01', 15);
  await closed(b, 'Won', 60000, '2026-01-15', 40);
  for (const m of ['02', '03', '04']) await closed(b, 'Lost', 1000, `2026-${m}-10`, 5);
  // Orders not from deals: June 25000 paid (A's contact), July 10000 refunded, August 5000 pending, a USD one.
  const contactId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Buyer', ownerId: a })).body.id;
  const order = (orderedAt: string, unitPrice: number, status: string, currency = 'CNY') =>
    t.json('POST', '/api/v1/orders', t.admin, { contactId, orderedAt: `${orderedAt}T08:00:00Z`, status, currency, items: [{ name: 'Thing', quantity: 1, unitPrice }] });
  await order('2026-06-03', 25000, 'paid');
  await order('2026-07-01', 10000, 'refunded');
  await order('2026-08-10', 5000, 'pending');
  await order('2026-06-04', 99900, 'paid', 'USD');
  await t.json('PUT', '/api/v1/quotas', t.admin, { teamId: team, month: '2026-06', amount: 100000 });
  await t.json('PUT', '/api/v1/quotas', t.admin, { teamId: team, month: '2026-07', amount: 100000 });
  await t.json('PUT', '/api/v1/quotas', t.admin, { userId: a, month: '2026-06', amount: 80000 });
});
afterAll(() => t.close());

describe('forecast', () => {
  it('adds up weighted pipeline, commit, best case, history-based forecast, closed revenue and attainment by month', async () => {
    const res = await t.json('GET', '/api/v1/forecast?from=2026-06&to=2026-08&asOf=2026-06-15', t.admin);
    expect(res.status).toBe(200);
    expect(res.body.currency).toBe('CNY');
    expect(res.body.rows).toEqual([
      { period: '2026-06', pipeline: 150000, weighted: 65000, commit: 100000, bestCase: 150000, historical: 112500, wonDeals: 40000, orderRevenue: 25000, closed: 65000, quota: 100000, attainment: 0.65 },
      { period: '2026-07', pipeline: 200000, weighted: 160000, commit: 0, bestCase: 0, historical: 50000, wonDeals: 0, orderRevenue: 0, closed: 0, quota: 100000, attainment: 0 },
      { period: '2026-08', pipeline: 0, weighted: 0, commit: 0, bestCase: 0, historical: 0, wonDeals: 0, orderRevenue: 5000, closed: 5000, quota: null, attainment: null },
    ]);
    // The running totals the forecast reads agree with totals recomputed from the rows.
    await rebuildRollups(t.app.db.kysely);
    expect((await t.json('GET', '/api/v1/forecast?from=2026-06&to=2026-08&asOf=2026-06-15', t.admin)).body.rows).toEqual(res.body.rows);
    expect(res.body.reps).toEqual(
      expect.arrayContaining([
        { ownerId: a, winRate: 0.75, cycleDays: 20, closedDeals: 4 },
        { ownerId: b, winRate: 0.25, cycleDays: 40, closedDeals: 4 },
      ]),
    );
  });

  it('rolls months into quarters, filters by rep with the rep quota, and validates its input', async () => {
    const q = (await t.json('GET', '/api/v1/forecast?period=quarter&from=2026-04&to=2026-09&asOf=2026-06-15', t.admin)).body.rows;
    expect(q.map((r: any) => [r.period, r.weighted, r.historical, r.closed, r.quota])).toEqual([
      ['2026-Q2', 65000, 112500, 65000, 100000],
      ['2026-Q3', 160000, 50000, 5000, 100000],
    ]);
    const mine = (await t.json('GET', `/api/v1/forecast?from=2026-06&to=2026-06&asOf=2026-06-15&ownerId=${a}`, t.admin)).body.rows[0];
    expect(mine).toMatchObject({ pipeline: 150000, weighted: 65000, historical: 112500, closed: 65000, quota: 80000, attainment: 0.8125 });
    // A rep who sees only their own deals gets their own numbers.
    await t.json('PUT', '/api/v1/roles/sales', t.admin, { visibility: 'own_team' });
    const asRep = (await t.json('GET', '/api/v1/forecast?from=2026-07&to=2026-07&asOf=2026-06-15', repA)).body.rows[0];
    expect(asRep).toMatchObject({ pipeline: 0, weighted: 0 });
    await t.json('PUT', '/api/v1/roles/sales', t.admin, { visibility: 'all' });
    expect((await t.json('GET', '/api/v1/forecast?from=2026-08&to=2026-06', t.admin)).status).toBe(422);
    expect((await t.json('GET', '/api/v1/forecast?from=2026-6&to=2026-08', t.admin)).status).toBe(422);
    expect((await t.json('PUT', '/api/v1/quotas', repA, { userId: a, month: '2026-06', amount: 1 })).status).toBe(403);
    expect((await t.json('PUT', '/api/v1/quotas', t.admin, { month: '2026-06', amount: 1 })).status).toBe(422);
  });
});

describe('performance', () => {
  it('reports per rep over a range: activities, win rate, deal size, cycle, revenue, conversions; reps see only themselves', async () => {
    const contactId = (await t.json('POST', '/api/v1/contacts', repA, { displayName: 'Lead L' })).body.id;
    await t.json('POST', '/api/v1/interactions', repA, { type: 'call', contactId, direction: 'outbound', occurredAt: '2026-03-01T10:00:00Z' });
    await t.json('POST', '/api/v1/interactions', repA, { type: 'note', contactId, body: 'follow up', occurredAt: '2026-03-02T10:00:00Z' });
    const all = (await t.json('GET', '/api/v1/performance?from=2026-01-01&to=2026-07-01', t.admin)).body;
    const rowA = all.rows.find((r: any) => r.key === a);
    expect(rowA).toMatchObject({ name: 'A', activities: 2, leadsContacted: 1, won: 3, lost: 1, winRate: 0.75, averageDealSize: 23333, salesCycleDays: 20, revenue: 70000 + 25000 });
    expect(all.rows.find((r: any) => r.key === b)).toMatchObject({ won: 1, lost: 3, winRate: 0.25, revenue: 60000 });
    const own = (await t.json('GET', '/api/v1/performance?from=2026-01-01&to=2026-07-01', repA)).body;
    expect(own.rows.map((r: any) => r.key)).toEqual([a]);
    const teams = (await t.json('GET', '/api/v1/performance?from=2026-01-01&to=2026-07-01&groupBy=team', t.admin)).body;
    expect(teams.rows.find((r: any) => r.key === team)).toMatchObject({ won: 3, lost: 1 });
    // Deals moved today entered their stages today: Qualification → later stages for the fixture deals moved past it.
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86400_000).toISOString().slice(0, 10);
    const conv = (await t.json('GET', `/api/v1/performance?from=${today}&to=${tomorrow}`, t.admin)).body.rows.find((r: any) => r.key === a).conversions;
    expect(conv[0]).toMatchObject({ fromStage: 'Qualification', toStage: 'Needs analysis', entered: 6, advanced: 4 });
    expect((await t.json('GET', `/api/v1/performance?from=2026-01-01&to=2026-07-01&teamId=${team}`, repA)).status).toBe(200);
    expect((await t.json('GET', '/api/v1/performance?from=2026-01-01&to=2026-07-01&teamId=other', repA)).status).toBe(403);
  });
});

// The historical win-rate forecast against a hand-computed fixture shaped like the demo data: a long sales cycle and
// young open deals, which used to land after the shown period (a flat 0 line over the current year).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let rep: string;
const stages: Record<string, string> = {};

async function deal(amount: number, stage: string, opts: { close?: string; created: string; currency?: string }) {
  const d = (await t.json('POST', '/api/v1/deals', t.admin, { name: `${stage} ${amount}`, ownerId: rep, amount, currency: opts.currency ?? 'CNY', expectedCloseDate: opts.close })).body;
  if (stage !== 'Qualification') await t.json('PATCH', `/api/v1/deals/${d.id}/stage`, t.admin, { stageId: stages[stage], reason: 'fixture' });
  await t.app.db.kysely.updateTable('deals').set({ createdAt: `${opts.created}T00:00:00.000Z` }).where('id', '=', d.id).execute();
  return d.id as string;
}

async function closed(status: 'Won' | 'Lost', closedAt: string, cycleDays: number) {
  const id = await deal(1000, status, { created: '2025-06-01' });
  await t.app.db.kysely.updateTable('deals').set({ closedAt: `${closedAt}T12:00:00.000Z`, cycleDays }).where('id', '=', id).execute();
}

beforeAll(async () => {
  t = await startTestApp();
  for (const s of (await t.json('GET', '/api/v1/pipelines', t.admin)).body.data[0].stages) stages[s.name] = s.id;
  rep = (await t.json('POST', '/api/v1/users', t.admin, { email: 'h@example.com', name: 'H', password: 'password-h-1', role: 'sales' })).body.id;
  // History in the year before 2026-06-15: 2 won (cycles 170 and 190 days: average 180), 2 lost → win rate 0.5.
  await closed('Won', '2026-01-10', 170);
  await closed('Won', '2026-03-10', 190);
  await closed('Lost', '2026-02-10', 30);
  await closed('Lost', '2026-04-10', 30);
  // Open deals, all opened within the last three months:
  await deal(100000, 'Proposal', { created: '2026-05-01', close: '2026-07-20' }); // expected July → July 50000
  await deal(60000, 'Negotiation', { created: '2026-06-01', close: '2026-06-25' }); // expected June → June 30000
  await deal(40000, 'Qualification', { created: '2026-03-01', close: '2026-05-31' }); // overdue → this month (June) 20000
  await deal(20000, 'Qualification', { created: '2026-04-01' }); // no date: 04-01 + 180 days = 2026-09-28 → September 10000
  await deal(8000, 'Qualification', { created: '2025-10-01' }); // no date: 2026-03-30, already past → June 4000
  await deal(50000, 'Proposal', { created: '2026-05-01', close: '2026-07-01', currency: 'USD' }); // another currency: not counted
});
afterAll(() => t.close());

describe('historical win-rate forecast', () => {
  it('places each open deal at its expected close month (or creation + cycle) with the rep win rate, never in the past', async () => {
    const res = await t.json('GET', '/api/v1/forecast?from=2026-05&to=2026-09&asOf=2026-06-15&currency=CNY', t.admin);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { period: string; historical: number }) => [r.period, r.historical])).toEqual([
      ['2026-05', 0],
      ['2026-06', 30000 + 20000 + 4000],
      ['2026-07', 50000],
      ['2026-08', 0],
      ['2026-09', 10000],
    ]);
    expect(res.body.reps).toEqual([{ ownerId: rep, winRate: 0.5, cycleDays: 180, closedDeals: 4 }]);
  });

  it('draws a line over the current year for demo-shaped data (young deals, half-year cycle)', async () => {
    const q = (await t.json('GET', '/api/v1/forecast?period=quarter&from=2026-01&to=2026-12&asOf=2026-06-15&currency=CNY', t.admin)).body.rows;
    expect(q.map((r: { period: string; historical: number }) => [r.period, r.historical])).toEqual([
      ['2026-Q1', 0],
      ['2026-Q2', 54000],
      ['2026-Q3', 60000],
      ['2026-Q4', 0],
    ]);
  });
});

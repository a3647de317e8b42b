// Pipelines and deals over HTTP on a real database: default pipeline, stage moves with history and time in stage,
// won/lost reasons, winning (order + customers), the board (columns, totals, paging, filters), the table view, visibility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let pipeline: { id: string; stages: { id: string; name: string; probability: number; kind: string }[] };
const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!.id;
let productId: string;
let contactId: string;
let companyId: string;

beforeAll(async () => {
  t = await startTestApp();
  pipeline = (await t.json('GET', '/api/v1/pipelines', t.admin)).body.data[0];
  productId = (await t.json('POST', '/api/v1/products', t.admin, { sku: 'CRM-SEAT', nameEn: 'CRM seat', nameZh: '客户管理席位', category: 'licences', price: 120000, cost: 30000, currency: 'CNY', prices: [{ currency: 'USD', price: 16900 }] })).body.id;
  companyId = (await t.json('POST', '/api/v1/companies', t.admin, { name: '美团' })).body.id;
  contactId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '王兴', companyId })).body.id;
});
afterAll(() => t.close());

describe('pipelines and deals', () => {
  it('has the default pipeline with its stages and probabilities', () => {
    expect(pipeline.stages.map((s) => [s.name, s.probability, s.kind])).toEqual([
      ['Qualification', 10, 'open'],
      ['Needs analysis', 30, 'open'],
      ['Proposal', 60, 'open'],
      ['Negotiation', 80, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ]);
  });

  it('creates a deal priced from the catalogue, in the first stage, and rejects bad input as problem+json', async () => {
    const res = await t.json('POST', '/api/v1/deals', t.admin, { name: 'Meituan rollout', companyId, expectedCloseDate: '2026-12-15', contacts: [{ contactId, role: 'decision maker' }], lineItems: [{ productId, quantity: 10 }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amount: 1_200_000, currency: 'CNY', stageName: 'Qualification', weightedAmount: 120_000, status: 'open', companyName: '美团' });
    expect(res.body.lineItems[0]).toMatchObject({ name: 'CRM seat', nameZh: '客户管理席位', quantity: 10, unitPrice: 120000, amount: 1_200_000 });
    // A line named by hand has no Chinese name to show.
    const named = await t.json('POST', '/api/v1/deals', t.admin, { name: 'Custom line', lineItems: [{ productId, name: 'Seat (special terms)', quantity: 1 }] });
    expect(named.body.lineItems[0]).toMatchObject({ name: 'Seat (special terms)', nameZh: null });
    expect(res.body.contacts).toEqual([{ contactId, displayName: '王兴', role: 'decision maker' }]);
    const usd = await t.json('POST', '/api/v1/deals', t.admin, { name: 'US seats', currency: 'USD', lineItems: [{ productId, quantity: 2 }] });
    expect(usd.body.amount).toBe(33800); // from the USD price book
    const bad = await t.json('POST', '/api/v1/deals', t.admin, { name: 'x', amount: 10.5, lineItems: [{ productId: 'nope', quantity: 1 }] });
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const eur = await t.json('POST', '/api/v1/deals', t.admin, { name: 'EU seats', currency: 'EUR', lineItems: [{ productId, quantity: 1 }] });
    expect(eur.status).toBe(422);
    expect(eur.body.errors[0].path).toBe('lineItems.0.unitPrice');
  });

  it('moves through stages keeping history and time in stage; won and lost need a reason', async () => {
    const deal = (await t.json('POST', '/api/v1/deals', t.admin, { name: 'History deal', amount: 50000, contacts: [{ contactId, role: 'buyer' }], lineItems: [{ productId, quantity: 1 }] })).body;
    const threeDaysAgo = new Date(Date.now() - 3 * 86400_000).toISOString();
    await t.app.db.kysely.updateTable('dealStageHistory').set({ enteredAt: threeDaysAgo }).where('dealId', '=', deal.id).execute();
    await t.app.db.kysely.updateTable('deals').set({ stageEnteredAt: threeDaysAgo }).where('id', '=', deal.id).execute();
    const moved = await t.json('PATCH', `/api/v1/deals/${deal.id}/stage`, t.admin, { stageId: stage('Proposal') });
    expect(moved.status).toBe(200);
    expect(moved.body.stageName).toBe('Proposal');
    expect(moved.body.stageHistory.map((h: any) => h.stageName)).toEqual(['Qualification', 'Proposal']);
    expect(moved.body.stageHistory[0].secondsInStage).toBeGreaterThanOrEqual(3 * 86400 - 5);
    expect(moved.body.stageHistory[0].leftAt).not.toBeNull();
    expect(moved.body.stageHistory[1].leftAt).toBeNull();
    const events = await t.app.db.kysely.selectFrom('outbox').select(['type', 'payload']).where('entityId', '=', deal.id).where('type', '=', 'deal.stage_changed').execute();
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ fromStageId: stage('Qualification'), toStageId: stage('Proposal'), status: 'open' });
    expect(JSON.parse(events[0]!.payload).secondsInPreviousStage).toBeGreaterThanOrEqual(3 * 86400 - 5);

    const noReason = await t.json('PATCH', `/api/v1/deals/${deal.id}/stage`, t.admin, { stageId: stage('Won') });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([{ path: 'reason', message: 'required for a won stage' }]);
    expect((await t.json('PATCH', `/api/v1/deals/${deal.id}/stage`, t.admin, { stageId: stage('Lost') })).status).toBe(422);
    const won = await t.json('PATCH', `/api/v1/deals/${deal.id}/stage`, t.admin, { stageId: stage('Won'), reason: 'Best price and local support' });
    expect(won.body).toMatchObject({ status: 'won', closeReason: 'Best price and local support' });
    expect(won.body.orderIds).toHaveLength(1);
    const order = (await t.json('GET', `/api/v1/orders/${won.body.orderIds[0]}`, t.admin)).body;
    expect(order).toMatchObject({ dealId: deal.id, contactId, total: 120000, channel: 'sales', items: [{ productId, sku: 'CRM-SEAT', quantity: 1, unitPrice: 120000 }] });
    expect((await t.json('GET', `/api/v1/contacts/${contactId}`, t.admin)).body.lifecycleStage).toBe('customer');
    const types = (await t.app.db.kysely.selectFrom('outbox').select('type').where('entityId', '=', order.id).execute()).map((e) => e.type);
    expect(types).toContain('order.created');
    const audit = await t.json('GET', `/api/v1/audit?entity=deal&entityId=${deal.id}`, t.admin);
    if (audit.status === 200) expect(JSON.stringify(audit.body)).toContain('Best price');
  });

  it('shows the board with per-column pages, totals and filters, and places moved deals by position', async () => {
    const p = (await t.json('POST', '/api/v1/pipelines', t.admin, { name: 'Board test', stages: [{ name: 'A', probability: 20 }, { name: 'B', probability: 50 }, { name: 'Won', probability: 100, kind: 'won' }, { name: 'Lost', probability: 0, kind: 'lost' }] })).body;
    const [a, b] = p.stages;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.json('POST', '/api/v1/deals', t.admin, { name: `D${i}`, pipelineId: p.id, amount: 1000 * (i + 1), expectedCloseDate: i < 3 ? '2027-01-10' : '2027-02-10' })).body.id);
    await t.json('POST', '/api/v1/deals', t.admin, { name: 'USD one', pipelineId: p.id, amount: 700, currency: 'USD' });
    let board = (await t.json('GET', `/api/v1/pipelines/${p.id}/board?limit=2`, t.admin)).body;
    const colA = board.columns[0];
    expect(colA.count).toBe(6);
    expect(colA.totals).toEqual([
      { currency: 'CNY', count: 5, amount: 15000, weightedAmount: 3000 },
      { currency: 'USD', count: 1, amount: 700, weightedAmount: 140 },
    ]);
    expect(colA.deals.map((d: any) => d.name)).toEqual(['D0', 'D1']);
    const more = (await t.json('GET', `/api/v1/pipelines/${p.id}/board?limit=2&stageId=${a.id}&cursor=${colA.nextCursor}`, t.admin)).body;
    expect(more.columns).toHaveLength(1);
    expect(more.columns[0].deals.map((d: any) => d.name)).toEqual(['D2', 'D3']);

    await t.json('POST', `/api/v1/deals/${ids[4]}/move`, t.admin, { stageId: b.id });
    await t.json('POST', `/api/v1/deals/${ids[3]}/move`, t.admin, { stageId: b.id, position: 0 });
    await t.json('POST', `/api/v1/deals/${ids[2]}/move`, t.admin, { stageId: b.id, position: 1 });
    board = (await t.json('GET', `/api/v1/pipelines/${p.id}/board`, t.admin)).body;
    expect(board.columns[1].deals.map((d: any) => d.name)).toEqual(['D3', 'D2', 'D4']);
    expect(board.columns[1].totals).toEqual([{ currency: 'CNY', count: 3, amount: 12000, weightedAmount: 6000 }]);
    const jan = (await t.json('GET', `/api/v1/pipelines/${p.id}/board?closeMonth=2027-01`, t.admin)).body;
    expect(jan.columns.map((c: any) => c.count)).toEqual([2, 1, 0, 0]);
    expect((await t.json('GET', `/api/v1/pipelines/${p.id}/board?closeMonth=2027-13`, t.admin)).status).toBe(422);
    expect((await t.json('GET', `/api/v1/pipelines/nope/board`, t.admin)).status).toBe(404);
    // A won deal's card carries the day it was won (the card shows it instead of the expected close date).
    expect((await t.json('PATCH', `/api/v1/deals/${ids[0]}/stage`, t.admin, { stageId: p.stages[2].id, reason: 'Signed' })).status).toBe(200);
    board = (await t.json('GET', `/api/v1/pipelines/${p.id}/board`, t.admin)).body;
    expect(board.columns[2].deals[0]).toMatchObject({ name: 'D0', status: 'won', expectedCloseDate: '2027-01-10', closedAt: expect.stringMatching(new RegExp(`^${new Date().toISOString().slice(0, 10)}`)) });
    expect(board.columns[0].deals[0].closedAt).toBeNull();
  });

  it('lists deals as a table with filters, sort and cursors', async () => {
    const first = await t.json('GET', '/api/v1/deals?sort=-amount&limit=2&status=open', t.admin);
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data[0].amount).toBeGreaterThanOrEqual(first.body.data[1].amount);
    const second = await t.json('GET', `/api/v1/deals?sort=-amount&limit=2&status=open&cursor=${first.body.nextCursor}`, t.admin);
    expect(second.body.data[0].amount).toBeLessThanOrEqual(first.body.data[1].amount);
    expect(second.body.data.map((d: any) => d.id)).not.toContain(first.body.data[0].id);
    const byContact = await t.json('GET', `/api/v1/deals?contactId=${contactId}`, t.admin);
    expect(byContact.body.data.map((d: any) => d.name).sort()).toEqual(['History deal', 'Meituan rollout']);
    expect((await t.json('GET', '/api/v1/deals?q=meituan', t.admin)).body.data.map((d: any) => d.name)).toEqual(['Meituan rollout']);
    expect((await t.json('GET', '/api/v1/deals?sort=color', t.admin)).status).toBe(422);
    // Paging one deal at a time by close date (deals without one sort first, as '') visits every deal once, in order.
    for (const sort of ['expectedCloseDate', '-expectedCloseDate', 'name', '-amount']) {
      const all = (await t.json('GET', `/api/v1/deals?sort=${sort}&limit=500`, t.admin)).body.data.map((d: any) => d.id);
      const paged: string[] = [];
      let cursor = '';
      do {
        const page = (await t.json('GET', `/api/v1/deals?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`, t.admin)).body;
        paged.push(...page.data.map((d: any) => d.id));
        cursor = page.nextCursor ?? '';
      } while (cursor && paged.length <= all.length);
      expect(paged).toEqual(all);
    }
  });

  it('a sales rep sees only their own and their team deals when the role is own_team', async () => {
    const team = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'East' })).body;
    const rep = (await t.json('POST', '/api/v1/users', t.admin, { email: 'rep@example.com', name: 'Rep', password: 'rep-password-1', role: 'sales', teamId: team.id })).body;
    await t.json('POST', '/api/v1/users', t.admin, { email: 'other@example.com', name: 'Other', password: 'other-password-1', role: 'sales' });
    expect((await t.json('PUT', '/api/v1/roles/sales', t.admin, { visibility: 'own_team' })).status).toBe(200);
    const h = await t.login('rep@example.com', 'rep-password-1');
    const other = await t.login('other@example.com', 'other-password-1');
    const mine = (await t.json('POST', '/api/v1/deals', h, { name: 'Rep deal', amount: 100 })).body;
    const theirs = (await t.json('POST', '/api/v1/deals', other, { name: 'Other deal', amount: 200 })).body;
    expect(mine.ownerId).toBe(rep.id);
    expect((await t.json('GET', '/api/v1/deals', h)).body.data.map((d: any) => d.name)).toEqual(['Rep deal']);
    expect((await t.json('GET', `/api/v1/deals/${theirs.id}`, h)).status).toBe(404);
    expect((await t.json('PATCH', `/api/v1/deals/${theirs.id}/stage`, h, { stageId: stage('Proposal') })).status).toBe(404);
    const board = (await t.json('GET', `/api/v1/pipelines/${pipeline.id}/board`, h)).body;
    expect(board.columns[0].count).toBe(1);
    expect(board.columns[0].deals.map((d: any) => d.name)).toEqual(['Rep deal']);
    expect((await t.json('GET', '/api/v1/deals', t.admin)).body.data.map((d: any) => d.name)).toContain('Other deal');
    expect((await t.json('POST', '/api/v1/pipelines', h, { name: 'Mine', stages: pipeline.stages.map(({ name, probability, kind }) => ({ name, probability, kind })) })).status).toBe(403);
    await t.json('PUT', '/api/v1/roles/sales', t.admin, { visibility: 'all' });
  });
});

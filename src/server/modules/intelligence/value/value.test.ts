// Customer value over HTTP on a hand-computed fixture: revenue − product cost − service cost per customer and per
// product (exact), the 360° section, household value, visibility (a rep never counts a hidden contact or order),
// the export/erase participant, and the CLV model saying it has too little data on two customers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { makeVisibilityFixture, text, type VisibilityFixture } from '../../../test/visibility-fixture.js';
import { contactDataParticipants } from '../../customers/index.js';

let t: TestApp;
let fx: VisibilityFixture;
let order1 = '';

beforeAll(async () => {
  t = await startTestApp();
  fx = await makeVisibilityFixture(t, 'value');
  expect((await t.json('PUT', '/api/v1/intelligence/value/settings', t.admin, { costPerTicket: 500 })).status).toBe(200);
  // A costs 600 and sells at 1000; B's cost is unknown (counts 0, flagged).
  await t.json('POST', '/api/v1/products', t.admin, { sku: 'VAL-A', nameEn: 'Alpha', price: 1000, cost: 600, currency: 'CNY' });
  await t.json('POST', '/api/v1/products', t.admin, { sku: 'VAL-B', nameEn: 'Beta', price: 2000, currency: 'CNY' });
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  const order = async (contactId: string, at: string, items: { sku: string; quantity: number }[]) => {
    const r = await t.json('POST', '/api/v1/orders', t.admin, { contactId, orderedAt: at, items });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  // Visible contact: 2×A + 1×B (4000, cost 1200), then 1×A (1000, cost 600); one ticket about the first order.
  order1 = await order(fx.visible, day(40), [{ sku: 'VAL-A', quantity: 2 }, { sku: 'VAL-B', quantity: 1 }]);
  await order(fx.visible, day(10), [{ sku: 'VAL-A', quantity: 1 }]);
  expect((await t.json('POST', '/api/v1/tickets', t.admin, { subject: 'Broken Alpha', contactId: fx.visible, orderId: order1, assigneeId: fx.repA.id })).status).toBe(201);
  // Hidden contact: 3×A (3000, cost 1800).
  await order(fx.hidden, day(5), [{ sku: 'VAL-A', quantity: 3 }]);
  const { job } = await t.runJob('/api/v1/intelligence/customer-value/recompute');
  expect(job).toMatchObject({ status: 'done' });
});
afterAll(() => t.close());

describe('customer value', () => {
  it('computes historical value and margin per customer exactly', async () => {
    const v = (await t.json('GET', `/api/v1/contacts/${fx.visible}/value`, t.admin)).body.data;
    expect(v).toMatchObject({ orders: 2, revenue: 5000, productCost: 1800, tickets: 1, serviceCost: 500, margin: 2700 });
    const h = (await t.json('GET', `/api/v1/contacts/${fx.hidden}/value`, t.admin)).body.data;
    expect(h).toMatchObject({ orders: 1, revenue: 3000, productCost: 1800, tickets: 0, serviceCost: 0, margin: 1200 });
    // Two customers are too few to fit BG/NBD: it says so and predicts nothing.
    expect(v.predictedValue).toBeNull();
    const summary = (await t.json('GET', '/api/v1/intelligence/value', t.admin)).body;
    expect(summary.model).toMatchObject({ status: 'tooLittleData', customers: 2 });
    expect(summary.model.message).toMatch(/at least 20 buying customers/);
    expect(summary.totals).toMatchObject({ customers: 2, revenue: 8000, productCost: 3600, serviceCost: 500, margin: 3900 });
  });

  it('computes profitability per product exactly, the ticket spread over its order lines', async () => {
    const rows = (await t.json('GET', '/api/v1/intelligence/value/products', t.admin)).body.data;
    // Order 1's lines: A 2000, B 2000 → the ticket's 500 splits 250 / 250.
    expect(rows.map((r: any) => [r.sku, r.units, r.revenue, r.productCost, r.serviceCost, r.margin, r.costKnown])).toEqual([
      ['VAL-A', 6, 6000, 3600, 250, 2150, true],
      ['VAL-B', 1, 2000, 0, 250, 1750, false],
    ]);
  });

  it('counts only what a rep may see', async () => {
    const rep = fx.repA.headers;
    expect((await t.json('GET', `/api/v1/contacts/${fx.hidden}/value`, rep)).status).toBe(404);
    const summary = (await t.json('GET', '/api/v1/intelligence/value', rep)).body;
    expect(summary.totals).toMatchObject({ customers: 1, revenue: 5000, margin: 2700 });
    const customers = (await t.json('GET', '/api/v1/intelligence/value/customers?sort=marginAsc', rep)).body.data;
    expect(customers.map((c: any) => c.id)).toEqual([fx.visible]);
    const products = (await t.json('GET', '/api/v1/intelligence/value/products', rep)).body.data;
    expect(products.find((p: any) => p.sku === 'VAL-A')).toMatchObject({ units: 3, revenue: 3000, serviceCost: 250 });
    expect(text(customers)).not.toContain('Hidden Person');
  });

  it('shows lifetime value in the 360° view and in the household', async () => {
    const sections = (await t.json('GET', `/api/v1/contacts/${fx.visible}/overview`, t.admin)).body.sections;
    const ltv = sections.find((s: any) => s.key === 'lifetimeValue');
    expect(ltv.items[0]).toMatchObject({ kind: 'historicalValue', revenue: 5000, productCost: 1800, serviceCost: 500, margin: 2700 });
    const hh = await t.json('POST', '/api/v1/households', t.admin, { name: 'Value household', contactIds: [fx.visible, fx.hidden] });
    expect(hh.status).toBe(201);
    const asAdmin = (await t.json('GET', `/api/v1/households/${hh.body.id}`, t.admin)).body;
    expect(asAdmin.value.lifetimeMargin).toEqual([{ amount: 3900, currency: 'CNY' }]);
  });

  it('is part of the contact’s data: exported and erased', async () => {
    const p = contactDataParticipants().find((x) => x.key === 'contactValues')!;
    expect(await p.exportFor(t.app.db.kysely, fx.hidden)).toMatchObject({ revenue: 3000 });
    expect(await p.erase(t.app.db.kysely, fx.hidden)).toBe(1);
    expect(await p.exportFor(t.app.db.kysely, fx.hidden)).toBeNull();
  });
});

// Recommendations and RFM over HTTP on a hand-computed fixture: co-purchase confidence and lift, the reason in words,
// leaving out what a contact bought, the 360° view, the RFM grid, and visibility (a contact the rep cannot see → 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { makeVisibilityFixture, type VisibilityFixture } from '../../../test/visibility-fixture.js';
import { contactDataParticipants } from '../../customers/index.js';

let t: TestApp;
let fx: VisibilityFixture;
const product: Record<string, string> = {};
const contact: Record<string, string> = {};
// Ten customers' baskets: Printer 4 buyers, Toner 4, Cable 3, Paper 4, Zip 2; Printer+Toner 3, Printer+Cable 2,
// every other pair once (below the minimum of 2 customers).
const baskets: Record<string, string[]> = {
  c1: ['P', 'T'], c2: ['P', 'T'], c3: ['P', 'T', 'C'], c4: ['P', 'C'], c5: ['T'],
  c6: ['X'], c7: ['X', 'C'], c8: ['X'], c9: ['Z'], c10: ['Z', 'X'],
};
const names: Record<string, string> = { P: 'Printer', T: 'Toner', C: 'Cable', X: 'Paper', Z: 'Zip' };

beforeAll(async () => {
  t = await startTestApp();
  fx = await makeVisibilityFixture(t, 'reco');
  for (const [k, name] of Object.entries(names)) {
    product[k] = (await t.json('POST', '/api/v1/products', t.admin, { sku: `SKU-${k}`, nameEn: name, price: 1000, currency: 'CNY' })).body.id;
  }
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  for (const [c, items] of Object.entries(baskets)) {
    contact[c] = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: `Customer ${c}` })).body.id;
    // One order per product, a day apart, so frequency differs with the basket's size.
    for (const [i, k] of items.entries()) {
      const r = await t.json('POST', '/api/v1/orders', t.admin, { contactId: contact[c], orderedAt: day(10 + i), items: [{ sku: `SKU-${k}`, quantity: 1 }] });
      expect(r.status).toBe(201);
    }
  }
  // The fixture's two contacts buy Paper too: one the rep sees, one hidden from them (12 buyers in all).
  await t.json('POST', '/api/v1/orders', t.admin, { contactId: fx.visible, orderedAt: day(400), items: [{ sku: 'SKU-Z', quantity: 1 }] });
  await t.json('POST', '/api/v1/orders', t.admin, { contactId: fx.hidden, orderedAt: day(2), items: [{ sku: 'SKU-Z', quantity: 9 }] });
  const { started, job } = await t.runJob('/api/v1/intelligence/customer-value/recompute');
  expect(started.status).toBe(202);
  expect(job).toMatchObject({ status: 'done' });
});
afterAll(() => t.close());

describe('co-purchase', () => {
  it('computes confidence and lift against the hand count and explains them in words', async () => {
    const r = await t.json('GET', `/api/v1/products/${product.P}/also-bought`, t.admin);
    expect(r.status).toBe(200);
    // 12 buyers; Zip now has 4 buyers (c9, c10 and the two fixture contacts).
    // Printer → Toner: 3 of 4 Printer buyers; Toner 4/12 → lift 0.75 / (4/12) = 2.25.
    // Printer → Cable: 2 of 4; Cable 3/12 → lift 0.5 / 0.25 = 2.
    expect(r.body.data.map((d: any) => [d.name, d.confidence, d.lift, d.customersBoth])).toEqual([['Toner', 0.75, 2.25, 3], ['Cable', 0.5, 2, 2]]);
    expect(r.body.data[0].reason).toBe('Bought Printer; 75 % of its buyers also bought Toner (lift 2.3)');
    const cable = await t.json('GET', `/api/v1/products/${product.C}/also-bought`, t.admin);
    expect(cable.body.data.map((d: any) => [d.name, d.confidence])).toEqual([['Printer', 0.667]]);
    expect((await t.json('GET', '/api/v1/products/nope/also-bought', t.admin)).status).toBe(404);
  });

  it("recommends next-best products, leaving out what the contact bought", async () => {
    const c4 = await t.json('GET', `/api/v1/contacts/${contact.c4}/recommendations`, t.admin);
    expect(c4.status).toBe(200);
    expect(c4.body.owned).toBe(2);
    const ids = c4.body.data.map((d: any) => d.productId);
    expect(ids).not.toContain(product.P);
    expect(ids).not.toContain(product.C);
    expect(c4.body.data[0]).toMatchObject({ name: 'Toner', becauseOf: 'Printer', confidence: 0.75 });
    // The rest are best sellers (Paper and Zip, 4 buyers each), said so.
    expect(c4.body.data.slice(1).map((d: any) => d.name).sort()).toEqual(['Paper', 'Zip']);
    expect(c4.body.data[1].reason).toMatch(/^One of the best sellers: /);
    const c5 = await t.json('GET', `/api/v1/contacts/${contact.c5}/recommendations?limit=1`, t.admin);
    expect(c5.body.data).toEqual([expect.objectContaining({ name: 'Printer', reason: 'Bought Toner; 75 % of its buyers also bought Printer (lift 2.3)' })]);
  });

  it('shows recommendations and RFM in the 360° view', async () => {
    const sections = (await t.json('GET', `/api/v1/contacts/${contact.c3}/overview`, t.admin)).body.sections;
    const rfm = sections.find((s: any) => s.key === 'rfm');
    expect(rfm.items[0]).toMatchObject({ kind: 'cantLose', orders: 3, revenue: 3000, frequency: 5, recency: 1 });
    const recs = sections.find((s: any) => s.key === 'recommendations');
    expect(recs.items.map((i: any) => i.label).sort()).toEqual(['Paper', 'Zip']);
    expect(recs.items[0]).toMatchObject({ kind: 'bestSeller' });
    const c5 = (await t.json('GET', `/api/v1/contacts/${contact.c5}/overview`, t.admin)).body.sections.find((s: any) => s.key === 'recommendations');
    expect(c5.items[0]).toEqual({ label: 'Printer', sku: 'SKU-P', becauseTheyBought: 'Toner', shareOfItsBuyers: '75 %', lift: 2.3 });
  });

  it('answers 404 for a contact the rep cannot see, and 200 for one they can', async () => {
    expect((await t.json('GET', `/api/v1/contacts/${fx.hidden}/recommendations`, fx.repA.headers)).status).toBe(404);
    const mine = await t.json('GET', `/api/v1/contacts/${fx.visible}/recommendations`, fx.repA.headers);
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((d: any) => d.productId)).not.toContain(product.Z);
  });
});

describe('RFM', () => {
  it('counts the grid and segments over all buyers for an admin', async () => {
    const r = await t.json('GET', '/api/v1/intelligence/rfm', t.admin);
    expect(r.status).toBe(200);
    expect(r.body.grid.reduce((s: number, c: any) => s + c.contacts, 0)).toBe(12);
    expect(r.body.segments.reduce((s: number, c: any) => s + c.contacts, 0)).toBe(12);
    expect(r.body.segments.map((s: any) => s.key)).toEqual(['champions', 'loyal', 'potentialLoyalists', 'new', 'atRisk', 'cantLose', 'hibernating', 'lost']);
    expect(r.body.segments.find((s: any) => s.key === 'atRisk')).toMatchObject({ name: 'At risk', nameZh: '有流失风险' });
    // The one who bought 400 days ago is the least recent: recency 1, a single order → lost.
    const lost = await t.json('GET', '/api/v1/intelligence/rfm/contacts?segment=lost', t.admin);
    expect(lost.body.data.map((c: any) => c.id)).toContain(fx.visible);
  });

  it('counts only the contacts a rep may see, and lists a cell', async () => {
    const r = await t.json('GET', '/api/v1/intelligence/rfm', fx.repA.headers);
    expect(r.body.grid).toEqual([{ r: 1, f: 1, contacts: 1 }]);
    const cell = await t.json('GET', '/api/v1/intelligence/rfm/contacts?r=1&f=1', fx.repA.headers);
    expect(cell.body.data.map((c: any) => c.id)).toEqual([fx.visible]);
    expect(JSON.stringify((await t.json('GET', '/api/v1/intelligence/rfm/contacts', fx.repA.headers)).body)).not.toContain(fx.hidden);
    expect((await t.json('GET', '/api/v1/intelligence/rfm/contacts?r=9', t.admin)).status).toBe(422);
    expect((await t.json('POST', '/api/v1/intelligence/customer-value/recompute', fx.repA.headers)).status).toBe(403);
  });

  it("is part of the contact's data: exported, and erased with them", async () => {
    const rfm = contactDataParticipants().find((p) => p.key === 'rfm')!;
    expect(await rfm.exportFor(t.app.db.kysely, contact.c1!)).toMatchObject({ contactId: contact.c1, orders: 2, monetary: 2000 });
    expect(await rfm.erase(t.app.db.kysely, contact.c1!)).toBe(1);
    expect(await rfm.exportFor(t.app.db.kysely, contact.c1!)).toBeNull();
  });
});

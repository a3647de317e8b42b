// The 7P analysis over HTTP: each P's buckets count the contacts a user may see, a bucket's contacts are one call
// away, and a P without data says so (hasData false) instead of drawing empty bars.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { makeVisibilityFixture, text, type VisibilityFixture } from '../../../test/visibility-fixture.js';

let t: TestApp;
let fx: VisibilityFixture;
let productId = '';

beforeAll(async () => {
  t = await startTestApp();
  fx = await makeVisibilityFixture(t, 'sevenp');
  productId = (await t.json('POST', '/api/v1/products', t.admin, { sku: 'SP-1', nameEn: 'Starter pack', nameZh: '入门套装', price: 1000, cost: 400, currency: 'CNY' })).body.id;
  for (const id of [fx.visible, fx.hidden]) {
    await t.json('PATCH', `/api/v1/contacts/${id}`, t.admin, { lifecycleStage: 'customer', source: 'trade fair' });
    await t.json('POST', '/api/v1/orders', t.admin, { contactId: id, channel: 'web', items: [{ sku: 'SP-1', quantity: 2 }] });
  }
  await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'A lead', lifecycleStage: 'lead', ownerId: fx.repA.id });
  await t.runJob('/api/v1/intelligence/customer-value/recompute');
});
afterAll(() => t.close());

const pOf = (data: any[], key: string) => data.find((p) => p.key === key);
const bar = (p: any, key: string) => p.bars.find((b: any) => b.key === key);

describe('7P analysis', () => {
  it('buckets the contacts an admin sees in every P', async () => {
    const data = (await t.json('GET', '/api/v1/intelligence/seven-p', t.admin)).body.data;
    expect(data.map((p: any) => p.key)).toEqual(['profiling', 'persistency', 'profitability', 'performance', 'prospecting', 'product', 'promotion']);
    expect(bar(pOf(data, 'profiling'), 'customer').contacts).toBeGreaterThanOrEqual(2);
    expect(bar(pOf(data, 'persistency'), 'under3Months')).toMatchObject({ contacts: 2, value: 4000 });
    // Margin 2000 − 800 = 1200 each: both in the top quarter of positive margins.
    expect(bar(pOf(data, 'profitability'), 'topQuarter')).toMatchObject({ contacts: 2, value: 2400 });
    expect(bar(pOf(data, 'performance'), 'web')).toMatchObject({ contacts: 2, value: 4000 });
    expect(bar(pOf(data, 'product'), productId)).toMatchObject({ contacts: 2, label: 'Starter pack', labelZh: '入门套装' });
    expect(bar(pOf(data, 'promotion'), 'trade fair')).toMatchObject({ contacts: 2, value: 2 });
    // Two customers cannot fit the CLV model: only the prospects are in prospecting.
    expect(bar(pOf(data, 'prospecting'), 'prospects').contacts).toBeGreaterThanOrEqual(1);
    expect(bar(pOf(data, 'prospecting'), 'likelyToBuy').contacts).toBe(0);
  });

  it('counts and lists only what a rep may see', async () => {
    const data = (await t.json('GET', '/api/v1/intelligence/seven-p', fx.repA.headers)).body.data;
    expect(bar(pOf(data, 'persistency'), 'under3Months').contacts).toBe(1);
    expect(bar(pOf(data, 'product'), productId).contacts).toBe(1);
    const list = await t.json('GET', `/api/v1/intelligence/seven-p/contacts?p=product&bucket=${productId}`, fx.repA.headers);
    expect(list.body.data.map((c: any) => c.id)).toEqual([fx.visible]);
    const fair = await t.json('GET', '/api/v1/intelligence/seven-p/contacts?p=promotion&bucket=trade%20fair', fx.repA.headers);
    expect(fair.body.data.map((c: any) => c.id)).toEqual([fx.visible]);
    expect(text(fair.body)).not.toContain('Hidden Person');
  });

  it('drills into a bucket, highest value first, and validates the P', async () => {
    const top = await t.json('GET', '/api/v1/intelligence/seven-p/contacts?p=profitability&bucket=topQuarter', t.admin);
    expect(top.body.data.map((c: any) => c.value)).toEqual([1200, 1200]);
    expect((await t.json('GET', '/api/v1/intelligence/seven-p/contacts?p=nope&bucket=x', t.admin)).status).toBe(422);
  });
});

// Orders over HTTP: idempotent by external id, priced from the catalogue by SKU, purchase history in the 360° view
// (lifetime revenue, last purchase), visibility, and the contact data participant (merge export/erasure).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { contactDataParticipants } from '../../customers/index.js';

let t: TestApp;
let contactId: string;
let companyId: string;
beforeAll(async () => {
  t = await startTestApp();
  await t.json('POST', '/api/v1/products', t.admin, { sku: 'TEA-1', nameEn: 'Green tea', nameZh: '绿茶', category: 'tea', price: 8800, cost: 3000, currency: 'CNY' });
  companyId = (await t.json('POST', '/api/v1/companies', t.admin, { name: '茶叶店' })).body.id;
  contactId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '李娜', companyId })).body.id;
});
afterAll(() => t.close());

describe('orders', () => {
  it('records an e-commerce order once per external id', async () => {
    const body = { externalId: 'shop-1001', contactId, channel: 'tmall', orderedAt: '2026-03-01T10:00:00Z', items: [{ sku: 'TEA-1', quantity: 3 }] };
    const first = await t.json('POST', '/api/v1/orders', t.admin, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ externalId: 'shop-1001', companyId, total: 26400, currency: 'CNY', status: 'paid', items: [{ sku: 'TEA-1', name: 'Green tea', quantity: 3, unitPrice: 8800, amount: 26400 }] });
    const again = await t.json('POST', '/api/v1/orders', t.admin, body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const raced = await Promise.all([1, 2, 3].map(() => t.json('POST', '/api/v1/orders', t.admin, { ...body, externalId: 'shop-1002' })));
    expect(new Set(raced.map((r) => r.body.id)).size).toBe(1);
    expect((await t.json('GET', '/api/v1/orders?q=shop-1002', t.admin)).body.data).toHaveLength(1);
    const created = await t.app.db.kysely.selectFrom('outbox').select('entityId').where('type', '=', 'order.created').execute();
    expect(created.filter((e) => e.entityId === first.body.id)).toHaveLength(1);
  });

  it('rejects what it cannot price or place, as problem+json', async () => {
    const unknown = await t.json('POST', '/api/v1/orders', t.admin, { contactId, items: [{ sku: 'NOPE', quantity: 1 }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: 'items.0.sku', message: 'unknown product' }]);
    expect((await t.json('POST', '/api/v1/orders', t.admin, { contactId, currency: 'USD', items: [{ sku: 'TEA-1', quantity: 1 }] })).body.errors[0].path).toBe('items.0.unitPrice');
    expect((await t.json('POST', '/api/v1/orders', t.admin, { contactId: 'nobody', items: [{ name: 'x', unitPrice: 1, quantity: 1 }] })).status).toBe(422);
    expect((await t.json('POST', '/api/v1/orders', t.admin, { items: [] })).status).toBe(422);
    expect((await t.json('POST', '/api/v1/orders', t.admin, { items: [{ name: 'x', unitPrice: 1.5, quantity: 1 }] })).status).toBe(422);
  });

  it('shows purchase history with lifetime revenue and last purchase on the contact and the company', async () => {
    await t.json('POST', '/api/v1/orders', t.admin, { contactId, orderedAt: '2026-05-01T10:00:00Z', items: [{ name: 'Gift box', unitPrice: 50000, quantity: 1 }] });
    const refunded = await t.json('POST', '/api/v1/orders', t.admin, { contactId, orderedAt: '2026-06-01T10:00:00Z', items: [{ name: 'Returned', unitPrice: 99999, quantity: 1 }] });
    await t.json('PATCH', `/api/v1/orders/${refunded.body.id}`, t.admin, { status: 'refunded' });
    for (const url of [`/api/v1/contacts/${contactId}/overview`, `/api/v1/companies/${companyId}/overview`]) {
      const section = (await t.json('GET', url, t.admin)).body.sections.find((s: any) => s.key === 'purchaseHistory');
      expect(section.items[0]).toEqual({ kind: 'summary', currency: 'CNY', lifetimeRevenue: 26400 * 2 + 50000, orders: 3, lastPurchaseAt: '2026-05-01T10:00:00.000Z' });
      expect(section.items.filter((i: any) => i.kind === 'order')).toHaveLength(4);
    }
  });

  it('hides orders of customers the rep does not look after, and takes part in erasure', async () => {
    await t.json('POST', '/api/v1/users', t.admin, { email: 'r@example.com', name: 'R', password: 'rep-password-1', role: 'sales' });
    await t.json('PUT', '/api/v1/roles/sales', t.admin, { visibility: 'own_team' });
    const rep = await t.login('r@example.com', 'rep-password-1');
    expect((await t.json('GET', '/api/v1/orders', rep)).body.data).toEqual([]);
    const mineContact = (await t.json('POST', '/api/v1/contacts', rep, { displayName: 'Mine' })).body.id;
    const o = await t.json('POST', '/api/v1/orders', rep, { contactId: mineContact, items: [{ name: 'x', unitPrice: 100, quantity: 2 }] });
    expect((await t.json('GET', `/api/v1/orders/${o.body.id}`, rep)).status).toBe(200);
    expect((await t.json('GET', '/api/v1/orders', rep)).body.data.map((x: any) => x.id)).toEqual([o.body.id]);
    await t.json('PUT', '/api/v1/roles/sales', t.admin, { visibility: 'all' });
    const sales = contactDataParticipants().find((p) => p.key === 'sales')!;
    const exported = (await sales.exportFor(t.app.db.kysely, mineContact)) as { orders: unknown[] };
    expect(exported.orders).toHaveLength(1);
    expect(await sales.erase(t.app.db.kysely, mineContact)).toBe(1);
    expect((await t.json('GET', `/api/v1/orders/${o.body.id}`, t.admin)).body.contactId).toBeNull();
  });

  it("adds the members' purchases to a household's combined value", async () => {
    const a = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '王伟' })).body.id;
    const b = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '王芳' })).body.id;
    await t.json('POST', '/api/v1/orders', t.admin, { contactId: a, items: [{ name: 'x', unitPrice: 1500, quantity: 2 }] });
    await t.json('POST', '/api/v1/orders', t.admin, { contactId: b, items: [{ name: 'y', unitPrice: 700, quantity: 1 }] });
    const refunded = await t.json('POST', '/api/v1/orders', t.admin, { contactId: b, items: [{ name: 'z', unitPrice: 9900, quantity: 1 }] });
    await t.json('PATCH', `/api/v1/orders/${refunded.body.id}`, t.admin, { status: 'refunded' });
    const h = await t.json('POST', '/api/v1/households', t.admin, { name: '王家', contactIds: [a, b] });
    expect(h.status).toBe(201);
    expect(h.body.value.purchases).toEqual([{ currency: 'CNY', amount: 3700, orders: 2 }]);
  });
});

// The product catalogue over HTTP: create and change with price books, the categories in use, filters, who may edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe('products', () => {
  it('keeps price books per currency and lists the categories in use', async () => {
    const tea = (await t.json('POST', '/api/v1/products', t.admin, { sku: 'P-TEA', nameEn: 'Tea', nameZh: '茶', category: 'drinks', price: 1000, cost: 400, prices: [{ currency: 'USD', price: 150 }] })).body;
    expect(tea).toMatchObject({ currency: 'CNY', active: true, prices: [{ currency: 'USD', price: 150 }] });
    await t.json('POST', '/api/v1/products', t.admin, { sku: 'P-CUP', nameEn: 'Cup', category: 'ware', price: 500 });
    await t.json('POST', '/api/v1/products', t.admin, { sku: 'P-MUG', nameEn: 'Mug', category: 'ware', price: 700 });
    await t.json('POST', '/api/v1/products', t.admin, { sku: 'P-BAG', nameEn: 'Bag', price: 100 });

    const changed = await t.json('PATCH', `/api/v1/products/${tea.id}`, t.admin, { prices: [{ currency: 'EUR', price: 130 }, { currency: 'USD', price: 160 }], active: false });
    expect(changed.body).toMatchObject({ active: false, prices: [{ currency: 'EUR', price: 130 }, { currency: 'USD', price: 160 }] });

    expect((await t.json('GET', '/api/v1/products/categories', t.admin)).body).toEqual({ data: ['drinks', 'ware'] });
    const ware = (await t.json('GET', '/api/v1/products?category=ware&active=true', t.admin)).body.data;
    expect(ware.map((p: { sku: string }) => p.sku)).toEqual(['P-CUP', 'P-MUG']);
    expect((await t.json('GET', '/api/v1/products?active=false', t.admin)).body.data.map((p: { sku: string }) => p.sku)).toEqual(['P-TEA']);
  });

  it('lets everyone read the catalogue but only managers and admins change it', async () => {
    await t.json('POST', '/api/v1/users', t.admin, { email: 'rep@example.com', name: 'Rep', password: 'rep-password-1', role: 'sales' });
    const rep = await t.login('rep@example.com', 'rep-password-1');
    expect((await t.json('GET', '/api/v1/products/categories', rep)).status).toBe(200);
    expect((await t.json('POST', '/api/v1/products', rep, { sku: 'NOPE', nameEn: 'No', price: 1 })).status).toBe(403);
  });
});

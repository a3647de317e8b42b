// Products through the import machinery: a bilingual CSV, prices in whole units stored in minor units, matched by SKU.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

async function importCsv(file: string) {
  const up = await t.app.inject({ method: 'POST', url: '/api/v1/imports?object=products', headers: { ...t.admin, 'content-type': 'text/csv' }, payload: file });
  const id = up.json().id;
  expect((await t.json('POST', `/api/v1/imports/${id}/start`, t.admin, {})).status).toBe(202);
  await t.app.worker.drain();
  return { mapping: up.json().mapping, done: (await t.json('GET', `/api/v1/imports/${id}`, t.admin)).body };
}

describe('importing products', () => {
  it('maps Chinese headers, stores prices in minor units, updates by SKU and reports bad rows', async () => {
    const existing = (await t.json('POST', '/api/v1/products', t.admin, { sku: 'TEA-9', nameEn: 'Oolong', price: 100 })).body;
    const file = ['货号,英文名,商品名称,分类,单价,成本', 'TEA-9,Oolong tea,乌龙茶,tea,128.50,40', 'CUP-1,Tea cup,茶杯,ware,35,12', ',No sku,,x,1,'].join('\n');
    const { mapping, done } = await importCsv(file);
    expect(mapping).toMatchObject({ 货号: 'sku', 英文名: 'nameEn', 商品名称: 'nameZh', 分类: 'category', 单价: 'price', 成本: 'cost' });
    expect(done.progress).toMatchObject({ created: 1, updated: 1, failed: 1 });
    expect((await t.json('GET', `/api/v1/products/${existing.id}`, t.admin)).body).toMatchObject({ nameEn: 'Oolong', nameZh: '乌龙茶', price: 100, cost: 4000 }); // the default update mode fills only empty fields
    expect((await t.json('GET', '/api/v1/products?q=茶杯', t.admin)).body.data).toMatchObject([{ sku: 'CUP-1', price: 3500, currency: 'CNY', active: true }]);
  });

  it('lets only the catalogue editors import products, as POST /products does', async () => {
    await t.json('POST', '/api/v1/users', t.admin, { email: 'rep.products@example.com', name: 'Rep', password: 'rep-password-1', role: 'sales' });
    const rep = await t.login('rep.products@example.com', 'rep-password-1');
    const file = ['sku,nameEn,price', 'REP-1,Sneaky,1'].join('\n');
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/imports?object=products', headers: { ...rep, 'content-type': 'text/csv' }, payload: file });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('Only managers and administrators can change the product catalogue');
    expect((await t.json('GET', '/api/v1/products?q=REP-1', t.admin)).body.data).toEqual([]);
    // Contacts stay open to everyone.
    const contacts = await t.app.inject({ method: 'POST', url: '/api/v1/imports?object=contacts', headers: { ...rep, 'content-type': 'text/csv' }, payload: 'name\n王五' });
    expect(contacts.statusCode).toBe(201);
  });
});

// Orders through the import machinery: lines grouped into orders, buyers found by email, products by SKU, repeatable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

async function importCsv(file: string) {
  const up = await t.app.inject({ method: 'POST', url: '/api/v1/imports?object=orders', headers: { ...t.admin, 'content-type': 'text/csv' }, payload: file });
  const id = up.json().id;
  expect((await t.json('POST', `/api/v1/imports/${id}/start`, t.admin, {})).status).toBe(202);
  await t.app.worker.drain();
  return { mapping: up.json().mapping, done: (await t.json('GET', `/api/v1/imports/${id}`, t.admin)).body };
}

describe('importing orders', () => {
  it('groups lines by order number, links buyers and products, and skips orders already stored', async () => {
    await t.json('POST', '/api/v1/products', t.admin, { sku: 'MUG-1', nameEn: 'Mug', price: 4500 });
    const c = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '周杰', emails: ['zhou@shop.test'] })).body;
    const file = ['订单号,下单时间,订单状态,渠道,邮箱,货号,商品名称,数量,单价', 'T-1,2026-03-01 10:00,已付款,tmall,zhou@shop.test,MUG-1,,2,', 'T-1,2026-03-01 10:00,已付款,tmall,zhou@shop.test,,Gift wrap,1,5', 'T-2,2026-04-01,已退款,jd,nobody@shop.test,NOPE,,1,'].join('\n');
    const { mapping, done } = await importCsv(file);
    expect(mapping).toMatchObject({ 订单号: 'externalId', 下单时间: 'orderedAt', 订单状态: 'status', 渠道: 'channel', 邮箱: 'contactEmail', 货号: 'sku', 商品名称: 'name', 数量: 'quantity', 单价: 'unitPrice' });
    expect(done.progress).toMatchObject({ created: 1 });
    const orders = (await t.json('GET', `/api/v1/orders?contactId=${c.id}`, t.admin)).body.data;
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ externalId: 'T-1', status: 'paid', channel: 'tmall', total: 9500, orderedAt: '2026-03-01T10:00:00.000Z' });
    expect(orders[0].items.map((i: any) => [i.sku, i.name, i.quantity, i.unitPrice])).toEqual(expect.arrayContaining([['MUG-1', 'Mug', 2, 4500], [null, 'Gift wrap', 1, 500]]));
    const again = await importCsv(file);
    expect(again.done.progress).toMatchObject({ created: 0 });
    expect((await t.json('GET', '/api/v1/orders?q=T-1', t.admin)).body.data).toHaveLength(1);
  });
});

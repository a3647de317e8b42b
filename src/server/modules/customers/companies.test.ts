// Companies and custom fields over HTTP: CRUD, contact counts, custom field validation, filters and sorts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe('companies', () => {
  it('creates, lists with contact counts, renames (re-indexing its contacts) and refuses to delete one with contacts', async () => {
    const co = await t.json('POST', '/api/v1/companies', t.admin, { name: '腾讯科技', domain: 'Tencent.com', industry: 'Software', size: '1000+', annualRevenue: 123456789, tags: ['key-account'] });
    expect(co.status).toBe(201);
    expect(co.body).toMatchObject({ domain: 'tencent.com', currency: 'CNY', contactCount: 0, tags: ['key-account'] });
    expect((await t.json('POST', '/api/v1/companies', t.admin, { name: 'Bad', domain: 'not a domain' })).body.errors[0].path).toBe('domain');
    expect((await t.json('POST', '/api/v1/companies', t.admin, { name: 'Bad', annualRevenue: 1.5 })).status).toBe(422);
    const person = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '马化腾', companyId: co.body.id })).body;
    expect(person.companyName).toBe('腾讯科技');
    const list = await t.json('GET', '/api/v1/companies?tag=key-account', t.admin);
    expect(list.body.data[0]).toMatchObject({ id: co.body.id, contactCount: 1 });
    await t.json('PATCH', `/api/v1/companies/${co.body.id}`, t.admin, { name: 'Tencent Holdings' });
    const found = await t.json('GET', `/api/v1/contacts?q=${encodeURIComponent('tencent hold')}`, t.admin);
    expect(found.body.data.map((c: any) => c.id)).toEqual([person.id]);
    expect((await t.json('DELETE', `/api/v1/companies/${co.body.id}`, t.admin)).status).toBe(409);
    await t.json('DELETE', `/api/v1/contacts/${person.id}`, t.admin);
    expect((await t.json('DELETE', `/api/v1/companies/${co.body.id}`, t.admin)).status).toBe(204);
  });

  it('sorts by revenue and pages', async () => {
    const tag = `rev-${Date.now()}`;
    for (const [name, rev] of [['A', 300], ['B', 100], ['C', 200]] as const) await t.json('POST', '/api/v1/companies', t.admin, { name, annualRevenue: rev, tags: [tag] });
    const page1 = await t.json('GET', `/api/v1/companies?tag=${tag}&sort=-annualRevenue&limit=2`, t.admin);
    expect(page1.body.data.map((c: any) => c.name)).toEqual(['A', 'C']);
    const page2 = await t.json('GET', `/api/v1/companies?tag=${tag}&sort=-annualRevenue&limit=2&cursor=${page1.body.nextCursor}`, t.admin);
    expect(page2.body.data.map((c: any) => c.name)).toEqual(['B']);
    expect(page2.body.nextCursor).toBeNull();
  });
});

describe('custom fields', () => {
  it('are defined by an admin, validated on write, filterable and sortable', async () => {
    const sales = await t.json('POST', '/api/v1/users', t.admin, { email: 'cf@example.com', name: 'cf', password: 'password-123', role: 'sales' });
    expect(sales.status).toBe(201);
    const rep = await t.login('cf@example.com', 'password-123');
    expect((await t.json('POST', '/api/v1/custom-fields', rep, { object: 'contact', key: 'x', label: 'X', type: 'text' })).status).toBe(403);
    const defs = [
      { object: 'contact', key: 'vip_level', label: 'VIP level', type: 'select', options: ['金卡', '银卡'] },
      { object: 'contact', key: 'spend', label: 'Spend', type: 'number' },
      { object: 'contact', key: 'interests', label: 'Interests', type: 'multiselect', options: ['golf', 'tea', 'wine'] },
      { object: 'contact', key: 'first_met', label: 'First met', type: 'date' },
      { object: 'contact', key: 'wechat_ok', label: 'WeChat OK', type: 'boolean' },
    ];
    for (const d of defs) expect((await t.json('POST', '/api/v1/custom-fields', t.admin, d)).status).toBe(201);
    expect((await t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'contact', key: 'bad', label: 'B', type: 'select' })).status).toBe(422);
    expect((await t.json('POST', '/api/v1/custom-fields', t.admin, defs[0])).status).toBe(409);
    expect((await t.json('POST', '/api/v1/custom-fields', t.admin, { ...defs[1], key: 'Bad Key' })).body.errors[0].path).toBe('key');

    const bad = await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'X', customFields: { vip_level: '铜卡', spend: 'lots', nope: 1 } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['customFields.nope', 'customFields.spend', 'customFields.vip_level']);

    const tag = `cf-${Date.now()}`;
    const mk = (name: string, customFields: object) => t.json('POST', '/api/v1/contacts', t.admin, { displayName: name, tags: [tag], customFields });
    const a = (await mk('A', { vip_level: '金卡', spend: 500, interests: ['golf', 'tea'], first_met: '2025-03-01', wechat_ok: true })).body;
    await mk('B', { vip_level: '银卡', spend: 90, interests: ['wine'], wechat_ok: false });
    await mk('C', { spend: 1200 });
    expect(a.customFields).toEqual({ vip_level: '金卡', spend: 500, interests: ['golf', 'tea'], first_met: '2025-03-01', wechat_ok: true });
    const names = async (qs: string) => (await t.json('GET', `/api/v1/contacts?tag=${tag}&${qs}`, t.admin)).body.data.map((x: any) => x.displayName);
    expect(await names(`cf.vip_level=${encodeURIComponent('金卡')}`)).toEqual(['A']);
    expect(await names('cf.spend=90')).toEqual(['B']);
    expect(await names('cf.interests=tea')).toEqual(['A']);
    expect(await names('cf.wechat_ok=false')).toEqual(['B']);
    expect(await names('sort=-cf.spend')).toEqual(['C', 'A', 'B']);
    expect(await names('sort=cf.spend')).toEqual(['B', 'A', 'C']);
    expect((await t.json('GET', `/api/v1/contacts?cf.unknown=1`, t.admin)).status).toBe(422);
    // null clears a value
    const cleared = await t.json('PATCH', `/api/v1/contacts/${a.id}`, t.admin, { customFields: { spend: null } });
    expect(cleared.body.customFields.spend).toBeUndefined();
    expect(cleared.body.customFields.vip_level).toBe('金卡');
  });
});

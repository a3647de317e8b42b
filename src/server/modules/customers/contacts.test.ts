// Contacts over HTTP: create/read/update/delete, cleansing, validation errors, search, sort, filters, paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const post = (body: unknown) => t.json('POST', '/api/v1/contacts', t.admin, body);
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((c) => c.id);
const search = async (q: string, extra = '') => ids(await t.json('GET', `/api/v1/contacts?q=${encodeURIComponent(q)}${extra}`, t.admin));

describe('contacts', () => {
  it('creates a Chinese-named contact with cleansed emails and E.164 phones', async () => {
    const res = await post({ familyName: '张', givenName: '伟', emails: ['  Zhang.Wei@Example.COM '], phones: ['138 0013 8000', '+1 (415) 555-2671'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ displayName: '张伟', emails: ['zhang.wei@example.com'], phones: ['+8613800138000', '+14155552671'], lifecycleStage: 'lead' });
    const en = await post({ givenName: 'John', familyName: 'Smith' });
    expect(en.body.displayName).toBe('John Smith');
  });

  it('answers bad input with problem+json naming the field, never a 500', async () => {
    const bad = await post({ displayName: 'X', emails: ['not-an-email'], phones: ['12'] });
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: any) => e.path)).toContain('emails.0');
    const phone = await post({ displayName: 'X', phones: ['12'] });
    expect(phone.status).toBe(422);
    expect(phone.body.errors[0].path).toBe('phones.0');
    const unknown = await post({ displayName: 'X', nickname: 'y' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toContainEqual({ path: 'nickname', message: 'unknown field' });
    const wrongType = await post({ displayName: 42 });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors[0].path).toBe('displayName');
    expect((await post({})).status).toBe(422);
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { ...t.admin, 'content-type': 'application/json' }, payload: '{"displayName":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().title).toBe('Malformed JSON');
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { ...t.admin, 'content-type': 'application/json' }, payload: JSON.stringify({ displayName: 'x'.repeat(2_000_000) }) });
    expect(huge.statusCode).toBe(413);
    expect((await t.json('GET', '/api/v1/contacts/01900000-0000-7000-8000-000000000000', t.admin)).status).toBe(404);
    expect((await t.json('GET', '/api/v1/contacts?limit=9999', t.admin)).status).toBe(422);
    expect((await t.json('GET', '/api/v1/contacts?cursor=garbage', t.admin)).status).toBe(422);
    expect((await t.json('GET', '/api/v1/contacts?sort=password', t.admin)).status).toBe(422);
    expect((await t.json('GET', '/api/v1/contacts?bogus=1', t.admin)).status).toBe(422);
    expect((await t.json('GET', '/api/v1/nothing-here', t.admin)).status).toBe(404);
  });

  it('updates part of a contact, keeps the rest, and deletes it', async () => {
    const c = (await post({ displayName: '李娜', emails: ['li.na@example.com'], tags: ['vip', 'vip', 'beijing'] })).body;
    expect(c.tags).toEqual(['beijing', 'vip']);
    const u = await t.json('PATCH', `/api/v1/contacts/${c.id}`, t.admin, { title: '采购经理', consent: { email: true }, address: { city: '北京', country: 'CN' } });
    expect(u.status).toBe(200);
    expect(u.body).toMatchObject({ displayName: '李娜', title: '采购经理', emails: ['li.na@example.com'], consent: { email: true, sms: false }, address: { city: '北京' }, tags: ['beijing', 'vip'] });
    expect((await t.json('DELETE', `/api/v1/contacts/${c.id}`, t.admin)).status).toBe(204);
    expect((await t.json('GET', `/api/v1/contacts/${c.id}`, t.admin)).status).toBe(404);
    expect(await search('李娜')).toEqual([]);
  });
});

describe('search', () => {
  let zhang: string, wang: string, mary: string, company: string;
  beforeAll(async () => {
    company = (await t.json('POST', '/api/v1/companies', t.admin, { name: '阿里巴巴网络技术有限公司', domain: 'alibaba.com' })).body.id;
    zhang = (await post({ displayName: '张伟强', phones: ['+86 139 1234 5678'], companyId: company })).body.id;
    wang = (await post({ displayName: '王小明', emails: ['xiaoming@corp.cn'] })).body.id;
    mary = (await post({ givenName: 'Mary', familyName: 'Johnson', emails: ['mary.j@acme.com'] })).body.id;
  });

  it('finds Chinese names by one, two or more characters', async () => {
    expect(await search('张')).toContain(zhang);
    expect(await search('伟强')).toContain(zhang);
    expect(await search('张伟强')).toEqual([zhang]);
    expect(await search('小')).toEqual([wang]);
  });

  it('finds by phone fragments written any way, by email and by company', async () => {
    expect(await search('139 1234')).toEqual([zhang]);
    expect(await search('13912345678')).toEqual([zhang]);
    expect(await search('+86 139-1234-5678')).toEqual([zhang]);
    expect(await search('corp.cn')).toEqual([wang]);
    expect(await search('阿里巴巴')).toEqual([zhang]);
    expect(await search('JOHNSON')).toEqual([mary]);
    expect(await search('ma')).toContain(mary);
    expect(await search('zzzz')).toEqual([]);
  });

  it('searches with a sort and with filters', async () => {
    expect(await search('m', '&sort=displayName')).toContain(mary); // 1–2 Latin letters match the start of a word
    expect(await search('张', `&companyId=${company}`)).toEqual([zhang]);
    const global = await t.json('GET', `/api/v1/search?q=${encodeURIComponent('阿里')}`, t.admin);
    expect(global.body.companies.map((c: any) => c.id)).toEqual([company]);
    expect((await t.json('GET', '/api/v1/search?q=', t.admin)).status).toBe(422);
  });
});

describe('lists', () => {
  it('pages with cursors through a sorted, filtered list without gaps or repeats', async () => {
    const tag = `page-${Date.now()}`;
    const names = ['Eve', 'Bob', 'Dan', 'Amy', 'Cat', 'Fay', 'Gus'];
    for (const n of names) await post({ displayName: n, tags: [tag], lifecycleStage: n === 'Gus' ? 'customer' : 'lead' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await t.json('GET', `/api/v1/contacts?tag=${tag}&sort=displayName&limit=3${cursor ? `&cursor=${cursor}` : ''}`, t.admin);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((c: any) => c.displayName));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names].sort());
    const desc = (await t.json('GET', `/api/v1/contacts?tag=${tag}&sort=-displayName&limit=2`, t.admin)).body.data.map((c: any) => c.displayName);
    expect(desc).toEqual(['Gus', 'Fay']);
    const customers = (await t.json('GET', `/api/v1/contacts?tag=${tag}&lifecycleStage=customer`, t.admin)).body.data;
    expect(customers.map((c: any) => c.displayName)).toEqual(['Gus']);
    const newest = (await t.json('GET', `/api/v1/contacts?tag=${tag}&limit=1`, t.admin)).body.data[0].displayName;
    expect(newest).toBe('Gus');
    const mine = (await t.json('GET', `/api/v1/contacts?tag=${tag}&ownerId=me`, t.admin)).body.data;
    expect(mine).toHaveLength(7);
  });
});

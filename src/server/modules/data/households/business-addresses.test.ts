// Office addresses are not homes: colleagues who carry their company's street (Salesforce-style rows), or an address
// that people of many family names share, form no household and are no duplicate evidence; a real home still is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const ids: Record<string, string> = {};
async function contact(key: string, body: Record<string, unknown>) {
  const res = await t.json('POST', '/api/v1/contacts', t.admin, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[key] = res.body.id;
}
const keyOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;

describe('business addresses', () => {
  it('form no household and no duplicate pair, while a home still does', async () => {
    const office = { street: '1 Century Avenue', city: 'Shanghai' };
    const acme = (await t.json('POST', '/api/v1/companies', t.admin, { name: 'Acme Shanghai', address: office })).body.id;
    // Colleagues with the company's street on their rows, three of them named 王.
    await contact('wangwei', { familyName: '王', givenName: '伟', companyId: acme, address: office });
    await contact('wangfang', { familyName: '王', givenName: '芳', companyId: acme, address: office });
    await contact('wanglei', { familyName: '王', givenName: '磊', companyId: acme, address: office });
    // An office park with no company on record: people of four family names share it.
    const park = { street: '500 Office Park Road', city: 'Hangzhou' };
    await contact('zhao1', { familyName: '赵', givenName: '强', address: park });
    await contact('zhao2', { familyName: '赵', givenName: '敏', address: park });
    await contact('kath1', { displayName: 'Katherine Miller', address: park });
    await contact('kath2', { displayName: 'Kathrine Miller', address: park });
    await contact('chen', { familyName: '陈', givenName: '静', address: park });
    // A home: two of one family, and a near-duplicate name living there.
    const home = { street: '88 Nanjing Road', city: 'Shanghai' };
    await contact('zhangwei', { familyName: '张', givenName: '伟', address: home });
    await contact('zhangli', { familyName: '张', givenName: '丽', address: home });
    const homeB = { street: '12 High Street', city: 'London' };
    await contact('anna1', { displayName: 'Annabel Rowe', address: homeB });
    await contact('anna2', { displayName: 'Anabel Rowe', address: homeB });

    const regroup = await t.runJob('/api/v1/households/regroup');
    expect(regroup.job.status, JSON.stringify(regroup.job)).toBe('done');
    const households = (await t.json('GET', '/api/v1/households?limit=100', t.admin)).body.data;
    const members = await Promise.all(households.map(async (h: { id: string }) => (await t.json('GET', `/api/v1/households/${h.id}`, t.admin)).body.members.map((m: { id: string }) => keyOf(m.id)).sort()));
    expect(members.sort()).toEqual([['anna1', 'anna2'], ['zhangli', 'zhangwei']]);

    const detect = await t.runJob('/api/v1/duplicates/detect', {});
    expect(detect.job.status, JSON.stringify(detect.job)).toBe('done');
    const pairs = (await t.json('GET', '/api/v1/duplicates?limit=100', t.admin)).body.data.map((p: { a: { id: string }; b: { id: string } }) => [keyOf(p.a.id), keyOf(p.b.id)].sort().join('|'));
    expect(pairs).toContain('anna1|anna2');
    expect(pairs).not.toContain('kath1|kath2');
    expect(pairs.filter((p: string) => p.includes('wang'))).toEqual([]);
  });
});

// Duplicate detection end to end: planted duplicates are found with their reasons (email case, phone formatting,
// 张伟 vs Zhang Wei via pinyin, typos), unrelated people are not paired, and a dismissed pair stays dismissed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { jaroWinkler } from './jaro-winkler.js';
import { nameTokens } from './name-tokens.js';
import { BlockingIndex } from './blocking-index.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const ids: Record<string, string> = {};
async function contact(key: string, body: Record<string, unknown>) {
  const res = await t.json('POST', '/api/v1/contacts', t.admin, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[key] = res.body.id;
}
async function detect() {
  const { started, job } = await t.runJob('/api/v1/duplicates/detect', {});
  expect(started.status).toBe(202);
  expect(job.status, JSON.stringify(job)).toBe('done');
  return job;
}
const pairKey = (a: string, b: string) => [a, b].sort().join('|');
const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)![0];

describe('jaro-winkler and name tokens', () => {
  it('matches the published examples and turns Chinese names into pinyin', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('same', 'same')).toBe(1);
    expect(nameTokens('张伟').tokens).toEqual(['zhang', 'wei']);
    expect(nameTokens('张秀英').tokens).toEqual(['zhang', 'xiuying']);
    expect(nameTokens('欧阳娜娜').tokens).toEqual(['ouyang', 'nana']);
    expect(nameTokens('José Müller').tokens).toEqual(['jose', 'muller']);
  });
});

describe('blocking index', () => {
  it('pairs records sharing a key once each, and drops a key shared by more than its cap', () => {
    const index = new BlockingIndex(50);
    for (let i = 0; i < 60; i++) index.add(i, 'common-name-token');
    for (const i of [100, 101, 102]) {
      index.add(i, 'e:shared@example.com');
      index.add(i, 'p:+8613800138000'); // a second shared key must not repeat the pairs
    }
    expect([...index.pairs()].sort()).toEqual([[100, 101], [100, 102], [101, 102]]);
    expect(index.oversizeKeys).toBe(1);
  });
});

describe('duplicate detection', () => {
  it('finds the planted duplicates with reasons and leaves unrelated people alone', async () => {
    const acme = (await t.json('POST', '/api/v1/companies', t.admin, { name: 'Acme', domain: 'acme.io' })).body.id;
    const globex = (await t.json('POST', '/api/v1/companies', t.admin, { name: 'Globex' })).body.id;
    const initech = (await t.json('POST', '/api/v1/companies', t.admin, { name: 'Initech' })).body.id;
    await contact('alice1', { displayName: 'Alice Johnson', emails: ['alice.j@example.org'] });
    await contact('alice2', { displayName: 'Alice Johnson', emails: ['Alice.J@Example.ORG'], phones: ['+1 415 555 0199'] });
    await contact('liming1', { displayName: '李明', phones: ['138 0013 8000'] });
    await contact('liming2', { familyName: '李', givenName: '明', phones: ['+86-138-0013-8000'], title: '采购经理' });
    await contact('zhangwei1', { familyName: '张', givenName: '伟', companyId: globex });
    await contact('zhangwei2', { displayName: 'Zhang Wei', companyId: globex });
    await contact('zhangwei3', { displayName: 'Zhang Wei', companyId: initech, emails: ['zw@initech.cn'] });
    await contact('jonathan1', { displayName: 'Jonathan Smith', companyId: acme });
    await contact('jonathan2', { displayName: 'Jonathon Smith', companyId: acme });
    await contact('bob', { displayName: 'Bob Smith', companyId: acme, emails: ['bob@acme.io'] });
    await contact('kath1', { displayName: 'Katherine Miller', phones: ['+44 20 7946 0958'], address: { street: '12 High St.', city: 'London' } });
    await contact('kath2', { displayName: 'Kathrine Miller', address: { street: '12 High Street', city: 'London' } });
    await contact('info1', { displayName: 'Front Desk', emails: ['info@shared.example'] });
    await contact('info2', { displayName: 'Sales Team', emails: ['info@shared.example'] });
    await contact('other', { displayName: 'Maria Garcia', emails: ['maria@example.net'] });

    const job = await detect();
    expect(job.result).toMatchObject({ scanned: 15 });
    const queue = await t.json('GET', '/api/v1/duplicates?limit=100', t.admin);
    expect(queue.status).toBe(200);
    const found = new Map(queue.body.data.map((p: any) => [pairKey(nameOf(p.a.id), nameOf(p.b.id)), p]));
    expect([...found.keys()].sort()).toEqual(
      [pairKey('alice1', 'alice2'), pairKey('liming1', 'liming2'), pairKey('zhangwei1', 'zhangwei2'), pairKey('jonathan1', 'jonathan2'), pairKey('kath1', 'kath2')].sort(),
    );
    const reasons = (k: string) => (found.get(k) as any).reasons.map((r: any) => `${r.field}:${r.kind}`);
    expect(reasons(pairKey('alice1', 'alice2'))).toContain('email:same');
    expect(reasons(pairKey('liming1', 'liming2'))).toContain('phone:same');
    expect(reasons(pairKey('zhangwei1', 'zhangwei2'))).toEqual(expect.arrayContaining(['name:same', 'company:same']));
    expect((found.get(pairKey('zhangwei1', 'zhangwei2')) as any).reasons.find((r: any) => r.field === 'name').detail).toContain('pinyin');
    expect(reasons(pairKey('jonathan1', 'jonathan2'))).toEqual(expect.arrayContaining(['name:similar', 'company:same']));
    expect(reasons(pairKey('kath1', 'kath2'))).toEqual(expect.arrayContaining(['name:similar', 'address:same']));
    // Reasons are structured for the web to put in words: params, and never a record id anywhere in them.
    const all = queue.body.data.flatMap((p: any) => p.reasons);
    for (const r of all) expect(r.params).toBeTypeOf('object');
    expect((found.get(pairKey('zhangwei1', 'zhangwei2')) as any).reasons.find((r: any) => r.field === 'name').params).toMatchObject({ pinyin: true, similarity: 1 });
    expect((found.get(pairKey('alice1', 'alice2')) as any).reasons.find((r: any) => r.field === 'email').params).toEqual({ value: 'alice.j@example.org' });
    const ids = [...found.values()].flatMap((p: any) => [p.a.id, p.b.id]);
    const text = JSON.stringify(all);
    for (const id of ids) expect(text).not.toContain(id);
    // Best first, and each side carries what a reviewer needs.
    const scores = queue.body.data.map((p: any) => p.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect((found.get(pairKey('alice1', 'alice2')) as any).a).toMatchObject({ displayName: 'Alice Johnson', emails: ['alice.j@example.org'] });
  });

  it('keeps a dismissed pair out of the queue when detection runs again', async () => {
    const open = (await t.json('GET', '/api/v1/duplicates?limit=100', t.admin)).body.data;
    const target = open.find((p: any) => [p.a.id, p.b.id].includes(ids.jonathan1));
    const res = await t.json('POST', `/api/v1/duplicates/${target.id}/dismiss`, t.admin);
    expect(res.body).toMatchObject({ status: 'dismissed' });
    await detect();
    const after = (await t.json('GET', '/api/v1/duplicates?limit=100', t.admin)).body.data;
    expect(after.map((p: any) => p.id)).not.toContain(target.id);
    expect(after).toHaveLength(open.length - 1);
    const dismissed = (await t.json('GET', '/api/v1/duplicates?status=dismissed', t.admin)).body.data;
    expect(dismissed.map((p: any) => p.id)).toEqual([target.id]);
    const audit = await t.json('GET', `/api/v1/audit?entity=duplicate_pair&entityId=${target.id}`, t.admin);
    expect(audit.body.data[0]).toMatchObject({ action: 'update' });
    expect((await t.json('POST', '/api/v1/duplicates/nope/dismiss', t.admin)).status).toBe(404);
  });

  it('joins pairs into clusters (A~B by email, B~C by phone)', async () => {
    const companyId = (await t.json('POST', '/api/v1/companies', t.admin, { name: 'Cluster Trading Co' })).body.id;
    const a = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Chen Jing', emails: ['cj@cluster.example'], companyId })).body.id;
    const b = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Chen Jing', emails: ['CJ@cluster.example'], phones: ['+86 139 2000 3000'] })).body.id;
    const c = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Chen Jing', phones: ['13920003000'] })).body.id;
    await detect();
    const res = await t.json('GET', '/api/v1/duplicates/clusters', t.admin);
    expect(res.status).toBe(200);
    const cluster = res.body.data.find((x: any) => x.contacts.some((m: any) => m.id === a));
    expect(cluster.contacts.map((m: any) => m.id).sort()).toEqual([a, b, c].sort());
    expect(cluster.pairIds.length).toBeGreaterThanOrEqual(2);
    expect(cluster.contacts.find((m: any) => m.id === a).companyName).toBe('Cluster Trading Co');
  });

  it('suggests duplicate companies by domain and by name without its legal form', async () => {
    const make = async (name: string, domain?: string) => (await t.json('POST', '/api/v1/companies', t.admin, { name, ...(domain && { domain }) })).body.id as string;
    const acme2 = await make('ACME, Inc.', 'acme.io');
    const hooli1 = await make('Hooli Ltd');
    const hooli2 = await make('Hooli Limited');
    await make('Acme Foods', 'acmefoods.cn');
    await make('北京华为技术有限公司');
    await make('Umbrella Corp', 'umbrella.example');
    await detect();
    const res = await t.json('GET', '/api/v1/duplicates?entity=company', t.admin);
    expect(res.status).toBe(200);
    const pairs = res.body.data.map((p: any) => [p.a.displayName, p.b.displayName].sort().join(' | ')).sort();
    expect(pairs).toEqual(['ACME, Inc. | Acme', 'Hooli Limited | Hooli Ltd']);
    const acme = res.body.data.find((p: any) => [p.a.id, p.b.id].includes(acme2));
    expect(acme.reasons.map((r: any) => `${r.field}:${r.kind}`)).toEqual(expect.arrayContaining(['domain:same', 'name:same']));
    expect(res.body.data.find((p: any) => [p.a.id, p.b.id].includes(hooli1)).b.id).toBe([hooli1, hooli2].sort()[1]);
  });

  it('lets only an admin change thresholds and run detection, with clear errors', async () => {
    await t.json('POST', '/api/v1/users', t.admin, { email: 'rep-dedup@example.com', name: 'Rep', password: 'password-123', role: 'sales' });
    const rep = await t.login('rep-dedup@example.com', 'password-123');
    expect((await t.json('POST', '/api/v1/duplicates/detect', rep, {})).status).toBe(403);
    expect((await t.json('PATCH', '/api/v1/dedup/settings', rep, { suggestThreshold: 0.7 })).status).toBe(403);
    const bad = await t.json('PATCH', '/api/v1/dedup/settings', t.admin, { suggestThreshold: 2 });
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors[0].path).toBe('suggestThreshold');
    // A stricter threshold drops the weaker suggestions on the next run.
    expect((await t.json('PATCH', '/api/v1/dedup/settings', t.admin, { suggestThreshold: 0.9 })).body).toMatchObject({ suggestThreshold: 0.9, autoMerge: false });
    await detect();
    const strict = (await t.json('GET', '/api/v1/duplicates?limit=100', t.admin)).body.data;
    expect(strict.length).toBeGreaterThan(0);
    expect(strict.every((p: any) => p.score >= 0.9)).toBe(true);
    await t.json('PATCH', '/api/v1/dedup/settings', t.admin, { suggestThreshold: 0.5 });
  });
});

// Households end to end: grouping by shared address + family name or a shared home phone (not a shared mobile),
// the household view with its combined value, and an admin's corrections surviving regrouping.
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
async function regroup() {
  const { started, job } = await t.runJob('/api/v1/households/regroup');
  expect(started.status).toBe(202);
  expect(job.status, JSON.stringify(job)).toBe('done');
  return job.result;
}
async function householdOf(key: string) {
  const list = (await t.json('GET', `/api/v1/households?contactId=${ids[key]}`, t.admin)).body.data;
  return list.length ? (await t.json('GET', `/api/v1/households/${list[0].id}`, t.admin)).body : null;
}
const memberKeys = (h: any) => h.members.map((m: any) => Object.entries(ids).find(([, v]) => v === m.id)![0]).sort();

describe('households', () => {
  it('groups by shared address and family name, or a shared home phone, and shows the combined value', async () => {
    const home = { street: '88 Nanjing Rd.', city: '上海市' };
    await contact('zhangwei', { familyName: '张', givenName: '伟', address: home });
    await contact('zhangli', { familyName: '张', givenName: '丽', address: { street: '88 nanjing road', city: '上海' } });
    await contact('lina', { familyName: '李', givenName: '娜', address: home });
    await contact('john', { displayName: 'John Smith', phones: ['+86 10 6234 5678'] });
    await contact('mary', { displayName: 'Mary Jones', phones: ['010-6234-5678'] });
    await contact('tom', { displayName: 'Tom Brown', phones: ['13800138000'] });
    await contact('amy', { displayName: 'Amy Brown', phones: ['138 0013 8000'] });
    await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', contactId: ids.zhangwei, body: '到访' });
    await t.json('POST', '/api/v1/interactions', t.admin, { type: 'call', contactId: ids.zhangli, direction: 'inbound' });

    expect(await regroup()).toMatchObject({ households: 2, created: 2 });
    const zhang = await householdOf('zhangwei');
    expect(memberKeys(zhang)).toEqual(['zhangli', 'zhangwei']);
    expect(zhang).toMatchObject({ name: '张家', basis: 'address+family', value: { members: 2, related: { interactions: 2 } } });
    const phone = await householdOf('john');
    expect(memberKeys(phone)).toEqual(['john', 'mary']);
    expect(phone.basis).toBe('home phone');
    expect(await householdOf('lina')).toBeNull(); // same address, other family
    expect(await householdOf('tom')).toBeNull(); // a shared mobile is a person's, not a home's
    // Regrouping is stable: the same households keep their ids.
    expect(await regroup()).toMatchObject({ households: 2, created: 0, membersAdded: 0, membersRemoved: 0 });
    expect((await householdOf('zhangwei')).id).toBe(zhang.id);
    // The 360° view shows the household with a link to it; a contact in none has no household section.
    const sections = async (key: string) => (await t.json('GET', `/api/v1/contacts/${ids[key]}/overview`, t.admin)).body.sections as { key: string; items: unknown[] }[];
    expect((await sections('zhangli')).find((x) => x.key === 'household')?.items).toEqual([{ name: '张家', basis: 'address+family', members: 2, path: `/households/${zhang.id}` }]);
    expect((await sections('lina')).map((x) => x.key)).not.toContain('household');
  });

  it('lets an admin move members out and in, and regrouping respects it', async () => {
    const zhang = await householdOf('zhangwei');
    const out = await t.json('DELETE', `/api/v1/households/${zhang.id}/members/${ids.zhangli}`, t.admin);
    expect(out.status).toBe(200);
    expect(memberKeys(out.body)).toEqual(['zhangwei']);
    const moved = await t.json('POST', `/api/v1/households/${zhang.id}/members`, t.admin, { contactId: ids.lina });
    expect(memberKeys(moved.body)).toEqual(['lina', 'zhangwei']);
    expect(moved.body.members.find((m: any) => m.id === ids.lina).origin).toBe('manual');
    await regroup();
    expect(memberKeys(await householdOf('zhangwei'))).toEqual(['lina', 'zhangwei']);
    expect(await householdOf('zhangli')).toBeNull();
    // Moving a member into another household takes it out of the first.
    const phone = await householdOf('john');
    await t.json('POST', `/api/v1/households/${phone.id}/members`, t.admin, { contactId: ids.zhangwei });
    expect(memberKeys(await householdOf('zhangwei'))).toEqual(['john', 'mary', 'zhangwei']);
    const audit = (await t.json('GET', `/api/v1/audit?entity=household&entityId=${phone.id}`, t.admin)).body.data;
    expect(audit[0]).toMatchObject({ action: 'update' });
  });

  it('answers problems for what a user may not do or that does not exist', async () => {
    await t.json('POST', '/api/v1/users', t.admin, { email: 'rep-hh@example.com', name: 'Rep', password: 'password-123', role: 'sales' });
    const rep = await t.login('rep-hh@example.com', 'password-123');
    const any = (await t.json('GET', '/api/v1/households', t.admin)).body.data[0];
    expect((await t.json('POST', '/api/v1/households/regroup', rep)).status).toBe(403);
    expect((await t.json('DELETE', `/api/v1/households/${any.id}/members/${ids.john}`, rep)).status).toBe(403);
    expect((await t.json('GET', '/api/v1/households/nope', t.admin)).status).toBe(404);
    expect((await t.json('DELETE', `/api/v1/households/${any.id}/members/nope`, t.admin)).status).toBe(404);
    const bad = await t.json('POST', `/api/v1/households/${any.id}/members`, t.admin, { contact: ids.john });
    expect(bad.status).toBe(422);
    const made = await t.json('POST', '/api/v1/households', t.admin, { name: 'Brown family', contactIds: [ids.tom, ids.amy] });
    expect(made.status).toBe(201);
    expect(memberKeys(made.body)).toEqual(['amy', 'tom']);
  });
});

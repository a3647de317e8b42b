// Merging companies end to end: contacts, deals, orders and interactions moved to the survivor, chosen and default
// field values, the merge audited and announced, the duplicate queue closed; undo restores everything exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const get = async (url: string) => (await t.json('GET', url, t.admin)).body;
const company = async (body: Record<string, unknown>) => {
  const res = await t.json('POST', '/api/v1/companies', t.admin, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const ids = (page: { data: { id: string }[] }) => page.data.map((r) => r.id).sort();
/** A deal as shown, without the time it has spent in its stage (which grows while the test runs). */
const dealView = async (id: string) => {
  const d = await get(`/api/v1/deals/${id}`);
  return { ...d, stageHistory: d.stageHistory.map(({ secondsInStage: _, ...h }: Record<string, unknown>) => h) };
};

describe('company merge and undo', () => {
  it('moves contacts, deals, orders and interactions to the survivor, keeps chosen fields, is audited; undo restores exactly', async () => {
    for (const key of ['tier', 'region']) expect((await t.json('POST', '/api/v1/custom-fields', t.admin, { object: 'company', key, label: key, type: 'text' })).status).toBe(201);
    const s = await company({ name: 'Acme', domain: 'acme.example', tags: ['key'], customFields: { tier: 'gold' } });
    await sleep(5);
    const m = await company({ name: 'ACME, Inc.', domain: 'acme.example', industry: 'Manufacturing', size: '51-200', annualRevenue: 5_000_000, currency: 'USD', address: { city: '上海' }, tags: ['import', 'key'], customFields: { region: 'east' } });
    const atM = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Li Lei', companyId: m.id })).body;
    const atS = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Han Meimei', companyId: s.id })).body;
    const deal = await t.json('POST', '/api/v1/deals', t.admin, { name: 'Acme rollout', amount: 120_000, companyId: m.id });
    expect(deal.status, JSON.stringify(deal.body)).toBe(201);
    const order = await t.json('POST', '/api/v1/orders', t.admin, { companyId: m.id, items: [{ name: 'Licence', unitPrice: 9_900, quantity: 2 }] });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const note = await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', companyId: m.id, body: 'met the buyer' });
    expect(note.status).toBe(201);
    // Snapshots of everything as the API shows it, to compare after the undo.
    const sBefore = await get(`/api/v1/companies/${s.id}`);
    const mBefore = await get(`/api/v1/companies/${m.id}`);
    const contactBefore = await get(`/api/v1/contacts/${atM.id}`);
    const dealBefore = await dealView(deal.body.id);
    const orderBefore = await get(`/api/v1/orders/${order.body.id}`);
    const mTimeline = ids(await get(`/api/v1/interactions?companyId=${m.id}&limit=100`));
    expect(mTimeline).toContain(note.body.id);
    const sTimeline = ids(await get(`/api/v1/interactions?companyId=${s.id}&limit=100`));

    const res = await t.json('POST', '/api/v1/companies/merge', t.admin, { survivorId: s.id, mergedIds: [m.id], fields: { name: s.id } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ entity: 'company', survivorId: s.id, mergedIds: [m.id], moved: { contacts: 1, sales: 2, interactions: mTimeline.length }, undoneAt: null });
    expect(await get(`/api/v1/companies/${s.id}`)).toMatchObject({
      name: 'Acme', // chosen
      industry: 'Manufacturing', // only the merged company had one
      size: '51-200',
      annualRevenue: 5_000_000,
      currency: 'USD', // goes with the revenue
      address: { city: '上海' },
      tags: ['import', 'key'],
      customFields: { tier: 'gold', region: 'east' }, // key by key
      contactCount: 2,
    });
    expect((await t.json('GET', `/api/v1/companies/${m.id}`, t.admin)).status).toBe(404);
    expect(await get(`/api/v1/contacts/${atM.id}`)).toMatchObject({ companyId: s.id, companyName: 'Acme' });
    expect((await get(`/api/v1/deals/${deal.body.id}`)).companyId).toBe(s.id);
    expect((await get(`/api/v1/orders/${order.body.id}`)).companyId).toBe(s.id);
    expect(ids(await get(`/api/v1/interactions?companyId=${s.id}&limit=100`))).toEqual([...sTimeline, ...mTimeline].sort());
    expect(ids(await get('/api/v1/companies?q=acme'))).toEqual([s.id]);
    expect(ids(await get(`/api/v1/contacts?companyId=${s.id}`))).toEqual([atM.id, atS.id].sort());

    const mergeAudit = (await get(`/api/v1/audit?entity=merge&entityId=${res.body.id}`)).data;
    expect(mergeAudit[0]).toMatchObject({ action: 'create' });
    expect((await get(`/api/v1/audit?entity=company&entityId=${m.id}`)).data[0]).toMatchObject({ action: 'delete' });
    expect((await get(`/api/v1/audit?entity=company&entityId=${s.id}`)).data[0]).toMatchObject({ action: 'update' });
    const events = await t.app.db.kysely.selectFrom('outbox').select(['type', 'entityId', 'payload']).where('type', '=', 'company.merged').execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.entityId).toBe(s.id);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ mergeId: res.body.id, survivorId: s.id, mergedIds: [m.id], company: { id: s.id, name: 'Acme' } });
    expect((await get(`/api/v1/merges/${res.body.id}`))).toMatchObject({ entity: 'company', moved: { contacts: 1 } });

    const undo = await t.json('POST', `/api/v1/merges/${res.body.id}/undo`, t.admin);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body).toMatchObject({ entity: 'company' });
    expect(undo.body.undoneAt).toBeTruthy();
    expect(await get(`/api/v1/companies/${m.id}`)).toEqual(mBefore);
    expect(await get(`/api/v1/companies/${s.id}`)).toEqual(sBefore);
    expect(await get(`/api/v1/contacts/${atM.id}`)).toEqual(contactBefore);
    expect(await dealView(deal.body.id)).toEqual(dealBefore);
    expect(await get(`/api/v1/orders/${order.body.id}`)).toEqual(orderBefore);
    expect(ids(await get(`/api/v1/interactions?companyId=${m.id}&limit=100`))).toEqual(mTimeline);
    expect(ids(await get(`/api/v1/interactions?companyId=${s.id}&limit=100`))).toEqual(sTimeline);
    expect(ids(await get('/api/v1/companies?q=acme'))).toEqual([s.id, m.id].sort());
    const undone = await t.app.db.kysely.selectFrom('outbox').select('payload').where('type', '=', 'company.merge_undone').execute();
    expect(JSON.parse(undone[0]!.payload)).toMatchObject({ mergeId: res.body.id, restoredIds: [m.id] });
    const again = await t.json('POST', `/api/v1/merges/${res.body.id}/undo`, t.admin);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('takes the most recent non-empty values by default, closes the queued pair, and an undo keeps later edits and reopens it', async () => {
    const a = await company({ name: 'Globex Ltd', domain: 'globex.example', industry: 'Energy' });
    await sleep(5);
    const b = await company({ name: 'Globex', domain: 'globex.example', industry: 'Utilities' });
    expect((await t.runJob('/api/v1/duplicates/detect', {})).job.status).toBe('done');
    const pair = (await get('/api/v1/duplicates?entity=company')).data.find((p: any) => [p.a?.id, p.b?.id].sort().join() === [a.id, b.id].sort().join());
    expect(pair?.reasons.map((r: any) => r.field)).toContain('domain');

    const merge = await t.json('POST', '/api/v1/companies/merge', t.admin, { survivorId: a.id, mergedIds: [b.id], expectedUpdatedAt: { [a.id]: a.updatedAt, [b.id]: b.updatedAt } });
    expect(merge.status, JSON.stringify(merge.body)).toBe(201);
    expect(await get(`/api/v1/companies/${a.id}`)).toMatchObject({ name: 'Globex', industry: 'Utilities' }); // b is the more recent
    expect((await get('/api/v1/duplicates?entity=company&status=merged')).data.map((p: any) => p.id)).toContain(pair.id);
    expect((await get('/api/v1/duplicates?entity=company')).data.map((p: any) => p.id)).not.toContain(pair.id);
    // Dismissing a merged pair is refused: the merge is undone instead.
    expect((await t.json('POST', `/api/v1/duplicates/${pair.id}/dismiss`, t.admin)).status).toBe(409);

    expect((await t.json('PATCH', `/api/v1/companies/${a.id}`, t.admin, { size: '11-50' })).status).toBe(200);
    expect((await t.json('POST', `/api/v1/merges/${merge.body.id}/undo`, t.admin)).status).toBe(200);
    expect(await get(`/api/v1/companies/${a.id}`)).toMatchObject({ name: 'Globex Ltd', industry: 'Energy', size: '11-50' });
    expect(await get(`/api/v1/companies/${b.id}`)).toMatchObject({ name: 'Globex', industry: 'Utilities', size: null });
    expect((await get('/api/v1/duplicates?entity=company')).data.map((p: any) => p.id)).toContain(pair.id);
  });

  it('answers problems for inconsistent, invisible, stale or impossible merges', async () => {
    const a = await company({ name: 'Problem One' });
    const b = await company({ name: 'Problem Two' });
    const merge = (body: unknown, h = t.admin) => t.json('POST', '/api/v1/companies/merge', h, body);

    const self = await merge({ survivorId: a.id, mergedIds: [a.id] });
    expect(self.status).toBe(422);
    expect(self.headers['content-type']).toContain('application/problem+json');
    expect(self.body.errors[0].path).toBe('mergedIds');
    expect((await merge({ survivorId: a.id, mergedIds: [b.id, b.id] })).body.errors[0].path).toBe('mergedIds');
    const badSource = await merge({ survivorId: a.id, mergedIds: [b.id], fields: { industry: 'someone-else' } });
    expect(badSource.status).toBe(422);
    expect(badSource.body.errors[0].path).toBe('fields.industry');
    const unknownField = await merge({ survivorId: a.id, mergedIds: [b.id], fields: { emails: a.id } });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.errors.length).toBeGreaterThan(0);
    expect((await merge({ survivorId: a.id, mergedIds: [] })).status).toBe(422);
    expect((await merge({ survivorId: a.id })).body.errors[0].path).toBe('mergedIds');
    expect((await merge({ survivorId: a.id, mergedIds: [b.id], expectedUpdatedAt: { other: 'x' } })).body.errors[0].path).toBe('expectedUpdatedAt.other');
    expect((await merge({ survivorId: a.id, mergedIds: [b.id], extra: true })).status).toBe(422);

    const missing = await merge({ survivorId: a.id, mergedIds: ['missing'] });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');

    // Changed since the client read it: 409, and nothing merged.
    expect((await t.json('PATCH', `/api/v1/companies/${b.id}`, t.admin, { industry: 'Retail' })).status).toBe(200);
    const stale = await merge({ survivorId: a.id, mergedIds: [b.id], expectedUpdatedAt: { [b.id]: b.updatedAt } });
    expect(stale.status).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect((await t.json('GET', `/api/v1/companies/${b.id}`, t.admin)).status).toBe(200);

    // A company the actor cannot see is not found, and nothing is merged.
    await t.json('POST', '/api/v1/users', t.admin, { email: 'co-rep@example.com', name: 'Rep', password: 'rep-password-1', role: 'sales' });
    expect((await t.json('PUT', '/api/v1/roles/sales', t.admin, { visibility: 'own_team' })).status).toBe(200);
    try {
      const rep = await t.login('co-rep@example.com', 'rep-password-1');
      const mine = (await t.json('POST', '/api/v1/companies', rep, { name: 'Problem One (rep)' })).body;
      expect((await merge({ survivorId: mine.id, mergedIds: [a.id] }, rep)).status).toBe(404);
      expect((await t.json('GET', `/api/v1/companies/${a.id}`, t.admin)).status).toBe(200);
    } finally {
      await t.json('PUT', '/api/v1/roles/sales', t.admin, { visibility: 'all' });
    }

    // Merged away already: gone (404); the survivor deleted since: the undo is a 409.
    const done = await merge({ survivorId: a.id, mergedIds: [b.id] });
    expect(done.status).toBe(201);
    expect((await merge({ survivorId: a.id, mergedIds: [b.id] })).status).toBe(404);
    expect((await t.json('DELETE', `/api/v1/companies/${a.id}`, t.admin)).status).toBe(204);
    const orphan = await t.json('POST', `/api/v1/merges/${done.body.id}/undo`, t.admin);
    expect(orphan.status).toBe(409);
    expect(orphan.headers['content-type']).toContain('application/problem+json');
    expect((await t.json('POST', '/api/v1/merges/missing/undo', t.admin)).status).toBe(404);
  });
});

// Bulk changes of companies through the same machinery as contacts: owner and tags by ids or filter, another team's
// companies skipped (forged ids and filters alike), audit per company and one summary per job, the job path with
// progress, a deferred delete that can be undone and that leaves companies with contacts in place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { makeVisibilityFixture, type VisibilityFixture } from '../../../test/visibility-fixture.js';
import { setSmallBulkSizes } from './bulk-test-sizes.js';

let t: TestApp;
let fx: VisibilityFixture;
let hiddenCompany: string;
let restoreSizes: () => void;

beforeAll(async () => {
  restoreSizes = setSmallBulkSizes();
  t = await startTestApp();
  fx = await makeVisibilityFixture(t, 'cobulk');
  hiddenCompany = (await t.json('POST', '/api/v1/companies', t.admin, { name: 'Team B Co cobulk', ownerId: fx.repB.id })).body.id;
});
afterAll(async () => {
  await t.close();
  restoreSizes();
});

async function companies(n: number, industry: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await t.json('POST', '/api/v1/companies', t.admin, { name: `${industry} Co ${i}`, industry })).body.id);
  return ids;
}
const get = async (id: string, headers = t.admin) => (await t.json('GET', `/api/v1/companies/${id}`, headers)).body;
const audits = (ids: string[], action: string) => t.app.db.kysely.selectFrom('auditLog').select(['entityId', 'before', 'after']).where('entity', '=', 'company').where('action', '=', action).where('entityId', 'in', ids).execute();

describe('bulk company actions', () => {
  it('assigns an owner to chosen companies inline, audited with before and after, one event each', async () => {
    const ids = await companies(3, 'owner-sel');
    const res = await t.json('POST', '/api/v1/companies/bulk', t.admin, { selection: { ids }, action: { type: 'assignOwner', ownerId: fx.repA.id } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ mode: 'inline', matched: 3, changed: 3, skipped: 0 });
    for (const id of ids) expect(await get(id)).toMatchObject({ ownerId: fx.repA.id, teamId: fx.teamA });
    const audit = await audits(ids, 'update');
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[0]!.after!)).toEqual({ ownerId: fx.repA.id, teamId: fx.teamA });
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ ownerId: expect.any(String) });
    expect(JSON.parse(audit[0]!.before!).ownerId).not.toBe(fx.repA.id);
    const events = await t.app.db.kysely.selectFrom('outbox').select(['payload']).where('type', '=', 'company.updated').where('entityId', 'in', ids).execute();
    expect(events).toHaveLength(3);
    const payload = JSON.parse(events[0]!.payload);
    expect(payload.changed).toEqual(['ownerId', 'teamId']);
    expect(payload.company.ownerId).toBe(fx.repA.id);
  });

  it('tags a filter selection (industry and q, as the list takes them) and removes the tag again', async () => {
    const ids = await companies(3, 'tagging');
    await companies(2, 'untagged');
    const add = await t.json('POST', '/api/v1/companies/bulk', t.admin, { selection: { filter: { industry: 'tagging', q: 'tagging' } }, action: { type: 'addTag', tag: 'key-account' } });
    expect(add.body).toMatchObject({ mode: 'inline', changed: 3, skipped: 0 });
    const tagged = await t.json('GET', '/api/v1/companies?tag=key-account&limit=100', t.admin);
    expect(tagged.body.data.map((c: any) => c.id).sort()).toEqual([...ids].sort());
    expect((await audits(ids, 'update')).map((a) => JSON.parse(a.after!))).toEqual([{ tags: ['key-account'] }, { tags: ['key-account'] }, { tags: ['key-account'] }]);
    const again = await t.json('POST', '/api/v1/companies/bulk', t.admin, { selection: { ids }, action: { type: 'addTag', tag: 'key-account' } });
    expect(again.body).toMatchObject({ changed: 0 });
    const remove = await t.json('POST', '/api/v1/companies/bulk', t.admin, { selection: { filter: { tag: 'key-account' } }, action: { type: 'removeTag', tag: 'key-account' } });
    expect(remove.body).toMatchObject({ mode: 'inline', changed: 3 });
    expect((await get(ids[0]!)).tags).toEqual([]);
  });

  it("skips another team's companies, whether sent as forged ids or reached through a filter", async () => {
    const res = await t.json('POST', '/api/v1/companies/bulk', fx.repA.headers, { selection: { ids: [fx.company, hiddenCompany] }, action: { type: 'addTag', tag: 'forged' } });
    expect(res.body).toEqual({ mode: 'inline', matched: 2, changed: 1, skipped: 1 });
    expect((await get(hiddenCompany)).tags).toEqual([]);
    expect((await get(fx.company)).tags).toEqual(['forged']);
    const all = await t.json('POST', '/api/v1/companies/bulk', fx.repA.headers, { selection: { filter: {} }, action: { type: 'assignOwner', ownerId: fx.repA.id } });
    expect(all.body.mode).toBe('inline');
    expect((await get(hiddenCompany)).ownerId).toBe(fx.repB.id);
    expect((await audits([hiddenCompany], 'update'))).toHaveLength(0);
    // Lifecycle stages belong to contacts: the companies' bulk route refuses that action.
    expect((await t.json('POST', '/api/v1/companies/bulk', t.admin, { selection: { ids: [fx.company] }, action: { type: 'setLifecycleStage', lifecycleStage: 'customer' } })).status).toBe(422);
  });

  it('runs a large selection as a job with progress, audited once as a whole and per company', async () => {
    const ids = await companies(11, 'big-run');
    const { started } = await t.runJob('/api/v1/companies/bulk', { selection: { filter: { industry: 'big-run' } }, action: { type: 'assignOwner', ownerId: fx.repB.id } });
    expect(started.status).toBe(202);
    const done = (await t.json('GET', `/api/v1/jobs/${started.body.jobId}`, t.admin)).body;
    expect(done.status).toBe('done');
    expect(done.result).toEqual({ matched: 11, changed: 11, skipped: 0 });
    expect(done.progress).toMatchObject({ matched: 11, changed: 11, cursor: null });
    for (const id of ids) expect((await get(id)).ownerId).toBe(fx.repB.id);
    expect(await audits(ids, 'update')).toHaveLength(11);
    const summary = await t.app.db.kysely.selectFrom('auditLog').select(['after']).where('entity', '=', 'company_bulk').where('entityId', '=', started.body.jobId).execute();
    expect(JSON.parse(summary[0]!.after!)).toMatchObject({ action: { type: 'assignOwner' }, changed: 11 });
    const events = await t.app.db.kysely.selectFrom('outbox').select(['type']).where('entityId', '=', started.body.jobId).execute();
    expect(events.map((e) => e.type)).toEqual(['companies.bulk_completed']);
    expect(await t.app.db.kysely.selectFrom('outbox').select('id').where('type', '=', 'company.updated').where('entityId', 'in', ids).execute()).toHaveLength(0);
  });

  it('deletes after the undo window (managers and admins only), keeping companies that still have contacts', async () => {
    const keep = await companies(2, 'undo-co');
    const del = await t.json('POST', '/api/v1/companies/bulk-delete', t.admin, { selection: { ids: keep } });
    expect(del.status).toBe(202);
    expect((await t.json('POST', `/api/v1/jobs/${del.body.jobId}/cancel`, t.admin)).body.status).toBe('cancelled');
    await t.app.worker.drain();
    for (const id of keep) expect((await t.json('GET', `/api/v1/companies/${id}`, t.admin)).status).toBe(200);

    const gone = await companies(2, 'delete-co');
    expect((await t.json('POST', '/api/v1/companies/bulk-delete', fx.repA.headers, { selection: { ids: gone } })).status).toBe(403);
    const run = await t.json('POST', '/api/v1/companies/bulk-delete', t.admin, { selection: { ids: [...gone, fx.company] } });
    await t.app.worker.drain();
    const job = (await t.json('GET', `/api/v1/jobs/${run.body.jobId}`, t.admin)).body;
    expect(job.result).toEqual({ matched: 3, changed: 2, skipped: 1 });
    for (const id of gone) expect((await t.json('GET', `/api/v1/companies/${id}`, t.admin)).status).toBe(404);
    expect((await t.json('GET', `/api/v1/companies/${fx.company}`, t.admin)).status).toBe(200);
    const audit = await audits(gone, 'delete');
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ name: expect.stringMatching(/^delete-co Co /), industry: 'delete-co' });
    const search = await t.json('GET', '/api/v1/companies?q=delete-co', t.admin);
    expect(search.body.data).toEqual([]);
  });
});

// Bulk changes of contacts: ids and filter selections, another team's forged ids skipped, audit, the job path with
// its progress, and a deferred delete that an undo (cancelling the job) leaves untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { makeVisibilityFixture, type VisibilityFixture } from '../../../test/visibility-fixture.js';
import { setSmallBulkSizes } from './bulk-test-sizes.js';

let t: TestApp;
let fx: VisibilityFixture;
let restoreSizes: () => void;

beforeAll(async () => {
  restoreSizes = setSmallBulkSizes();
  t = await startTestApp();
  fx = await makeVisibilityFixture(t, 'bulk');
});
afterAll(async () => {
  await t.close();
  restoreSizes();
});

async function contacts(n: number, source: string, ownerId?: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.json('POST', '/api/v1/contacts', t.admin, { displayName: `${source} ${i}`, source, ...(ownerId && { ownerId }) });
    ids.push(res.body.id);
  }
  return ids;
}
const get = async (id: string) => (await t.json('GET', `/api/v1/contacts/${id}`, t.admin)).body;

describe('bulk contact actions', () => {
  it('assigns an owner to an id selection inline, audited with before and after', async () => {
    const ids = await contacts(3, 'ids-sel');
    const res = await t.json('POST', '/api/v1/contacts/bulk', t.admin, { selection: { ids }, action: { type: 'assignOwner', ownerId: fx.repA.id } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ mode: 'inline', matched: 3, changed: 3, skipped: 0 });
    for (const id of ids) expect((await get(id)).ownerId).toBe(fx.repA.id);
    const audit = await t.app.db.kysely.selectFrom('auditLog').select(['entityId', 'action', 'before', 'after']).where('entity', '=', 'contact').where('entityId', 'in', ids).where('action', '=', 'update').execute();
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[0]!.after!)).toEqual({ ownerId: fx.repA.id, teamId: fx.teamA });
    expect(JSON.parse(audit[0]!.before!).ownerId).not.toBe(fx.repA.id);
    const events = await t.app.db.kysely.selectFrom('outbox').select(['payload']).where('type', '=', 'contact.updated').where('entityId', 'in', ids).execute();
    expect(events).toHaveLength(3);
    expect(JSON.parse(events[0]!.payload).changed).toEqual(['ownerId', 'teamId']);
  });

  it('tags a filter selection (the same filters as the list, with q) and removes the tag again', async () => {
    const ids = await contacts(3, 'filter-sel');
    await contacts(2, 'other-src');
    const add = await t.json('POST', '/api/v1/contacts/bulk', t.admin, { selection: { filter: { source: 'filter-sel', q: 'filter-sel' } }, action: { type: 'addTag', tag: 'vip' } });
    expect(add.body).toMatchObject({ mode: 'inline', changed: 3 });
    const tagged = await t.json('GET', '/api/v1/contacts?tag=vip&limit=100', t.admin);
    expect(tagged.body.data.map((c: any) => c.id).sort()).toEqual([...ids].sort());
    const remove = await t.json('POST', '/api/v1/contacts/bulk', t.admin, { selection: { filter: { tag: 'vip' } }, action: { type: 'removeTag', tag: 'vip' } });
    expect(remove.body).toMatchObject({ mode: 'inline', changed: 3, skipped: 0 });
    expect((await get(ids[0]!)).tags).toEqual([]);
  });

  it("skips another team's contacts sent as forged ids by a rep", async () => {
    const res = await t.json('POST', '/api/v1/contacts/bulk', fx.repA.headers, { selection: { ids: [fx.visible, fx.hidden] }, action: { type: 'setLifecycleStage', lifecycleStage: 'customer' } });
    expect(res.body).toEqual({ mode: 'inline', matched: 2, changed: 1, skipped: 1 });
    expect((await get(fx.visible)).lifecycleStage).toBe('customer');
    expect((await get(fx.hidden)).lifecycleStage).toBe('lead');
    // A filter selection is scoped the same way: rep A's "everything" never reaches team B.
    const all = await t.json('POST', '/api/v1/contacts/bulk', fx.repA.headers, { selection: { filter: {} }, action: { type: 'addTag', tag: 'rep-a' } });
    expect(all.body.mode).toBe('inline');
    expect((await get(fx.hidden)).tags).not.toContain('rep-a');
    expect((await get(fx.visible)).tags).toContain('rep-a');
  });

  it('runs a large selection as a job with progress and one summary event', async () => {
    const ids = await contacts(11, 'big-sel');
    const { started, job } = await t.runJob('/api/v1/contacts/bulk', { selection: { filter: { source: 'big-sel' } }, action: { type: 'setLifecycleStage', lifecycleStage: 'qualified' } });
    expect(started.status).toBe(202);
    expect(started.body.mode).toBe('job');
    const done = (await t.json('GET', `/api/v1/jobs/${started.body.jobId}`, t.admin)).body;
    expect(job).toBeNull(); // runJob looks for body.id; the bulk answer names the job jobId
    expect(done.status).toBe('done');
    expect(done.result).toEqual({ matched: 11, changed: 11, skipped: 0 });
    expect(done.progress).toMatchObject({ matched: 11, changed: 11, cursor: null });
    for (const id of ids) expect((await get(id)).lifecycleStage).toBe('qualified');
    const summary = await t.app.db.kysely.selectFrom('outbox').select(['type']).where('entityId', '=', started.body.jobId).execute();
    expect(summary.map((e) => e.type)).toEqual(['contacts.bulk_completed']);
    // Per-record events of a job only for an opted-in subscriber: none here.
    expect(await t.app.db.kysely.selectFrom('outbox').select('id').where('type', '=', 'contact.updated').where('entityId', 'in', ids).execute()).toHaveLength(0);
    const ids2 = await contacts(7, 'big-ids');
    const byIds = await t.runJob('/api/v1/contacts/bulk', { selection: { ids: ids2 }, action: { type: 'addTag', tag: 'big' } });
    const job2 = (await t.json('GET', `/api/v1/jobs/${byIds.started.body.jobId}`, t.admin)).body;
    expect(job2.progress).toMatchObject({ offset: 7, total: 7, changed: 7 });
  });

  it('deletes after the undo window, and an undo (cancel) restores nothing lost', async () => {
    const keep = await contacts(2, 'undo-sel');
    const del = await t.json('POST', '/api/v1/contacts/bulk-delete', t.admin, { selection: { ids: keep } });
    expect(del.status).toBe(202);
    const undo = await t.json('POST', `/api/v1/jobs/${del.body.jobId}/cancel`, t.admin);
    expect(undo.body.status).toBe('cancelled');
    await t.app.worker.drain();
    for (const id of keep) expect((await t.json('GET', `/api/v1/contacts/${id}`, t.admin)).status).toBe(200);

    const gone = await contacts(2, 'delete-sel');
    const rep = await t.json('POST', '/api/v1/contacts/bulk-delete', fx.repA.headers, { selection: { ids: gone } });
    expect(rep.status).toBe(403);
    const run = await t.json('POST', '/api/v1/contacts/bulk-delete', t.admin, { selection: { ids: gone } });
    await t.app.worker.drain();
    const job = (await t.json('GET', `/api/v1/jobs/${run.body.jobId}`, t.admin)).body;
    expect(job.result).toEqual({ matched: 2, changed: 2, skipped: 0 });
    for (const id of gone) expect((await t.json('GET', `/api/v1/contacts/${id}`, t.admin)).status).toBe(404);
    const audit = await t.app.db.kysely.selectFrom('auditLog').select(['before']).where('action', '=', 'delete').where('entityId', 'in', gone).execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ displayName: expect.stringMatching(/^delete-sel /), source: 'delete-sel' });
  });

  it('refuses an unknown owner and an empty selection', async () => {
    const ids = await contacts(1, 'bad');
    expect((await t.json('POST', '/api/v1/contacts/bulk', t.admin, { selection: { ids }, action: { type: 'assignOwner', ownerId: 'nobody' } })).status).toBe(422);
    expect((await t.json('POST', '/api/v1/contacts/bulk', t.admin, { selection: { ids: [] }, action: { type: 'addTag', tag: 'x' } })).status).toBe(422);
  });
});

// Merging contacts end to end: chosen and default field values, interactions and tags moved to the survivor, the
// merge audited and announced, and an undo that restores every contact and record exactly as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const timeline = async (contactId: string) => (await t.json('GET', `/api/v1/interactions?contactId=${contactId}&limit=100`, t.admin)).body.data.map((i: any) => i.id).sort();

describe('merge and undo', () => {
  it('merges into the survivor, moving interactions and tags, keeping chosen fields, audited; undo restores exactly', async () => {
    const co = (await t.json('POST', '/api/v1/companies', t.admin, { name: 'Lee Trading' })).body.id;
    const s = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Anna Lee', emails: ['anna@lee.example'], title: 'Engineer', tags: ['vip'], customFields: {} })).body;
    await sleep(5);
    const m = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Anna  Lee (old)', emails: ['anna.lee@lee.example'], phones: ['+86 138 0013 8001'], title: 'CTO', companyId: co, tags: ['lead-2024', 'vip'], address: { city: '上海' } })).body;
    for (const body of ['first call', 'second call']) expect((await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', contactId: m.id, body })).status).toBe(201);
    await t.json('POST', '/api/v1/interactions', t.admin, { type: 'task', contactId: m.id, subject: 'send offer', dueAt: '2026-12-01T09:00:00.000Z' });
    await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', contactId: s.id, body: 'survivor note' });
    const sBefore = (await t.json('GET', `/api/v1/contacts/${s.id}`, t.admin)).body;
    const mBefore = (await t.json('GET', `/api/v1/contacts/${m.id}`, t.admin)).body;
    const sTimeline = await timeline(s.id);
    const mTimeline = await timeline(m.id);
    expect(mTimeline).toHaveLength(3);

    const res = await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: s.id, mergedIds: [m.id], fields: { displayName: s.id } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ survivorId: s.id, mergedIds: [m.id], moved: { interactions: 3 }, undoneAt: null });
    const merged = (await t.json('GET', `/api/v1/contacts/${s.id}`, t.admin)).body;
    expect(merged).toMatchObject({
      displayName: 'Anna Lee', // chosen
      title: 'CTO', // most recent non-empty
      companyId: co, // only the merged contact had one
      emails: ['anna.lee@lee.example', 'anna@lee.example'], // combined, most recent first
      phones: ['+8613800138001'],
      tags: ['lead-2024', 'vip'],
      address: { city: '上海' },
    });
    expect((await t.json('GET', `/api/v1/contacts/${m.id}`, t.admin)).status).toBe(404);
    expect(await timeline(s.id)).toEqual([...sTimeline, ...mTimeline].sort());
    // The search index follows: the merged contact's email now finds the survivor.
    const found = (await t.json('GET', '/api/v1/contacts?q=anna.lee@lee', t.admin)).body.data.map((c: any) => c.id);
    expect(found).toEqual([s.id]);
    const audit = (await t.json('GET', `/api/v1/audit?entity=merge&entityId=${res.body.id}`, t.admin)).body.data;
    expect(audit[0]).toMatchObject({ action: 'create' });
    expect((await t.json('GET', `/api/v1/audit?entity=contact&entityId=${m.id}`, t.admin)).body.data[0]).toMatchObject({ action: 'delete' });
    const events = await t.app.db.kysely.selectFrom('outbox').select(['type', 'payload']).where('type', '=', 'contact.merged').execute();
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ mergeId: res.body.id, survivorId: s.id, mergedIds: [m.id] });

    const undo = await t.json('POST', `/api/v1/merges/${res.body.id}/undo`, t.admin);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body.undoneAt).toBeTruthy();
    expect((await t.json('GET', `/api/v1/contacts/${m.id}`, t.admin)).body).toEqual(mBefore);
    expect((await t.json('GET', `/api/v1/contacts/${s.id}`, t.admin)).body).toEqual(sBefore);
    expect(await timeline(m.id)).toEqual(mTimeline);
    expect(await timeline(s.id)).toEqual(sTimeline);
    expect((await t.json('GET', '/api/v1/contacts?q=anna.lee@lee', t.admin)).body.data.map((c: any) => c.id)).toEqual([m.id]);
    const again = await t.json('POST', `/api/v1/merges/${res.body.id}/undo`, t.admin);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a merge of contacts changed since the reviewer looked (409), and an expectation about others (422)', async () => {
    const x = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Stale Look', emails: ['stale@look.test'] })).body;
    const y = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Stale Look', emails: ['STALE@look.test'] })).body;
    await new Promise((r) => setTimeout(r, 5)); // a later updatedAt
    await t.json('PATCH', `/api/v1/contacts/${y.id}`, t.admin, { title: 'Edited meanwhile' });
    const stale = await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: x.id, mergedIds: [y.id], expectedUpdatedAt: { [x.id]: x.updatedAt, [y.id]: y.updatedAt } });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toBe('A contact was changed or merged by someone else meanwhile; reload and try again');
    const other = await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: x.id, mergedIds: [y.id], expectedUpdatedAt: { nobody: 'x' } });
    expect(other.status).toBe(422);
    expect(other.body.errors[0].path).toBe('expectedUpdatedAt.nobody');
    const fresh = (await t.json('GET', `/api/v1/contacts/${y.id}`, t.admin)).body;
    expect((await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: x.id, mergedIds: [y.id], expectedUpdatedAt: { [x.id]: x.updatedAt, [y.id]: fresh.updatedAt } })).status).toBe(201);
  });

  it('keeps edits made to the survivor after the merge when undoing, and closes then reopens the queued pair', async () => {
    const a = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Wang Fang', emails: ['wf@example.com'] })).body;
    const b = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Wang Fang', emails: ['WF@example.com'], title: 'Buyer' })).body;
    expect((await t.runJob('/api/v1/duplicates/detect', {})).job.status).toBe('done');
    const pair = (await t.json('GET', `/api/v1/duplicates?contactId=${a.id}`, t.admin)).body.data[0];
    expect(pair.reasons.map((r: any) => r.field)).toContain('email');
    const merge = (await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: a.id, mergedIds: [b.id] })).body;
    expect((await t.json('GET', `/api/v1/duplicates?status=merged&contactId=${a.id}`, t.admin)).body.data.map((p: any) => p.id)).toEqual([pair.id]);
    await t.json('PATCH', `/api/v1/contacts/${a.id}`, t.admin, { lifecycleStage: 'customer' });
    await t.json('POST', `/api/v1/merges/${merge.id}/undo`, t.admin);
    const back = (await t.json('GET', `/api/v1/contacts/${a.id}`, t.admin)).body;
    expect(back).toMatchObject({ lifecycleStage: 'customer', title: null, emails: ['wf@example.com'] });
    expect((await t.json('GET', `/api/v1/duplicates?contactId=${a.id}`, t.admin)).body.data.map((p: any) => p.id)).toEqual([pair.id]);
  });

  it('auto-merges pairs above the admin\'s threshold into the older contact, and the merge can be undone', async () => {
    const older = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Auto Merge', emails: ['auto@merge.example'], phones: ['+86 139 1000 2000'] })).body;
    await sleep(5);
    const newer = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Auto Merge', emails: ['AUTO@merge.example'], phones: ['139-1000-2000'], title: 'Boss' })).body;
    const weak = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Auto Merge', emails: ['other@merge.example'] })).body;
    expect((await t.json('PATCH', '/api/v1/dedup/settings', t.admin, { autoMerge: true, autoMergeThreshold: 0.97 })).status).toBe(200);
    const done = (await t.runJob('/api/v1/duplicates/detect', {})).job;
    expect(done.result.autoMerged).toBeGreaterThanOrEqual(1); // other tests' pairs may qualify too
    expect((await t.json('GET', `/api/v1/contacts/${newer.id}`, t.admin)).status).toBe(404);
    expect((await t.json('GET', `/api/v1/contacts/${older.id}`, t.admin)).body).toMatchObject({ title: 'Boss' });
    expect((await t.json('GET', `/api/v1/contacts/${weak.id}`, t.admin)).status).toBe(200); // same domain, other email: only suggested at most
    const merge = await t.app.db.kysely.selectFrom('merges').selectAll().where('survivorId', '=', older.id).executeTakeFirstOrThrow();
    expect(JSON.parse(merge.mergedIds)).toEqual([newer.id]);
    // A bulk operation: its merges are marked (webhooks deliver them only on opt-in), and it ends with one dedup.completed.
    const events = await t.app.db.kysely.selectFrom('outbox').select(['type', 'bulk', 'payload']).where('bulk', '=', `dedup:${done.id}`).execute();
    expect(events.filter((e) => e.type === 'contact.merged').map((e) => JSON.parse(e.payload).mergeId)).toContain(merge.id);
    const summary = await t.app.db.kysely.selectFrom('outbox').select(['payload', 'bulk']).where('type', '=', 'dedup.completed').where('entityId', '=', done.id).execute();
    expect(summary.map((e) => ({ bulk: e.bulk, autoMerged: JSON.parse(e.payload).autoMerged }))).toEqual([{ bulk: null, autoMerged: done.result.autoMerged }]);
    expect((await t.json('POST', `/api/v1/merges/${merge.id}/undo`, t.admin)).status).toBe(200);
    expect((await t.json('GET', `/api/v1/contacts/${newer.id}`, t.admin)).body.title).toBe('Boss');
    await t.json('PATCH', '/api/v1/dedup/settings', t.admin, { autoMerge: false });
  });

  it('answers clear problems for inconsistent or impossible merges', async () => {
    const a = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'P One' })).body;
    const b = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'P Two' })).body;
    const self = await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: a.id, mergedIds: [a.id] });
    expect(self.status).toBe(422);
    expect(self.body.errors[0].path).toBe('mergedIds');
    const badSource = await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: a.id, mergedIds: [b.id], fields: { title: 'someone-else' } });
    expect(badSource.status).toBe(422);
    expect(badSource.body.errors[0].path).toBe('fields.title');
    expect((await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: a.id, mergedIds: [b.id], fields: { shoeSize: a.id } })).status).toBe(422);
    expect((await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: a.id, mergedIds: ['missing'] })).status).toBe(404);
    expect((await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: a.id, mergedIds: [] })).status).toBe(422);
    expect((await t.json('POST', '/api/v1/merges/missing/undo', t.admin)).status).toBe(404);
  });
});

// Issue 8 (part 3): duplicates and households leak nothing of contacts a rep may not see (a rep of team A, role sales
// = own_team): hidden pairs are 404 to dismiss and merge, clusters and counts leave them out, households show hidden
// members only as a count, and a hidden contact's household cannot be looked up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { makeVisibilityFixture, text, type VisibilityFixture } from '../../test/visibility-fixture.js';

let t: TestApp;
let f: VisibilityFixture;
const ids: Record<string, string> = {};

async function contact(key: string, ownerId: string, body: Record<string, unknown>) {
  ids[key] = (await t.json('POST', '/api/v1/contacts', t.admin, { ownerId, ...body })).body.id;
}

beforeAll(async () => {
  t = await startTestApp();
  f = await makeVisibilityFixture(t, 'dv');
  // Pairs: both of team B (hidden), one of each team (hidden), both of team A (visible).
  await contact('b1', f.repB.id, { displayName: 'Bea Secret', emails: ['bea.secret@example.org'] });
  await contact('b2', f.repB.id, { displayName: 'Bea Secret', emails: ['Bea.Secret@example.org'] });
  await contact('m1', f.repA.id, { displayName: 'Max Mixed', emails: ['max.mixed@example.org'] });
  await contact('m2', f.repB.id, { displayName: 'Max Mixed', emails: ['max.mixed@example.org'] });
  await contact('a1', f.repA.id, { displayName: 'Ann Open', emails: ['ann.open@example.org'] });
  await contact('a2', f.repA.id, { displayName: 'Ann Open', emails: ['ann.open@example.org'] });
  const { job } = await t.runJob('/api/v1/duplicates/detect', {});
  expect(job.status).toBe('done');
});
afterAll(() => t.close());

const pairOf = async (x: string, y: string) =>
  (await t.json('GET', '/api/v1/duplicates?limit=100', t.admin)).body.data.find((p: any) => [p.a.id, p.b.id].sort().join() === [ids[x], ids[y]].sort().join());

describe('duplicates of hidden contacts', () => {
  it('the queue and the clusters show only pairs of two visible contacts, and count only those', async () => {
    const queue = await t.json('GET', '/api/v1/duplicates?limit=100', f.repA.headers);
    expect(queue.status).toBe(200);
    expect(queue.body.data.map((p: any) => [p.a.id, p.b.id].sort().join())).toEqual([[ids.a1, ids.a2].sort().join()]);
    const clusters = await t.json('GET', '/api/v1/duplicates/clusters', f.repA.headers);
    expect(clusters.body).toMatchObject({ clusters: 1, data: [{ contacts: [{ displayName: 'Ann Open' }, { displayName: 'Ann Open' }] }] });
    expect(text(clusters.body) + text(queue.body)).not.toMatch(/Bea Secret|Max Mixed/);
    expect((await t.json('GET', '/api/v1/duplicates/clusters', t.admin)).body.clusters).toBe(3);
  });

  it('dismissing or merging a pair with a hidden contact is a 404 and changes nothing', async () => {
    for (const [x, y] of [['b1', 'b2'], ['m1', 'm2']] as const) {
      const pair = await pairOf(x, y);
      const res = await t.json('POST', `/api/v1/duplicates/${pair.id}/dismiss`, f.repA.headers);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await pairOf(x, y)).status).toBe('open');
      expect((await t.json('POST', '/api/v1/contacts/merge', f.repA.headers, { survivorId: ids[x], mergedIds: [ids[y]] })).status).toBe(404);
    }
    const open = await pairOf('a1', 'a2');
    expect((await t.json('POST', `/api/v1/duplicates/${open.id}/dismiss`, f.repA.headers)).status).toBe(200);
  });

  it('a merge whose survivor the merger can no longer see is not found, nor undone', async () => {
    const merge = await t.json('POST', '/api/v1/contacts/merge', f.repA.headers, { survivorId: ids.a1, mergedIds: [ids.a2] });
    expect(merge.status).toBe(201);
    expect((await t.json('GET', `/api/v1/merges/${merge.body.id}`, f.repA.headers)).status).toBe(200);
    await t.json('PATCH', `/api/v1/contacts/${ids.a1}`, t.admin, { ownerId: f.repB.id });
    expect((await t.json('GET', `/api/v1/merges/${merge.body.id}`, f.repA.headers)).status).toBe(404);
    expect((await t.json('POST', `/api/v1/merges/${merge.body.id}/undo`, f.repA.headers)).status).toBe(404);
    expect((await t.json('GET', `/api/v1/contacts/${ids.a2}`, t.admin)).status).toBe(404); // still merged away
  });
});

describe('households with hidden members', () => {
  it('lists only households with a visible member, counts only visible members, and finds nothing by a hidden contact', async () => {
    const mixed = (await t.json('POST', '/api/v1/households', t.admin, { name: 'Mixed family', contactIds: [f.visible, f.hidden] })).body.id;
    const hiddenOnly = (await t.json('POST', '/api/v1/households', t.admin, { name: 'Secret family', contactIds: [ids.b1, ids.b2] })).body.id;
    const list = await t.json('GET', '/api/v1/households', f.repA.headers);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([expect.objectContaining({ id: mixed, memberCount: 1 })]);
    expect((await t.json('GET', `/api/v1/households?contactId=${f.hidden}`, f.repA.headers)).body.data).toEqual([]);
    expect((await t.json('GET', `/api/v1/households?contactId=${ids.b1}`, f.repA.headers)).body.data).toEqual([]);
    expect((await t.json('GET', `/api/v1/households?contactId=${f.visible}`, f.repA.headers)).body.data.map((h: any) => h.id)).toEqual([mixed]);
    expect((await t.json('GET', `/api/v1/households?contactId=${f.hidden}`, t.admin)).body.data).toEqual([expect.objectContaining({ id: mixed, memberCount: 2 })]);
    expect((await t.json('GET', `/api/v1/households/${hiddenOnly}`, f.repA.headers)).status).toBe(404);
  });

  it('the household page shows hidden members only as a count, and its value only over visible members', async () => {
    const mixed = (await t.json('GET', `/api/v1/households?contactId=${f.visible}`, f.repA.headers)).body.data[0].id;
    const page = await t.json('GET', `/api/v1/households/${mixed}`, f.repA.headers);
    expect(page.status).toBe(200);
    expect(page.body.members.map((m: any) => m.id)).toEqual([f.visible]);
    expect(page.body.hiddenMembers).toBe(1);
    expect(page.body.value).toMatchObject({ members: 1, related: { interactions: 1 } });
    expect(text(page.body)).not.toMatch(/Hidden Person|Secret Road|hidden-dv/);
    const asAdmin = (await t.json('GET', `/api/v1/households/${mixed}`, t.admin)).body;
    expect(asAdmin).toMatchObject({ hiddenMembers: 0, value: { members: 2, related: { interactions: 2 } } });
    // The contact's 360° view counts the household's visible members only.
    const overview = (await t.json('GET', `/api/v1/contacts/${f.visible}/overview`, f.repA.headers)).body;
    expect(overview.sections.find((s: any) => s.key === 'household').items).toEqual([expect.objectContaining({ members: 1 })]);
  });
});

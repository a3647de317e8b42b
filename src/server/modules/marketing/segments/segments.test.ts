// Segments through the API on a real database: 422s naming the rule's path, record visibility on every count and
// member list, dynamic membership with segment.entered / segment.left in the outbox, and static snapshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { makeVisibilityFixture, type VisibilityFixture } from '../../../test/visibility-fixture.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
let fx: VisibilityFixture;
const api = (method: string, url: string, body?: unknown, who?: Record<string, string>) => t.json(method, `/api/v1${url}`, who ?? t.admin, body);
const rule = (field: string, operator: string, value?: unknown) => ({ field, operator, ...(value !== undefined && { value }) });
const and = (...children: unknown[]) => ({ combinator: 'and', children });
const segmentEvents = async (segmentId: string) => {
  const rows = await t.app.db.kysely.selectFrom('outbox').select(['type', 'entityId', 'payload', 'bulk']).where('type', 'like', 'segment.%').orderBy('id').execute();
  return rows.filter((r) => JSON.parse(r.payload).segmentId === segmentId).map((r) => ({ type: r.type, contactId: r.entityId, bulk: r.bulk }));
};

/** Events of one round come in no particular order: entered before left. */
const sorted = <T extends { type: string }>(xs: T[]) => [...xs].sort((x, y) => x.type.localeCompare(y.type));

beforeAll(async () => {
  t = await startTestApp();
  fx = await makeVisibilityFixture(t, 'seg');
}, 60_000);
afterAll(() => t.close());

describe('bad rules', () => {
  it('answer 422 problem+json naming the path of each wrong rule', async () => {
    const rules = {
      combinator: 'and',
      children: [
        rule('contact.city', 'is', 'Paris'),
        { combinator: 'or', children: [rule('contact.displayName', 'gt', 3), rule('nope.field', 'is', 'x')] },
        { combinator: 'or', children: [] },
        rule('cf.missing', 'is', 1),
        rule('orders.count', 'gt', 'many'),
        rule('contact.lifecycleStage', 'is', 'astronaut'),
        rule('contact.createdAt', 'is_empty', 'x'),
      ],
    };
    const res = await api('POST', '/segments/preview-count', { rules });
    expect(res.status).toBe(422);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.body.detail).toBe('The segment rules are not valid');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'rules.children[1].children[0].operator',
      'rules.children[1].children[1].field',
      'rules.children[2].children',
      'rules.children[3].field',
      'rules.children[4].value',
      'rules.children[5].value',
      'rules.children[6].value',
    ]);
    const create = await api('POST', '/segments', { name: 'Bad', rules: { combinator: 'xor', children: [rule('contact.city', 'is', 'Paris')] } });
    expect(create.status).toBe(422);
    expect(create.body.errors).toEqual([{ path: 'rules.combinator', message: 'must be and or or' }]);
  });
});

describe('visibility', () => {
  it('counts and lists only the contacts the caller may see', async () => {
    const rules = and(rule('contact.displayName', 'contains', 'seg'));
    const [mine, all] = await Promise.all([api('POST', '/segments/preview-count', { rules }, fx.repA.headers), api('POST', '/segments/preview-count', { rules })]);
    const everyone = await api('GET', '/contacts/count?q=seg', t.admin);
    expect(all.body.total).toBeGreaterThan(mine.body.total);
    const seg = await api('POST', '/segments', { name: 'Fixture contacts', rules: and(rule('company.name', 'is', 'Shared Co seg')) });
    expect(seg.status).toBe(201);
    expect(seg.body.memberCount).toEqual({ total: 2, estimated: false });
    const asRep = await api('GET', `/segments/${seg.body.id}/members`, undefined, fx.repA.headers);
    expect(asRep.body.data.map((c: { id: string }) => c.id)).toEqual([fx.visible]);
    expect((await api('GET', `/segments/${seg.body.id}`, undefined, fx.repA.headers)).body.memberCount.total).toBe(1);
    const list = await api('GET', `/contacts?segmentId=${seg.body.id}`, undefined, fx.repA.headers);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([fx.visible]);
    const snap = await api('POST', `/segments/${seg.body.id}/snapshot`, {}, fx.repA.headers);
    expect(snap.body.memberCount).toBe(1);
    expect(everyone.status).toBe(200);
  });
});

describe('dynamic membership', () => {
  it('stores members, then emits segment.entered and segment.left as contacts change', async () => {
    const a = (await api('POST', '/contacts', { displayName: 'Dyn A', source: 'dyn', lifecycleStage: 'lead' })).body.id;
    const b = (await api('POST', '/contacts', { displayName: 'Dyn B', source: 'dyn', lifecycleStage: 'customer' })).body.id;
    const seg = (await api('POST', '/segments', { name: 'Dyn leads', kind: 'dynamic', rules: and(rule('contact.source', 'is', 'dyn'), rule('contact.lifecycleStage', 'is', 'lead')) })).body;
    await t.app.worker.drain();
    expect(await segmentEvents(seg.id)).toEqual([]); // the first evaluation is a bulk operation nobody subscribed to
    expect((await api('GET', `/segments/${seg.id}`)).body).toMatchObject({ memberCount: { total: 1 }, evaluatedAt: expect.any(String) });

    await api('PATCH', `/contacts/${a}`, { lifecycleStage: 'customer' });
    await api('PATCH', `/contacts/${b}`, { lifecycleStage: 'lead' });
    await t.app.worker.drain();
    expect(sorted(await segmentEvents(seg.id))).toEqual([
      { type: 'segment.entered', contactId: b, bulk: null },
      { type: 'segment.left', contactId: a, bulk: null },
    ]);
    const members = await api('GET', `/segments/${seg.id}/members`);
    expect(members.body.data.map((c: { id: string }) => c.id)).toEqual([b]);

    // An order and a tag change count too; a rule change re-evaluates in full.
    await api('PATCH', `/segments/${seg.id}`, { rules: and(rule('contact.source', 'is', 'dyn'), rule('orders.count', 'gt', 0)) });
    await t.app.worker.drain();
    await api('POST', '/orders', { contactId: a, items: [{ name: 'Tea', unitPrice: 100, quantity: 1 }] });
    await t.app.worker.drain();
    expect(sorted((await segmentEvents(seg.id)).slice(2))).toEqual([
      { type: 'segment.entered', contactId: a, bulk: null },
      { type: 'segment.left', contactId: b, bulk: null },
    ]);
    expect((await api('GET', `/segments/${seg.id}`)).body.memberCount.total).toBe(1);
  });

  it('the nightly schedule marks dynamic segments for a full re-evaluation', async () => {
    const schedules = await t.app.db.kysely.selectFrom('schedules').select(['jobType', 'frequency']).where('jobType', '=', 'marketing.segments.refresh').execute();
    expect(schedules).toEqual([{ jobType: 'marketing.segments.refresh', frequency: 'daily' }]);
  });
});

describe('static segments and snapshots', () => {
  it('keeps the members it was created with, and a snapshot stores the members of that moment', async () => {
    const c = (await api('POST', '/contacts', { displayName: 'Static A', source: 'static' })).body.id;
    const seg = (await api('POST', '/segments', { name: 'Static', kind: 'static', rules: and(rule('contact.source', 'is', 'static')) })).body;
    await t.app.worker.drain();
    const later = (await api('POST', '/contacts', { displayName: 'Static B', source: 'static' })).body.id;
    await t.app.worker.drain();
    expect((await api('GET', `/segments/${seg.id}/members`)).body.data.map((x: { id: string }) => x.id)).toEqual([c]);

    const dyn = (await api('POST', '/segments', { name: 'Static source dyn', rules: and(rule('contact.source', 'is', 'static')) })).body;
    const snap = await api('POST', `/segments/${dyn.id}/snapshot`, {});
    expect(snap.status).toBe(201);
    expect(snap.body.memberCount).toBe(2);
    await api('POST', '/contacts', { displayName: 'Static C', source: 'static' });
    const inSnap = await api('GET', `/contacts?segmentSnapshotId=${snap.body.id}&sort=displayName`);
    expect(inSnap.body.data.map((x: { id: string }) => x.id)).toEqual([c, later]);
    expect((await api('GET', `/segments/${dyn.id}/snapshots`)).body.data).toHaveLength(1);
    expect((await api('DELETE', `/segments/${dyn.id}`)).status).toBe(204);
    expect((await api('GET', `/segments/${dyn.id}`)).status).toBe(404);
  });

  it('lets only the owner, a manager or an admin change a segment', async () => {
    const seg = (await api('POST', '/segments', { name: 'Admin owned', rules: and(rule('contact.source', 'is', 'x')) })).body;
    const res = await api('PATCH', `/segments/${seg.id}`, { name: 'Taken' }, fx.repA.headers);
    expect(res.status).toBe(403);
    expect((await api('GET', '/segments', undefined, fx.repA.headers)).body.data.map((s: { name: string }) => s.name)).toContain('Admin owned');
  });
});

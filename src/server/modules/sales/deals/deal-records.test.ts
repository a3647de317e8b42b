// Deals on their records: the deals section of a contact's and a company's 360° view (roles, visibility), the won/lost
// reasons admins manage, the actual close date, and the deal's own timeline (activity logged on it + its contacts').
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { makeVisibilityFixture, text, type VisibilityFixture } from '../../../test/visibility-fixture.js';

let t: TestApp;
let f: VisibilityFixture;
let stages: { id: string; name: string; kind: string }[];
const stage = (kind: string) => stages.find((s) => s.kind === kind)!.id;
const section = (body: any) => body.sections.find((s: any) => s.key === 'deals');

beforeAll(async () => {
  t = await startTestApp();
  f = await makeVisibilityFixture(t, 'dr');
  stages = (await t.json('GET', '/api/v1/pipelines', t.admin)).body.data[0].stages;
});
afterAll(() => t.close());

describe('deals on contact and company pages', () => {
  it("lists a contact's deals with the contact's role and a company's deals, leaving out another team's", async () => {
    const mine = (await t.json('POST', '/api/v1/deals', f.repA.headers, { name: 'Rollout DR', companyId: f.company, amount: 50000, expectedCloseDate: '2027-01-20', contacts: [{ contactId: f.visible, role: 'champion' }] })).body;
    const theirs = (await t.json('POST', '/api/v1/deals', t.admin, { name: 'SECRET deal DR', ownerId: f.repB.id, companyId: f.company, amount: 7, contacts: [{ contactId: f.visible, role: 'buyer' }] })).body;
    const contact = (await t.json('GET', `/api/v1/contacts/${f.visible}/overview`, f.repA.headers)).body;
    expect(section(contact).items).toEqual([
      expect.objectContaining({ dealId: mine.id, name: 'Rollout DR', stageName: 'Qualification', amount: 50000, currency: mine.currency, expectedClose: '2027-01-20', role: 'champion', path: `/deals?deal=${mine.id}` }),
    ]);
    expect(text(contact)).not.toContain('SECRET deal');
    const company = (await t.json('GET', `/api/v1/companies/${f.company}/overview`, f.repA.headers)).body;
    expect(section(company).items.map((d: any) => d.name)).toEqual(['Rollout DR']);
    // The admin sees both, each with the contact's own role on it.
    const all = section((await t.json('GET', `/api/v1/contacts/${f.visible}/overview`, t.admin)).body).items;
    expect(all.map((d: any) => [d.name, d.role]).sort()).toEqual([['Rollout DR', 'champion'], ['SECRET deal DR', 'buyer']]);
    expect(theirs.id).toBeTruthy();
  });

  it('shows the day a deal was won or lost, not the expected one', async () => {
    const deal = (await t.json('POST', '/api/v1/deals', t.admin, { name: 'Closed early DR', amount: 10, expectedCloseDate: '2030-06-30', contacts: [{ contactId: f.visible }] })).body;
    const won = await t.json('PATCH', `/api/v1/deals/${deal.id}/stage`, t.admin, { stageId: stage('won'), reason: 'Price: best offer' });
    expect(won.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(won.body.closedAt.slice(0, 10)).toBe(today);
    const item = section((await t.json('GET', `/api/v1/contacts/${f.visible}/overview`, t.admin)).body).items.find((d: any) => d.dealId === deal.id);
    expect(item).toMatchObject({ status: 'won', closedOn: today });
    expect(item).not.toHaveProperty('expectedClose');
    const listed = (await t.json('GET', `/api/v1/deals?status=won`, t.admin)).body.data.find((d: any) => d.id === deal.id);
    expect(listed).toMatchObject({ closedAt: won.body.closedAt, expectedCloseDate: '2030-06-30', closeReason: 'Price: best offer' });
  });
});

describe('won and lost reasons', () => {
  it('admins add, rename, reorder and remove reasons; everyone reads them; others may not edit', async () => {
    const add = (label: string, kind = 'lost', who = t.admin) => t.json('POST', '/api/v1/deal-close-reasons', who, { kind, label });
    const a = (await add('Price too high')).body;
    const b = (await add('Chose a competitor')).body;
    const w = (await add('Best fit', 'won')).body;
    expect([a.position, b.position, w.position]).toEqual([0, 1, 0]);
    expect((await add('price TOO high')).status).toBe(409);
    expect((await add('', 'lost')).status).toBe(422);
    expect((await t.json('POST', '/api/v1/deal-close-reasons', t.admin, { kind: 'maybe', label: 'x' })).status).toBe(422);
    expect((await add('Rep reason', 'lost', f.repA.headers)).status).toBe(403);
    expect((await t.json('PATCH', `/api/v1/deal-close-reasons/${a.id}`, f.repA.headers, { label: 'x' })).status).toBe(403);
    expect((await t.json('DELETE', `/api/v1/deal-close-reasons/${a.id}`, f.repA.headers)).status).toBe(403);
    const lost = await t.json('GET', '/api/v1/deal-close-reasons?kind=lost', f.repA.headers);
    expect(lost.body.data.map((r: any) => r.label)).toEqual(['Price too high', 'Chose a competitor']);
    expect((await t.json('PATCH', `/api/v1/deal-close-reasons/${b.id}`, t.admin, { label: 'Went with a competitor', position: 0 })).body).toMatchObject({ label: 'Went with a competitor', position: 0 });
    expect((await t.json('PATCH', `/api/v1/deal-close-reasons/${a.id}`, t.admin, { position: 1 })).status).toBe(200);
    expect((await t.json('PATCH', `/api/v1/deal-close-reasons/${a.id}`, t.admin, { label: 'Went with a competitor' })).status).toBe(409);
    expect((await t.json('GET', '/api/v1/deal-close-reasons?kind=lost', t.admin)).body.data.map((r: any) => r.label)).toEqual(['Went with a competitor', 'Price too high']);
    expect((await t.json('DELETE', `/api/v1/deal-close-reasons/${a.id}`, t.admin)).status).toBe(204);
    expect((await t.json('DELETE', `/api/v1/deal-close-reasons/${a.id}`, t.admin)).status).toBe(404);
    const everything = (await t.json('GET', '/api/v1/deal-close-reasons', t.admin)).body.data;
    expect(everything.map((r: any) => [r.kind, r.label])).toEqual([['won', 'Best fit'], ['lost', 'Went with a competitor']]);
  });
});

describe("a deal's timeline", () => {
  it('logs a call on a deal and lists it with the activity of its contacts, newest first', async () => {
    const deal = (await t.json('POST', '/api/v1/deals', f.repA.headers, { name: 'Timeline DR', companyId: f.company, contacts: [{ contactId: f.visible, role: 'champion' }] })).body;
    const call = await t.json('POST', `/api/v1/deals/${deal.id}/activities`, f.repA.headers, { type: 'call', direction: 'outbound', subject: 'Pricing call', occurredAt: '2030-12-01T10:00:00Z' });
    expect(call.status).toBe(201);
    expect(call.body).toMatchObject({ type: 'call', dealId: deal.id, companyId: f.company, contactId: null });
    const onContact = await t.json('POST', `/api/v1/deals/${deal.id}/activities`, f.repA.headers, { type: 'note', contactId: f.visible, body: 'Champion is keen', occurredAt: '2030-12-02T10:00:00Z' });
    expect(onContact.body).toMatchObject({ dealId: deal.id, contactId: f.visible, companyId: f.company });
    const timeline = await t.json('GET', `/api/v1/deals/${deal.id}/timeline`, f.repA.headers);
    expect(timeline.status).toBe(200);
    const ids = timeline.body.data.map((i: any) => i.id);
    // The contact's own note (logged on the contact, not the deal) is there too; the hidden contact's is not.
    expect(ids.slice(0, 2)).toEqual([onContact.body.id, call.body.id]);
    expect(ids).toContain(f.visibleNote);
    expect(text(timeline.body)).not.toContain('SECRET');
    // Paging walks on without repeats.
    const first = (await t.json('GET', `/api/v1/deals/${deal.id}/timeline?limit=1`, f.repA.headers)).body;
    const second = (await t.json('GET', `/api/v1/deals/${deal.id}/timeline?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`, f.repA.headers)).body;
    expect([first.data[0].id, second.data[0].id]).toEqual(ids.slice(0, 2));
    // Logging on a contact who is not on the deal, or a deal with nothing to hang it on, is refused.
    expect((await t.json('POST', `/api/v1/deals/${deal.id}/activities`, f.repA.headers, { type: 'note', contactId: f.hidden, body: 'x' })).status).toBe(422);
    const bare = (await t.json('POST', '/api/v1/deals', f.repA.headers, { name: 'Bare DR' })).body;
    const refused = await t.json('POST', `/api/v1/deals/${bare.id}/activities`, f.repA.headers, { type: 'note', body: 'x' });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe('Link the deal to a contact or a company before logging activity on it');
  });

  it("refuses another team's deal as if it did not exist", async () => {
    const theirs = (await t.json('POST', '/api/v1/deals', t.admin, { name: 'Team B DR', ownerId: f.repB.id, companyId: f.company })).body;
    const log = await t.json('POST', `/api/v1/deals/${theirs.id}/activities`, f.repA.headers, { type: 'call', direction: 'inbound' });
    expect(log.status).toBe(404);
    expect((await t.json('GET', `/api/v1/deals/${theirs.id}/timeline`, f.repA.headers)).status).toBe(404);
    expect((await t.json('GET', `/api/v1/deals/${theirs.id}/timeline`, f.repB.headers)).status).toBe(200);
  });
});

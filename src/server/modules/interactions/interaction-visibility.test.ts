// Issue 8 (part 3): a note on a contact the user may not see stays hidden on a visible company's timeline, its 360°
// view, its counts, the task list and search (a rep of team A, role sales = own_team, against a team-B contact).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { makeVisibilityFixture, text, type VisibilityFixture } from '../../test/visibility-fixture.js';

let t: TestApp;
let f: VisibilityFixture;

beforeAll(async () => {
  t = await startTestApp();
  f = await makeVisibilityFixture(t, 'tl');
});
afterAll(() => t.close());

describe('interactions of hidden contacts', () => {
  it('the company timeline leaves out notes on contacts the rep cannot see, and keeps the rest', async () => {
    const res = await t.json('GET', `/api/v1/interactions?companyId=${f.company}`, f.repA.headers);
    expect(res.status).toBe(200);
    expect(res.body.data.map((i: { id: string }) => i.id).sort()).toEqual([f.visibleNote, f.companyNote].sort());
    expect(text(res.body)).not.toContain('SECRET');
    // The admin (visibility all) sees all three.
    expect((await t.json('GET', `/api/v1/interactions?companyId=${f.company}`, t.admin)).body.data).toHaveLength(3);
    // The contact's own timeline and the note itself are not found.
    expect((await t.json('GET', `/api/v1/interactions?contactId=${f.hidden}`, f.repA.headers)).status).toBe(404);
    expect((await t.json('PATCH', `/api/v1/interactions/${f.hiddenNote}`, f.repA.headers, { subject: 'x' })).status).toBe(404);
    expect((await t.json('DELETE', `/api/v1/interactions/${f.hiddenNote}`, f.repA.headers)).status).toBe(404);
  });

  it('the company 360° view shows neither the hidden contact nor its notes, tasks or their count', async () => {
    await t.json('POST', '/api/v1/interactions', t.admin, { type: 'task', contactId: f.hidden, subject: 'SECRET task', dueAt: '2030-01-01T09:00:00Z', assigneeId: f.repA.id });
    const res = await t.json('GET', `/api/v1/companies/${f.company}/overview`, f.repA.headers);
    expect(res.status).toBe(200);
    expect(text(res.body)).not.toContain('SECRET');
    expect(text(res.body)).not.toContain('Hidden Person');
    expect(res.body.contacts.map((c: { id: string }) => c.id)).toEqual([f.visible]);
    expect(res.body.recentInteractions.map((i: { id: string }) => i.id).sort()).toEqual([f.visibleNote, f.companyNote].sort());
    expect(res.body.openTasks).toEqual([]);
    expect(res.body.scores.find((s: { key: string }) => s.key === 'engagement').value).toBe(2);
    const asAdmin = (await t.json('GET', `/api/v1/companies/${f.company}/overview`, t.admin)).body;
    expect(asAdmin.scores.find((s: { key: string }) => s.key === 'engagement').value).toBe(4);
    expect(asAdmin.openTasks).toHaveLength(1);
  });

  it("a task assigned to the rep on a hidden contact is not in the rep's task list", async () => {
    const res = await t.json('GET', '/api/v1/tasks', f.repA.headers);
    expect(res.status).toBe(200);
    expect(text(res.body)).not.toContain('SECRET');
    expect((await t.json('GET', `/api/v1/tasks?assignee=${f.repA.id}`, t.admin)).body.data).toHaveLength(1);
  });

  it('search and lists find the visible contact only', async () => {
    const search = await t.json('GET', '/api/v1/search?q=Person tl', f.repA.headers);
    expect(search.status).toBe(200);
    expect(search.body.contacts.map((c: { id: string }) => c.id)).toEqual([f.visible]);
    expect(text(search.body)).not.toContain('Hidden Person');
    const list = await t.json('GET', `/api/v1/contacts?companyId=${f.company}`, f.repA.headers);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([f.visible]);
  });
});

describe('counts of hidden contacts', () => {
  it("a company's contactCount counts only the contacts the rep may see", async () => {
    const one = await t.json('GET', `/api/v1/companies/${f.company}`, f.repA.headers);
    expect(one.body.contactCount).toBe(1);
    const list = await t.json('GET', '/api/v1/companies?q=Shared Co tl', f.repA.headers);
    expect(list.body.data.map((c: { contactCount: number }) => c.contactCount)).toEqual([1]);
    const patched = await t.json('PATCH', `/api/v1/companies/${f.company}`, f.repA.headers, { industry: 'Retail' });
    expect(patched.body.contactCount).toBe(1);
    expect((await t.json('GET', `/api/v1/contacts/${f.visible}/overview`, f.repA.headers)).body.company.contactCount).toBe(1);
    expect((await t.json('GET', `/api/v1/companies/${f.company}`, t.admin)).body.contactCount).toBe(2);
  });
});

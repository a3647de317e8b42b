// The timeline over HTTP: logging each kind of interaction, ordering, tasks, and the 360° overview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let contactId: string;
let companyId: string;
beforeAll(async () => {
  t = await startTestApp();
  companyId = (await t.json('POST', '/api/v1/companies', t.admin, { name: '京东' })).body.id;
  contactId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '刘强', companyId, emails: ['liu@jd.com'] })).body.id;
});
afterAll(() => t.close());

const log = (body: object) => t.json('POST', '/api/v1/interactions', t.admin, { contactId, ...body });

describe('interactions', () => {
  it('logs notes, calls, meetings, emails and tasks, newest first, also on the company timeline', async () => {
    expect((await log({ type: 'note', body: '客户对价格敏感', occurredAt: '2026-01-01T10:00:00Z' })).status).toBe(201);
    const call = await log({ type: 'call', direction: 'outbound', durationSeconds: 420, outcome: 'connected', body: 'Discussed renewal', occurredAt: '2026-02-01T10:00:00Z' });
    expect(call.body).toMatchObject({ type: 'call', direction: 'outbound', durationSeconds: 420, companyId, createdByName: 'Administrator' });
    await log({ type: 'meeting', subject: '季度回顾', startsAt: '2026-03-01T02:00:00+08:00', endsAt: '2026-03-01T03:00:00+08:00', attendees: ['刘强', 'Administrator'] });
    await log({ type: 'email', direction: 'inbound', subject: 'Re: quote', occurredAt: '2026-01-15T10:00:00Z' });
    const timeline = await t.json('GET', `/api/v1/interactions?contactId=${contactId}`, t.admin);
    expect(timeline.body.data.map((i: any) => i.type)).toEqual(['meeting', 'call', 'email', 'note']);
    expect(timeline.body.data[0].occurredAt).toBe('2026-02-28T18:00:00.000Z');
    const companyTimeline = await t.json('GET', `/api/v1/interactions?companyId=${companyId}&type=call`, t.admin);
    expect(companyTimeline.body.data).toHaveLength(1);
    const page = await t.json('GET', `/api/v1/interactions?contactId=${contactId}&limit=3`, t.admin);
    const rest = await t.json('GET', `/api/v1/interactions?contactId=${contactId}&limit=3&cursor=${page.body.nextCursor}`, t.admin);
    expect(rest.body.data.map((i: any) => i.type)).toEqual(['note']);
  });

  it('names what a kind of interaction is missing', async () => {
    const call = await log({ type: 'call' });
    expect(call.status).toBe(422);
    expect(call.body.errors).toEqual([{ path: 'direction', message: 'required' }]);
    expect((await log({ type: 'meeting' })).body.errors[0].path).toBe('startsAt');
    expect((await log({ type: 'note' })).body.errors[0].path).toBe('body');
    expect((await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', body: 'x' })).status).toBe(422);
    expect((await log({ type: 'task', dueAt: 'tomorrow' })).body.errors[0].path).toBe('dueAt');
    expect((await log({ type: 'meeting', startsAt: '2026-03-01T10:00:00Z', endsAt: '2026-03-01T09:00:00Z' })).body.errors[0].path).toBe('endsAt');
  });

  it('tracks tasks for their assignee until done, and shows them in the overview', async () => {
    const task = (await log({ type: 'task', subject: '发送报价单', dueAt: '2026-12-01T09:00:00Z' })).body;
    expect(task.assigneeName).toBe('Administrator');
    const mine = await t.json('GET', '/api/v1/tasks?done=false', t.admin);
    expect(mine.body.data.find((x: any) => x.id === task.id)).toMatchObject({ contactName: '刘强', companyName: '京东' });
    let overview = (await t.json('GET', `/api/v1/contacts/${contactId}/overview`, t.admin)).body;
    expect(overview.contact.displayName).toBe('刘强');
    expect(overview.company.name).toBe('京东');
    expect(overview.openTasks.map((x: any) => x.id)).toEqual([task.id]);
    expect(overview.recentInteractions.length).toBeGreaterThanOrEqual(5);
    expect(overview.scores.map((s: any) => s.key).sort()).toEqual(['completeness', 'engagement']);
    expect(Array.isArray(overview.sections)).toBe(true);
    const done = await t.json('PATCH', `/api/v1/interactions/${task.id}`, t.admin, { done: true });
    expect(done.body.done).toBe(true);
    overview = (await t.json('GET', `/api/v1/contacts/${contactId}/overview`, t.admin)).body;
    expect(overview.openTasks).toEqual([]);
    const companyOverview = (await t.json('GET', `/api/v1/companies/${companyId}/overview`, t.admin)).body;
    expect(companyOverview.contacts.map((c: any) => c.displayName)).toEqual(['刘强']);
    expect(companyOverview.recentInteractions.length).toBeGreaterThanOrEqual(5);
  });

  it('deletes an interaction, and a contact takes its timeline with it', async () => {
    const note = (await log({ type: 'note', body: 'temp' })).body;
    expect((await t.json('DELETE', `/api/v1/interactions/${note.id}`, t.admin)).status).toBe(204);
    expect((await t.json('PATCH', `/api/v1/interactions/${note.id}`, t.admin, { body: 'x' })).status).toBe(404);
    const other = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Temp' })).body;
    const n = (await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', contactId: other.id, body: 'bye' })).body;
    await t.json('DELETE', `/api/v1/contacts/${other.id}`, t.admin);
    expect((await t.json('PATCH', `/api/v1/interactions/${n.id}`, t.admin, { body: 'x' })).status).toBe(404);
  });
});

// Whose tasks a user may list on the Tasks page (assignee filter), on both engines: their own; a teammate's for a
// manager of the team; anyone's with visibility 'all'. A teammate's tasks still pass the record scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
const ids: Record<string, string> = {};
const headers: Record<string, Record<string, string>> = {};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function user(key: string, role: string, teamId: string | null) {
  const email = `${key}.vis@example.com`;
  const res = await t.json('POST', '/api/v1/users', t.admin, { email, name: key, password: 'vis-password-1', role, teamId });
  expect(res.status).toBe(201);
  ids[key] = res.body.id;
  headers[key] = await t.login(email, 'vis-password-1');
}

const subjects = async (h: Record<string, string>, query: string) => {
  const res = await t.json('GET', `/api/v1/tasks?${query}`, h);
  return res.status === 200 ? res.body.data.map((x: { subject: string }) => x.subject).sort() : res.status;
};

beforeAll(async () => {
  t = await startTestApp();
  const east = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'East tasks' })).body.id;
  await user('boss', 'manager', east);
  await user('rep', 'sales', east);
  await user('outsider', 'sales', null);
  await t.json('PUT', '/api/v1/roles/manager', t.admin, { visibility: 'own_team' });
  const teamContact = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'East customer', ownerId: ids.rep })).body.id;
  const foreignContact = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Outside customer', ownerId: ids.outsider })).body.id;
  const task = (subject: string, contactId: string, assigneeId: string, done = false) =>
    t.json('POST', '/api/v1/interactions', t.admin, { type: 'task', subject, contactId, assigneeId, dueAt: inDays(2), done });
  expect((await task('team task', teamContact, ids.rep!)).status).toBe(201);
  expect((await task('team task done', teamContact, ids.rep!, true)).status).toBe(201);
  // The rep's task on a record outside the team: the manager may not see that record, so not this task either.
  expect((await task('hidden task', foreignContact, ids.rep!)).status).toBe(201);
  expect((await task('outsider task', foreignContact, ids.outsider!)).status).toBe(201);
});
afterAll(async () => {
  await t.json('PUT', '/api/v1/roles/manager', t.admin, { visibility: 'all' });
  await t.close();
});

describe('tasks: the assignee filter respects teams and record visibility', () => {
  it('a manager lists a teammate\'s tasks on records the manager may see, and counts the same', async () => {
    expect(await subjects(headers.boss!, `assignee=${ids.rep}&group=upcoming`)).toEqual(['team task']);
    expect(await subjects(headers.boss!, `assignee=${ids.rep}&group=done`)).toEqual(['team task done']);
    const counts = (await t.json('GET', `/api/v1/tasks/counts?assignee=${ids.rep}`, headers.boss!)).body;
    expect(counts).toEqual({ overdue: 0, today: 0, upcoming: 1, done: 1 });
    // The rep's own list passes the same scope: the task on a record outside their team is not listed.
    expect(await subjects(headers.rep!, 'assignee=me&group=upcoming')).toEqual(['team task']);
  });

  it('refuses another team\'s user to a manager and any other user to a rep; visibility all lists anyone', async () => {
    expect(await subjects(headers.boss!, `assignee=${ids.outsider}`)).toBe(403);
    expect((await t.json('GET', `/api/v1/tasks/counts?assignee=${ids.outsider}`, headers.boss!)).status).toBe(403);
    expect(await subjects(headers.rep!, `assignee=${ids.boss}`)).toBe(403);
    expect(await subjects(t.admin, `assignee=${ids.rep}&group=upcoming`)).toEqual(['hidden task', 'team task']);
    expect(await subjects(t.admin, `assignee=${ids.outsider}`)).toEqual(['outsider task']);
  });
});

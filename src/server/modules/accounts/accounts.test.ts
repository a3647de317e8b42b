// Accounts over HTTP: first-run setup, login, sessions, rate limit, password change, roles and record visibility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../../test/test-app.js';

describe('first-run setup', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ withAdmin: false })));
  afterAll(() => t.close());

  it('offers setup while no user exists, creates the admin once, then refuses', async () => {
    expect((await t.json('GET', '/api/v1/setup', {})).body).toEqual({ needsSetup: true });
    const weak = await t.json('POST', '/api/v1/setup', {}, { email: 'boss@example.com', password: 'short', name: 'Boss' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors).toContainEqual({ path: 'password', message: 'at least 8 characters' });
    const ok = await t.json('POST', '/api/v1/setup', {}, { email: 'Boss@Example.com', password: 'long-enough-1', name: '老板', locale: 'zh-CN' });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ email: 'boss@example.com', role: 'admin', locale: 'zh-CN' });
    expect(String(ok.headers['set-cookie'])).toMatch(/rapport_session=.*HttpOnly.*SameSite=Lax/i);
    expect((await t.json('GET', '/api/v1/setup', {})).body).toEqual({ needsSetup: false });
    expect((await t.json('POST', '/api/v1/setup', {}, { email: 'x@example.com', password: 'long-enough-1', name: 'X' })).status).toBe(409);
  });
});

describe('login and sessions', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('logs in with a cookie or bearer token, and logs out', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    expect((await t.json('GET', '/api/v1/auth/me', { cookie })).body.user.email).toBe(ADMIN.email);
    // A cookie-authenticated POST carries the page's Origin, as a browser sends it (csrf-guard.ts).
    expect((await t.json('POST', '/api/v1/auth/logout', { cookie, origin: 'http://localhost' })).status).toBe(204);
    expect((await t.json('GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
    expect((await t.json('GET', '/api/v1/auth/me', t.admin)).status).toBe(200);
  });

  // The wider rules (other addresses, backoff, bursts, unlock) are in login-limits.test.ts.
  it('rejects a wrong password with 401 and locks that email from that address after 5 failures and one more try', async () => {
    await t.json('POST', '/api/v1/users', t.admin, { email: 'locked@example.com', name: 'Lock', password: 'correct-horse', role: 'sales' });
    for (let i = 0; i < 5; i++) expect((await t.json('POST', '/api/v1/auth/login', {}, { email: 'locked@example.com', password: 'wrong' })).status).toBe(401);
    expect((await t.json('POST', '/api/v1/auth/login', {}, { email: 'locked@example.com', password: 'wrong' })).status).toBe(429);
    const locked = await t.json('POST', '/api/v1/auth/login', {}, { email: 'locked@example.com', password: 'correct-horse' });
    expect(locked.status).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(locked.body.detail).toBe('Too many failed logins; try again in 1 minute');
    expect(locked.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('changes the password, logging out other sessions', async () => {
    await t.json('POST', '/api/v1/users', t.admin, { email: 'pw@example.com', name: 'Pw', password: 'first-pass-1', role: 'support' });
    const a = await t.login('pw@example.com', 'first-pass-1');
    const b = await t.login('pw@example.com', 'first-pass-1');
    expect((await t.json('POST', '/api/v1/auth/password', a, { currentPassword: 'nope', newPassword: 'second-pass-2' })).status).toBe(422);
    expect((await t.json('POST', '/api/v1/auth/password', a, { currentPassword: 'first-pass-1', newPassword: 'second-pass-2' })).status).toBe(204);
    expect((await t.json('GET', '/api/v1/auth/me', a)).status).toBe(200);
    expect((await t.json('GET', '/api/v1/auth/me', b)).status).toBe(401);
    await t.login('pw@example.com', 'second-pass-2');
  });

  it('remembers the language per user', async () => {
    const res = await t.json('PATCH', '/api/v1/auth/me', t.admin, { locale: 'zh-CN' });
    expect(res.body.user.locale).toBe('zh-CN');
    expect((await t.json('GET', '/api/v1/auth/me', t.admin)).body.user.locale).toBe('zh-CN');
    expect((await t.json('PATCH', '/api/v1/auth/me', t.admin, { locale: 'fr' })).status).toBe(422);
  });
});

describe('roles and record visibility', () => {
  let t: TestApp;
  let east: string;
  let west: string;
  const h: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    t = await startTestApp();
    east = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'East' })).body.id;
    west = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'West' })).body.id;
    for (const [key, teamId] of [['wang', east], ['li', east], ['smith', west]] as const) {
      const res = await t.json('POST', '/api/v1/users', t.admin, { email: `${key}@example.com`, name: key, password: 'password-123', role: 'sales', teamId });
      expect(res.status).toBe(201);
      h[key] = await t.login(`${key}@example.com`, 'password-123');
    }
  });
  afterAll(() => t.close());

  it('only admins manage users and teams', async () => {
    expect((await t.json('POST', '/api/v1/teams', h.wang!, { name: 'Nope' })).status).toBe(403);
    expect((await t.json('POST', '/api/v1/users', h.wang!, { email: 'n@example.com', name: 'n', password: 'password-123', role: 'admin' })).status).toBe(403);
    expect((await t.json('PUT', '/api/v1/roles/sales', h.wang!, { visibility: 'all' })).status).toBe(403);
    expect((await t.json('POST', '/api/v1/teams', t.admin, { name: 'East' })).status).toBe(409);
  });

  it('sales sees own and team records; other records are 404 and absent from lists and search', async () => {
    const mine = (await t.json('POST', '/api/v1/contacts', h.wang!, { displayName: '王芳', phones: ['13800138000'] })).body;
    expect(mine.ownerId).toBeTruthy();
    expect(mine.teamId).toBe(east);
    const theirs = (await t.json('POST', '/api/v1/contacts', h.smith!, { displayName: 'Wang Smith' })).body;
    // Same team sees it; other team does not.
    expect((await t.json('GET', `/api/v1/contacts/${mine.id}`, h.li!)).status).toBe(200);
    const hidden = await t.json('GET', `/api/v1/contacts/${mine.id}`, h.smith!);
    expect(hidden.status).toBe(404);
    expect(hidden.body.detail).toBe('Contact was not found');
    expect((await t.json('PATCH', `/api/v1/contacts/${mine.id}`, h.smith!, { title: 'x' })).status).toBe(404);
    expect((await t.json('DELETE', `/api/v1/contacts/${mine.id}`, h.smith!)).status).toBe(404);
    expect((await t.json('GET', `/api/v1/contacts/${mine.id}/overview`, h.smith!)).status).toBe(404);
    const smithList = (await t.json('GET', '/api/v1/contacts', h.smith!)).body.data.map((c: any) => c.id);
    expect(smithList).toEqual([theirs.id]);
    expect((await t.json('GET', '/api/v1/contacts?q=wang', h.smith!)).body.data.map((c: any) => c.id)).toEqual([theirs.id]);
    expect((await t.json('GET', '/api/v1/contacts?q=wang', t.admin)).body.data).toHaveLength(1); // 王芳 has no latin "wang"
    // An interaction on a hidden contact cannot be logged either.
    expect((await t.json('POST', '/api/v1/interactions', h.smith!, { type: 'note', contactId: mine.id, body: 'peek' })).status).toBe(404);
  });

  it('an admin can widen a role to see everything', async () => {
    expect((await t.json('PUT', '/api/v1/roles/sales', t.admin, { visibility: 'all' })).status).toBe(200);
    expect((await t.json('GET', '/api/v1/contacts', h.smith!)).body.data.length).toBe(2);
    expect((await t.json('PUT', '/api/v1/roles/admin', t.admin, { visibility: 'own_team' })).status).toBe(422);
    await t.json('PUT', '/api/v1/roles/sales', t.admin, { visibility: 'own_team' });
    expect((await t.json('GET', '/api/v1/contacts', h.smith!)).body.data.length).toBe(1);
  });

  it('a deactivated user is logged out and cannot log in', async () => {
    const id = (await t.json('GET', '/api/v1/auth/me', h.li!)).body.user.id;
    expect((await t.json('PATCH', `/api/v1/users/${id}`, t.admin, { active: false })).body.active).toBe(false);
    expect((await t.json('GET', '/api/v1/auth/me', h.li!)).status).toBe(401);
    expect((await t.json('POST', '/api/v1/auth/login', {}, { email: 'li@example.com', password: 'password-123' })).status).toBe(401);
  });
});

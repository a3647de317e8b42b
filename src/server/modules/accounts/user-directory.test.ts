// Issue 8 (part 3): every user's email and role are for administrators; other users get the directory (id, name,
// team, active) that owner and assignee pickers need.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let rep: Record<string, string>;
let team: string;

beforeAll(async () => {
  t = await startTestApp();
  team = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'North' })).body.id;
  await t.json('POST', '/api/v1/users', t.admin, { email: 'dir-rep@example.com', name: 'Dir Rep', password: 'rep-password-1', role: 'sales', teamId: team });
  rep = await t.login('dir-rep@example.com', 'rep-password-1');
});
afterAll(() => t.close());

describe('user directory', () => {
  it('GET /users is for administrators only', async () => {
    const res = await t.json('GET', '/api/v1/users', rep);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.body)).not.toContain('admin@example.com');
    const admin = await t.json('GET', '/api/v1/users', t.admin);
    expect(admin.body.data.map((u: { email: string }) => u.email).sort()).toEqual(['admin@example.com', 'dir-rep@example.com']);
  });

  it('GET /users/directory gives every user id, name, team and active, and no email or role', async () => {
    const res = await t.json('GET', '/api/v1/users/directory', rep);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { id: expect.any(String), name: 'Administrator', teamId: null, active: true },
      { id: expect.any(String), name: 'Dir Rep', teamId: team, active: true },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/@example\.com|"role"|"sales"|"admin"/);
  });
});

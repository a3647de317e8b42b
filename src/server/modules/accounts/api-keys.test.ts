// API keys: created by admins, shown once, scoped per module and access, revocable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe('API keys', () => {
  it('reads and writes within their scopes only, and stop working when revoked', async () => {
    const created = await t.json('POST', '/api/v1/api-keys', t.admin, { name: 'ERP sync', scopes: ['customers:read', 'customers:write', 'interactions:read'] });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^rk_[0-9a-f]{12}_/);
    const key = { authorization: `Bearer ${created.body.key}` };
    const c = await t.json('POST', '/api/v1/contacts', key, { displayName: 'From ERP' });
    expect(c.status).toBe(201);
    expect((await t.json('GET', `/api/v1/contacts/${c.body.id}`, key)).status).toBe(200);
    expect((await t.json('GET', `/api/v1/interactions?contactId=${c.body.id}`, key)).status).toBe(200);
    const noWrite = await t.json('POST', '/api/v1/interactions', key, { type: 'note', contactId: c.body.id, body: 'x' });
    expect(noWrite.status).toBe(403);
    expect(noWrite.body.detail).toContain('interactions:write');
    expect((await t.json('GET', '/api/v1/users', key)).status).toBe(403);
    expect((await t.json('POST', '/api/v1/api-keys', key, { name: 'x', scopes: ['customers:read'] })).status).toBe(403);
    const list = await t.json('GET', '/api/v1/api-keys', t.admin);
    expect(list.body.data[0]).toMatchObject({ name: 'ERP sync', lastUsedAt: expect.any(String) });
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    expect((await t.json('DELETE', `/api/v1/api-keys/${created.body.id}`, t.admin)).body.revokedAt).toBeTruthy();
    expect((await t.json('GET', '/api/v1/contacts', key)).status).toBe(401);
    const forged = { authorization: `Bearer rk_${created.body.prefix}_forgedsecret` };
    expect((await t.json('GET', '/api/v1/contacts', forged)).status).toBe(401);
  });

  it('rejects unknown scopes', async () => {
    const res = await t.json('POST', '/api/v1/api-keys', t.admin, { name: 'x', scopes: ['everything'] });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('scopes.0');
  });
});

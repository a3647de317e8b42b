// CSRF: a cookie-authenticated unsafe request must come from this server's own origin (another port on the same
// host is another origin); Bearer tokens need no Origin; login checks Origin when one is sent; JSON routes take JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let cookie: string;
const SELF = 'http://localhost'; // what inject's default Host (localhost:80) makes this server's origin
const csv = 'Name,Email\nMallory,mallory@evil.test\n';

beforeAll(async () => {
  t = await startTestApp();
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN });
  cookie = String(res.headers['set-cookie']).split(';')[0]!;
});
afterAll(() => t.close());

const post = (url: string, headers: Record<string, string>, payload: string, type = 'application/json') =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': type, ...headers }, payload });
const contactCount = async () => (await t.json('GET', '/api/v1/contacts?limit=500', t.admin)).body.data.length as number;

function expectRefused(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(res.statusCode, res.body).toBe(403);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(JSON.parse(res.body).detail).toMatch(/^Cross-site request refused/);
}

describe('CSRF guard', () => {
  it('refuses the probe: a text/plain form posted from another port with the admin cookie, and creates nothing', async () => {
    const before = await contactCount();
    const forged = await post('/api/v1/imports?object=contacts&start=true', { cookie, origin: 'http://localhost:8080', referer: 'http://localhost:8080/x.html' }, csv, 'text/plain');
    expectRefused(forged);
    expectRefused(await post('/api/v1/contacts', { cookie, origin: 'https://evil.test' }, JSON.stringify({ displayName: 'Forged' })));
    expectRefused(await post('/api/v1/contacts', { cookie, origin: 'null' }, JSON.stringify({ displayName: 'Forged' })));
    expectRefused(await post('/api/v1/contacts', { cookie, referer: 'http://localhost.evil.test/' }, JSON.stringify({ displayName: 'Forged' })));
    expectRefused(await t.app.inject({ method: 'DELETE', url: '/api/v1/contacts/anything', headers: { cookie, origin: 'http://127.0.0.1' } }));
    // The router matches an escaped path too; the guard goes by the matched route.
    expectRefused(await post('/%61pi/v1/auth/login', { origin: 'https://evil.test' }, JSON.stringify(ADMIN)));
    await t.app.worker.drain();
    expect(await contactCount()).toBe(before);
    expect((await t.json('GET', '/api/v1/imports', t.admin)).body.data).toEqual([]);
  });

  it('refuses a cookie-authenticated POST that names no Origin or Referer', async () => {
    expectRefused(await post('/api/v1/contacts', { cookie }, JSON.stringify({ displayName: 'No origin' })));
  });

  it('lets the web app through: same-origin cookie requests by Origin, or by Referer when Origin is absent', async () => {
    const byOrigin = await post('/api/v1/contacts', { cookie, origin: SELF }, JSON.stringify({ displayName: 'Same origin' }));
    expect(byOrigin.statusCode, byOrigin.body).toBe(201);
    const byReferer = await post('/api/v1/contacts', { cookie, referer: `${SELF}/contacts/new` }, JSON.stringify({ displayName: 'Same referer' }));
    expect(byReferer.statusCode, byReferer.body).toBe(201);
    const upload = await post('/api/v1/imports?object=contacts', { cookie, origin: SELF }, csv, 'text/csv');
    expect(upload.statusCode, upload.body).toBe(201);
    // Reading is never refused: GET changes nothing.
    expect((await t.app.inject({ url: '/api/v1/contacts', headers: { cookie, origin: 'https://evil.test' } })).statusCode).toBe(200);
  });

  it('needs no Origin for a Bearer token, which no cross-site page can attach', async () => {
    const res = await post('/api/v1/contacts', t.admin, JSON.stringify({ displayName: 'Script' }));
    expect(res.statusCode, res.body).toBe(201);
  });

  it('checks login against the Origin when one is sent (login CSRF), and lets scripts log in without one', async () => {
    const body = JSON.stringify(ADMIN);
    expectRefused(await post('/api/v1/auth/login', { origin: 'http://localhost:5173' }, body));
    expect((await post('/api/v1/auth/login', { origin: SELF }, body)).statusCode).toBe(200);
    expect((await post('/api/v1/auth/login', {}, body)).statusCode).toBe(200);
  });
});

describe('JSON routes take JSON only', () => {
  it('answers text/plain and form bodies with 415 problem+json, while the upload route still takes raw files', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await post('/api/v1/contacts', t.admin, '{"displayName":"Plain"}', type);
      expect(res.statusCode, type).toBe(415);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
    }
    const login = await post('/api/v1/auth/login', {}, JSON.stringify(ADMIN), 'text/plain');
    expect(login.statusCode).toBe(415);
    const upload = await post('/api/v1/imports?object=contacts', t.admin, csv, 'text/plain');
    expect(upload.statusCode, upload.body).toBe(201);
  });
});

// Every error the server or Fastify itself answers is problem+json with type/title/status/detail, never a stack
// trace: a NUL byte in a page path, malformed JSON, a body too large, a URL too long, unknown paths.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { buildApp } from '../../app.js';

let t: TestApp;
let withWeb: FastifyInstance;
const webDir = mkdtempSync(path.join(tmpdir(), 'rapport-web-'));

beforeAll(async () => {
  t = await startTestApp();
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Rapport</title>');
  writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
  // The same database behind an app that serves built web files, as in production.
  withWeb = await buildApp({ db: t.app.db, logLevel: 'silent', webDir, dataDir: webDir });
  await withWeb.ready();
});
afterAll(async () => {
  await withWeb?.close();
  await t.close();
  rmSync(webDir, { recursive: true, force: true });
});

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(JSON.parse(res.body)).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
  expect(res.body).not.toMatch(/\bat .+:\d+:\d+|"stack"|node_modules/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
}

/** Over a real socket: Node's own limits (request line + headers ≤ 16 kB) only apply there, not to inject. */
async function overHttp(app: FastifyInstance, pathAndQuery: string) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return new Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', path: pathAndQuery }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ statusCode: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('problem+json for every error', () => {
  it('answers a NUL byte or a broken %-escape in a page path with 400, not a 500', async () => {
    expectProblem(await withWeb.inject({ url: '/x%00y' }), 400);
    expectProblem(await withWeb.inject({ url: '/assets/app.js%00.html' }), 400);
    expectProblem(await withWeb.inject({ url: '/x%E0%A4%A' }), 400);
    expectProblem(await t.app.inject({ url: '/x%00y' }), 400);
    // The page routes still work.
    expect((await withWeb.inject({ url: '/contacts/123' })).body).toContain('<title>Rapport</title>');
    expect((await withWeb.inject({ url: '/assets/app.js' })).body).toBe('console.log(1)');
  });

  it('refuses a NUL character in a path id, a query or a JSON body with 400 (PostgreSQL cannot store one)', async () => {
    expectProblem(await t.app.inject({ method: 'PATCH', url: '/api/v1/contacts/a%00b', headers: t.admin, payload: { displayName: 'x' } }), 400);
    expectProblem(await t.app.inject({ url: '/api/v1/contacts?q=a%00b', headers: t.admin }), 400);
    const body = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: t.admin, payload: { displayName: 'a\u0000b', tags: ['ok'] } });
    expectProblem(body, 400);
    expect(body.json().detail).toBe('The request body contains a NUL character, which no value may hold');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: t.admin, payload: { displayName: 'x', customFields: { ['k\u0000']: 1 } } }), 400);
  });

  it('answers malformed JSON with 400 and a body over the limit with 413', async () => {
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { ...t.admin, 'content-type': 'application/json' }, payload: '{"displayName": ' }), 400);
    const big = JSON.stringify({ displayName: 'x', notes: 'y'.repeat(2 * 1024 * 1024) });
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { ...t.admin, 'content-type': 'application/json' }, payload: big }), 413);
  });

  it('answers unknown paths, API or not, with 404', async () => {
    expectProblem(await t.app.inject({ url: '/api/v1/no-such-thing', headers: t.admin }), 404);
    expectProblem(await t.app.inject({ url: '/no-such-page' }), 404);
    expectProblem(await withWeb.inject({ url: '/api/nothing' }), 404);
    const long = await t.app.inject({ url: `/api/v1/${'z'.repeat(5000)}`, headers: t.admin });
    expectProblem(long, 404);
    expect(long.body.length).toBeLessThan(1000); // the path is not echoed whole
  });

  it('answers a path segment over the router limit with 414', async () => {
    expectProblem(await t.app.inject({ url: `/api/v1/contacts/${'a'.repeat(200)}`, headers: t.admin }), 414);
  });

  it('answers a 100 kB URL with 414 over a real socket', async () => {
    const res = await overHttp(withWeb, `/api/v1/contacts?q=${'a'.repeat(100_000)}`);
    expectProblem(res, 414);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

// The app's edges: health, OpenAPI generated from the zod schemas, the docs page, unknown routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

describe('app', () => {
  it('answers /healthz', async () => {
    expect((await t.json('GET', '/healthz', {})).body).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3.1 document with every route and its schemas', async () => {
    const doc = (await t.json('GET', '/api/v1/openapi.json', {})).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/contacts', '/api/v1/contacts/{id}/overview', '/api/v1/companies', '/api/v1/interactions', '/api/v1/auth/login', '/api/v1/custom-fields', '/api/v1/search']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const create = doc.paths['/api/v1/contacts'].post;
    expect(JSON.stringify(create.requestBody)).toContain('lifecycleStage');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers unknown API routes with problem+json 404', async () => {
    const res = await t.json('GET', '/api/v1/nope', {});
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('the built web app', () => {
  it('serves files built after start, index.html for client routes, and never files outside its folder', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { buildApp } = await import('./app.js');
    const web = mkdtempSync(path.join(tmpdir(), 'rapport-web-'));
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Rapport</title>');
    const app = await buildApp({ db: t.app.db, logLevel: 'silent', webDir: web });
    mkdirSync(path.join(web, 'assets'));
    writeFileSync(path.join(web, 'assets', 'late.js'), 'console.log(1)');
    const late = await app.inject({ method: 'GET', url: '/assets/late.js' });
    expect(late.statusCode).toBe(200);
    expect(late.body).toBe('console.log(1)');
    const route = await app.inject({ method: 'GET', url: '/contacts/123' });
    expect(route.body).toContain('<title>Rapport</title>');
    const escape = await app.inject({ method: 'GET', url: '/..%2f..%2fetc%2fpasswd' });
    expect(escape.body).not.toContain('root:');
    await app.close();
  });
});

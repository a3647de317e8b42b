// Security headers on pages, API answers and errors; HSTS and the Secure cookie only over HTTPS; X-Forwarded-*
// believed only when RAPPORT_TRUST_PROXY says so.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../../test/test-app.js';
import { buildApp } from '../../app.js';
import { parsePublicUrl, parseTrustProxy, type TrustProxy } from '../config.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

/** A test app started with these environment variables, as an operator would set them. */
async function withEnv(env: Record<string, string>, run: (app: TestApp) => Promise<void>) {
  Object.assign(process.env, env);
  let app: TestApp | undefined;
  try {
    app = await startTestApp();
    await run(app);
  } finally {
    for (const k of Object.keys(env)) delete process.env[k];
    await app?.close();
  }
}

const login = (app: FastifyInstance, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: ADMIN });

describe('security headers', () => {
  it('sends CSP, no framing, nosniff and a referrer policy on API answers, problem+json errors and the docs', async () => {
    const answers = [
      await t.app.inject({ url: '/api/v1/contacts', headers: t.admin }),
      await t.app.inject({ url: '/api/v1/contacts' }), // 401
      await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: t.admin, payload: { displayName: 7 } }), // 422
      await t.app.inject({ url: '/api/v1/nothing-here' }), // 404
      await t.app.inject({ url: '/api/docs' }),
      await t.app.inject({ url: '/healthz' }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 422, 404, 200, 200]);
    for (const res of answers) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // Not no-referrer: under it browsers send "Origin: null" on the app's own POSTs.
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sets an HttpOnly, SameSite=Lax session cookie that is not Secure over plain http, even if X-Forwarded-Proto says https', async () => {
    const res = await login(t.app, { 'x-forwarded-proto': 'https' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/rapport_session=.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('with an https RAPPORT_PUBLIC_URL: Secure cookie, HSTS, and that origin passes the CSRF guard', async () => {
    await withEnv({ RAPPORT_PUBLIC_URL: 'https://crm.example.test/' }, async (app) => {
      const res = await login(app.app, { origin: 'https://crm.example.test' });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly.*Secure|Secure.*HttpOnly/i);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      const created = await app.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie, origin: 'https://crm.example.test' }, payload: { displayName: 'Via public URL' } });
      expect(created.statusCode, created.body).toBe(201);
      const other = await app.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie, origin: 'http://crm.example.test' }, payload: { displayName: 'http' } });
      expect(other.statusCode).toBe(403);
    });
  });

  it('with RAPPORT_TRUST_PROXY=true, believes X-Forwarded-Proto: https (Secure cookie, HSTS, https origin)', async () => {
    await withEnv({ RAPPORT_TRUST_PROXY: 'true' }, async (app) => {
      const res = await login(app.app, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'crm.example.test', origin: 'https://crm.example.test' });
      expect(res.statusCode, res.body).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/Secure/i);
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    });
  });
});

describe('proxy trust', () => {
  it('parses RAPPORT_TRUST_PROXY and RAPPORT_PUBLIC_URL', () => {
    expect([undefined, '', 'false', 'true', '2', '127.0.0.1, 10.0.0.0/8'].map(parseTrustProxy)).toEqual([false, false, false, true, 2, ['127.0.0.1', '10.0.0.0/8']]);
    expect(parsePublicUrl('https://crm.example.test')).toBe('https://crm.example.test/');
    expect(parsePublicUrl(undefined)).toBeUndefined();
    expect(() => parsePublicUrl('crm.example.test')).toThrow(/RAPPORT_PUBLIC_URL/);
  });

  /** The client address and protocol a request is seen with, under a trustProxy setting (inject connects from 127.0.0.1). */
  async function seenAs(trustProxy: TrustProxy | undefined, headers: Record<string, string>) {
    const app = await buildApp({ db: t.app.db, logLevel: 'silent', trustProxy });
    app.get('/whoami', async (req) => ({ ip: req.ip, protocol: req.protocol }));
    try {
      return (await app.inject({ url: '/whoami', headers })).json() as { ip: string; protocol: string };
    } finally {
      await app.close();
    }
  }

  it('ignores X-Forwarded-For by default and honours it for the configured proxies', async () => {
    const forged = { 'x-forwarded-for': '203.0.113.9, 198.51.100.7', 'x-forwarded-proto': 'https' };
    expect(await seenAs(undefined, forged)).toEqual({ ip: '127.0.0.1', protocol: 'http' });
    expect(await seenAs(parseTrustProxy('true'), forged)).toEqual({ ip: '203.0.113.9', protocol: 'https' });
    expect(await seenAs(parseTrustProxy('127.0.0.1'), forged)).toMatchObject({ ip: '198.51.100.7', protocol: 'https' });
    expect(await seenAs(parseTrustProxy('1'), forged)).toMatchObject({ ip: '198.51.100.7' });
    expect(await seenAs(parseTrustProxy('10.0.0.0/8'), forged)).toEqual({ ip: '127.0.0.1', protocol: 'http' });
  });
});

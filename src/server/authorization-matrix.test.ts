// The authorization matrix as a test: every API route × every role, every API-key scope, and own-team vs other-team
// records, held to authorization-matrix.expected.ts on a real database (runs on SQLite and on PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from './test/test-app.js';
import { apiKeyScopes, rolesAllowed, type RouteEntry } from './core/auth/route-access.js';
import { expectedAccess } from './authorization-matrix.expected.js';

const roles = ['admin', 'manager', 'sales', 'marketing', 'support'] as const;
type Who = Record<string, string>;
const PREFIX = '/api/v1';
const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';

let t: TestApp;
const as: Record<string, Who> = {};
const keyWith: Record<string, Who> = {};
const keyWithout: Record<string, Who> = {};
let routes: RouteEntry[];
const own: Record<string, string> = {};
const other: Record<string, string> = {};

const keyOf = (r: RouteEntry) => `${r.method} ${r.url.slice(PREFIX.length)}`;
const fill = (url: string, id: string) => url.replace(/:role\b/, 'sales').replace(/:[A-Za-z]+/g, id);
const logins: Record<string, [string, string]> = {};

// Logging out ends the session it is called with, so it gets a session of its own.
async function call(r: RouteEntry, who: Who, id = NO_SUCH_ID) {
  const role = Object.keys(as).find((k) => as[k] === who);
  if (r.url.endsWith('/auth/logout') && role) who = await t.login(...logins[role]!);
  return t.json(r.method, fill(r.url, id), who, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
}

async function user(role: string, teamId: string, n: string): Promise<Who> {
  const email = `${role}-${n}@example.com`;
  const res = await t.json('POST', `${PREFIX}/users`, t.admin, { email, name: `${role} ${n}`, password: 'matrix-password-1', role, teamId });
  expect(res.status).toBe(201);
  logins[role] ??= [email, 'matrix-password-1'];
  return t.login(email, 'matrix-password-1');
}

/** A contact, company, deal, order, lead and note owned by `who`: the records the record-level checks aim at. */
async function recordsOf(who: Who, tag: string, into: Record<string, string>) {
  const post = async (url: string, body: unknown) => {
    const res = await t.json('POST', `${PREFIX}${url}`, who, body);
    expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  into.company = (await post('/companies', { name: `Company ${tag}` })).id;
  into.contact = (await post('/contacts', { displayName: `Contact ${tag}`, companyId: into.company })).id;
  into.deal = (await post('/deals', { name: `Deal ${tag}`, amount: 1000, companyId: into.company })).id;
  into.order = (await post('/orders', { contactId: into.contact, items: [{ name: 'x', unitPrice: 100, quantity: 1 }] })).id;
  into.lead = (await post('/leads', { name: `Lead ${tag}`, email: `lead-${tag}@example.com` })).lead.contactId;
  // A captured lead waits for assignment; give it to its capturer so it belongs to a team.
  const me = (await t.json('GET', `${PREFIX}/auth/me`, who)).body;
  expect((await t.json('PATCH', `${PREFIX}/contacts/${into.lead}`, t.admin, { ownerId: me.id ?? me.user.id })).status).toBe(200);
  into.note = (await post('/interactions', { type: 'note', contactId: into.contact, subject: `Secret ${tag}`, body: `note ${tag}` })).id;
}

beforeAll(async () => {
  t = await startTestApp();
  routes = t.app.routeTable.filter((r) => r.url.startsWith(`${PREFIX}/`) && r.url !== `${PREFIX}/openapi.json`);
  const teamA = (await t.json('POST', `${PREFIX}/teams`, t.admin, { name: 'Team A' })).body.id;
  const teamB = (await t.json('POST', `${PREFIX}/teams`, t.admin, { name: 'Team B' })).body.id;
  as.admin = t.admin;
  logins.admin = [ADMIN.email, ADMIN.password];
  for (const role of roles.slice(1)) {
    as[role] = await user(role, teamA, 'a');
    await t.json('PUT', `${PREFIX}/roles/${role}`, t.admin, { visibility: 'own_team' });
  }
  const salesB = await user('sales', teamB, 'b');
  await recordsOf(as.sales!, 'A', own);
  await recordsOf(salesB, 'B', other);
  for (const scope of apiKeyScopes) {
    const make = async (scopes: string[]) => ({ authorization: `Bearer ${(await t.json('POST', `${PREFIX}/api-keys`, t.admin, { name: `only ${scope}`, scopes })).body.key}` });
    keyWith[scope] = await make([scope]);
    keyWithout[scope] = await make(apiKeyScopes.filter((s) => s !== scope));
  }
  keyWith.all = await (async () => ({ authorization: `Bearer ${(await t.json('POST', `${PREFIX}/api-keys`, t.admin, { name: 'every scope', scopes: apiKeyScopes })).body.key}` }))();
}, 120_000);
afterAll(() => t.close());

describe('the authorization matrix', () => {
  it('has an entry for every route, and every route declares what the entry says', () => {
    const actual = Object.fromEntries(routes.map((r) => [keyOf(r), [r.scope, r.scope === 'public' ? 'public' : r.access]]));
    const missing = Object.keys(actual).filter((k) => !(k in expectedAccess));
    expect(missing, 'routes without an entry in authorization-matrix.expected.ts').toEqual([]);
    const gone = Object.keys(expectedAccess).filter((k) => !(k in actual));
    expect(gone, 'entries for routes that no longer exist').toEqual([]);
    expect(actual).toEqual(expectedAccess);
  });

  it('gives every role exactly the routes its access allows (403 before validation otherwise)', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      if (r.scope === 'public') continue;
      for (const role of roles) {
        const res = await call(r, as[role]!);
        const allowed = rolesAllowed(r.access).includes(role);
        const ok = allowed ? res.status !== 401 && res.status !== 403 : res.status === 403 && String(res.headers['content-type']).includes('problem+json');
        if (!ok) wrong.push(`${keyOf(r)} as ${role}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('refuses every non-public route without a login', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.scope !== 'public')) {
      const res = await call(r, {});
      if (res.status !== 401) wrong.push(`${keyOf(r)}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets an API key through only with the route’s own scope; session routes refuse every key', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      if (r.scope === 'public') continue;
      if (r.scope === 'session') {
        const res = await call(r, keyWith.all!);
        if (res.status !== 403) wrong.push(`${keyOf(r)} with every scope: ${res.status}`);
        continue;
      }
      const withIt = await call(r, keyWith[r.scope]!);
      if (withIt.status === 401 || withIt.status === 403) wrong.push(`${keyOf(r)} with ${r.scope}: ${withIt.status}`);
      const without = await call(r, keyWithout[r.scope]!);
      if (without.status !== 403 || without.body?.detail !== `This API key lacks the scope "${r.scope}"`) wrong.push(`${keyOf(r)} without ${r.scope}: ${without.status}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe('own-team and other-team records', () => {
  // [route, which record, body]: each answers 404 for a record the caller cannot see, and leaves it unchanged.
  const recordRoutes: [string, keyof typeof own & string, unknown?][] = [
    ['GET /contacts/:id', 'contact'],
    ['GET /contacts/:id/overview', 'contact'],
    ['GET /companies/:id', 'company'],
    ['GET /companies/:id/overview', 'company'],
    ['GET /deals/:id', 'deal'],
    ['GET /orders/:id', 'order'],
    ['GET /leads/:contactId', 'lead'],
    ['PATCH /contacts/:id', 'contact', { title: 'Probe' }],
    ['PATCH /companies/:id', 'company', { industry: 'Probe' }],
    ['PATCH /deals/:id', 'deal', { name: 'Probe' }],
    ['PATCH /orders/:id', 'order', { channel: 'probe' }],
    ['PATCH /leads/:contactId', 'lead', { status: 'working' }],
    ['POST /leads/:contactId/activity', 'lead', { kind: 'page_visited' }],
    ['PATCH /interactions/:id', 'note', { subject: 'Probe' }],
    ['DELETE /interactions/:id', 'note'],
    ['DELETE /deals/:id', 'deal'],
    ['DELETE /contacts/:id', 'contact'],
  ];
  const pathOf = (key: string, id: string) => `${PREFIX}${fill(key.split(' ')[1]!, id)}`;

  it.each(roles.slice(1))('%s (own team only) gets 404 for other-team records and sees its own', async (role) => {
    const wrong: string[] = [];
    for (const [key, kind, body] of recordRoutes) {
      const method = key.split(' ')[0]!;
      const res = await t.json(method, pathOf(key, other[kind]!), as[role]!, body);
      if (res.status !== 404) wrong.push(`${key} on another team's ${kind}: ${res.status}`);
      if (method === 'GET') {
        const mine = await t.json(method, pathOf(key, own[kind]!), as[role]!);
        if (mine.status !== 200) wrong.push(`${key} on own team's ${kind}: ${mine.status}`);
      }
    }
    expect(wrong).toEqual([]);
    // Nothing of the other team's changed or went away.
    for (const [url, name] of [[`/contacts/${other.contact}`, 'Contact B'], [`/deals/${other.deal}`, 'Deal B']] as const) {
      const res = await t.json('GET', `${PREFIX}${url}`, t.admin);
      expect(res.status).toBe(200);
      expect(res.body.displayName ?? res.body.name).toBe(name);
    }
    expect((await t.json('GET', `${PREFIX}/contacts/${other.contact}`, t.admin)).body.title).toBeNull();
  });

  it.each(roles.slice(1))('%s sees no other-team record in lists, search or a company timeline', async (role) => {
    const lists: [string, string][] = [
      ['/contacts?limit=500', 'contact'],
      ['/companies?limit=500', 'company'],
      ['/deals?limit=500', 'deal'],
      ['/orders?limit=500', 'order'],
      ['/leads?limit=500', 'lead'],
    ];
    for (const [url, kind] of lists) {
      const res = await t.json('GET', `${PREFIX}${url}`, as[role]!);
      expect(res.status, url).toBe(200);
      expect(res.body.data.map((x: { id: string }) => x.id), url).not.toContain(other[kind]);
    }
    const search = await t.json('GET', `${PREFIX}/search?q=${encodeURIComponent('Contact B')}`, as[role]!);
    expect(JSON.stringify(search.body)).not.toContain(other.contact);
    for (const url of [`/interactions?contactId=${other.contact}`, `/interactions?companyId=${other.company}`]) {
      const timeline = await t.json('GET', `${PREFIX}${url}`, as[role]!);
      expect(JSON.stringify(timeline.body), url).not.toContain('Secret B');
    }
  });
});

describe('escaped paths', () => {
  it('checks the route that matched, not the raw URL (/%61pi/v1/… is /api/v1/…)', async () => {
    const audit = await t.json('GET', '/%61pi/v1/audit', as.sales!);
    expect(audit.status).toBe(403);
    const keys = await t.json('GET', '/%61pi/v1/api-keys', {});
    expect(keys.status).toBe(401);
  });
});

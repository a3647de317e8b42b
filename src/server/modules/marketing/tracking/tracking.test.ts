// Web tracking on a real database: sites and their snippet script, batches stored then processed, refusals counted
// by reason (unknown key, wrong origin, malformed, oversized, bad events), identify linking earlier anonymous
// history to a contact (by e-mail, or by a signed user id), the 360° web section with sessions, roll-up, retention.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import type { Db } from '../../../core/db/database.js';
import { identifySignature } from './link-visitor.js';
import { resetTrackingLimits, trackingLimits } from './tracking-limits.js';
import { deleteExpiredEvents, rollUpDays } from './web-daily.js';

let t: TestApp;
let db: Db;
let site: { id: string; siteKey: string; secret: string };
const ORIGIN = 'https://shop.example.com';

const visitorKey = () => `v${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
const send = (body: unknown, origin: string | null = ORIGIN, contentType = 'text/plain') =>
  t.app.inject({ method: 'POST', url: '/t/v1/events', headers: { 'content-type': contentType, ...(origin ? { origin } : {}) }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
const page = (path: string, title: string, at?: string) => ({ type: 'page', url: `${ORIGIN}${path}`, title, ...(at ? { at } : {}) });
const drain = () => t.app.worker.drain();
const rejections = async () => (await t.json('GET', '/api/v1/web-sites/rejections', t.admin)).body.data as { siteId: string | null; reason: string; count: number }[];
const countOf = (rows: { siteId: string | null; reason: string; count: number }[], siteId: string | null, reason: string) => rows.find((r) => r.siteId === siteId && r.reason === reason)?.count ?? 0;

beforeAll(async () => {
  t = await startTestApp();
  db = (t.app as unknown as { db: Db }).db;
  const res = await t.json('POST', '/api/v1/web-sites', t.admin, { name: 'Shop', allowedOrigins: [ORIGIN] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  site = res.body;
  expect(site.siteKey).toMatch(/^rs_/);
  expect(JSON.stringify((await t.json('GET', '/api/v1/web-sites', t.admin)).body)).not.toContain(site.secret);
});
beforeEach(() => resetTrackingLimits());
afterAll(() => t.close());

describe('sites and the script', () => {
  it('serves the snippet script to any site and refuses a site without origins', async () => {
    const js = await t.app.inject({ method: 'GET', url: '/t/rapport.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(js.body).toContain('sendBeacon');
    expect(js.body.length).toBeLessThan(20_000);
    const bad = await t.json('POST', '/api/v1/web-sites', t.admin, { name: 'No origins', allowedOrigins: [] });
    expect(bad.status).toBe(422);
    const sales = await t.login(...(await makeUser('sales')));
    expect((await t.json('GET', '/api/v1/web-sites', sales)).status).toBe(403);
  });
});

async function makeUser(role: string): Promise<[string, string]> {
  const email = `${role}-${visitorKey()}@example.com`;
  expect((await t.json('POST', '/api/v1/users', t.admin, { email, name: role, password: 'password-123', role })).status).toBe(201);
  return [email, 'password-123'];
}

describe('ingestion', () => {
  it('stores a batch first, then processes it into events of the visitor', async () => {
    const visitor = visitorKey();
    const res = await send({ site: site.siteKey, visitor, events: [page('/', 'Home'), { type: 'click', name: 'cta-hero', url: `${ORIGIN}/` }, { type: 'event', name: 'trial_started', props: { plan: 'pro', seats: 3 } }] });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ accepted: 3, rejected: [] });
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(await db.kysely.selectFrom('webIntake').select('id').execute()).toHaveLength(1);
    await drain();
    expect(await db.kysely.selectFrom('webIntake').select('id').execute()).toHaveLength(0);
    const v = await db.kysely.selectFrom('webVisitors').selectAll().where('visitorKey', '=', visitor).executeTakeFirstOrThrow();
    const events = await db.kysely.selectFrom('webEvents').selectAll().where('visitorId', '=', v.id).orderBy('id').execute();
    expect(events.map((e) => [e.kind, e.name ?? e.path])).toEqual([['page', '/'], ['click', 'cta-hero'], ['event', 'trial_started']]);
    expect(JSON.parse(events[2]!.props!)).toEqual({ plan: 'pro', seats: 3 });
  });

  it('answers the CORS preflight and takes JSON bodies too', async () => {
    const pre = await t.app.inject({ method: 'OPTIONS', url: '/t/v1/events', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect((await send({ site: site.siteKey, visitor: visitorKey(), events: [page('/json', 'JSON')] }, ORIGIN, 'application/json')).statusCode).toBe(202);
  });

  it('refuses bad requests and events with a reason, counts each reason, and never fails', async () => {
    const before = await rejections();
    const unknown = await send({ site: 'rs_nope', visitor: visitorKey(), events: [page('/', 'x')] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain('Unknown site key');
    const origin = await send({ site: site.siteKey, visitor: visitorKey(), events: [page('/', 'x')] }, 'https://evil.example.net');
    expect(origin.statusCode).toBe(403);
    expect((await send({ site: site.siteKey, visitor: visitorKey(), events: [page('/', 'x')] }, null)).statusCode).toBe(403);
    expect((await send('{"site": "broken', ORIGIN)).statusCode).toBe(400);
    expect((await send({ site: site.siteKey, visitor: 'x', events: [] })).statusCode).toBe(422);
    const huge = await send({ site: site.siteKey, visitor: visitorKey(), events: [{ type: 'page', url: 'x'.repeat(70_000) }] });
    expect(huge.statusCode).toBe(413);
    const mixed = await send({ site: site.siteKey, visitor: visitorKey(), events: [page('/ok', 'ok'), { type: 'page', url: `${ORIGIN}/${'b'.repeat(1900)}`, title: 't', referrer: 'r'.repeat(1999), utm: { source: 's'.repeat(200), medium: 'm'.repeat(200), campaign: 'c'.repeat(200), term: 't'.repeat(200), content: 'c'.repeat(200) } }, { type: 'warp' }, { type: 'event' }] });
    expect(mixed.statusCode).toBe(202);
    expect(mixed.json().accepted).toBe(1);
    expect(mixed.json().rejected.map((r: { index: number; reason: string }) => [r.index, r.reason])).toEqual([[1, 'event_too_large'], [2, 'invalid_event'], [3, 'invalid_event']]);
    const after = await rejections();
    const grew = (siteId: string | null, reason: string) => countOf(after, siteId, reason) - countOf(before, siteId, reason);
    expect(grew(null, 'unknown_site')).toBe(1);
    expect(grew(site.id, 'origin_not_allowed')).toBe(2);
    expect(grew(null, 'malformed')).toBe(2);
    expect(grew(null, 'too_large')).toBe(1);
    expect(grew(site.id, 'event_too_large')).toBe(1);
    expect(grew(site.id, 'invalid_event')).toBe(2);
  });

  it('limits requests per address', async () => {
    const was = trackingLimits.addressPerMinute;
    trackingLimits.addressPerMinute = 4;
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await send({ site: site.siteKey, visitor: visitorKey(), events: [page('/', 'x')] })).statusCode);
      expect(codes).toEqual([202, 202, 429, 429]);
    } finally {
      trackingLimits.addressPerMinute = was;
    }
  });
});

describe('identify and the 360° view', () => {
  it('links the anonymous history to the contact named by e-mail, and shows sessions in the 360° view', async () => {
    const visitor = visitorKey();
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await send({ site: site.siteKey, visitor, events: [page('/', 'Home', hourAgo), page('/pricing', 'Pricing', new Date(Date.parse(hourAgo) + 60_000).toISOString())] });
    await drain();
    await send({ site: site.siteKey, visitor, events: [page('/docs', 'Docs'), { type: 'event', name: 'trial_started' }, { type: 'identify', email: 'Web.Visitor@Example.com' }] });
    await drain();
    const contacts = (await t.json('GET', '/api/v1/contacts?q=web.visitor', t.admin)).body.data;
    expect(contacts).toHaveLength(1);
    const overview = (await t.json('GET', `/api/v1/contacts/${contacts[0].id}/overview`, t.admin)).body;
    const web = overview.sections.find((s: { key: string }) => s.key === 'webActivity');
    expect(web.items[0]).toMatchObject({ sessions: 2, pageViews: 3, webEvents: 1 });
    expect(web.items[1]).toMatchObject({ title: 'Docs', pages: 'Docs', webEvents: 'trial_started' });
    expect(web.items[2]).toMatchObject({ title: 'Home', pages: 'Home → Pricing' });
  });

  it('matches a signed user id to the contact with that external id, and refuses a wrong signature', async () => {
    const contact = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Signed Sam', externalId: 'shop-user-42', emails: ['sam@example.com'] })).body;
    const before = countOf(await rejections(), site.id, 'bad_signature');
    const forged = visitorKey();
    await send({ site: site.siteKey, visitor: forged, events: [page('/account', 'Account'), { type: 'identify', userId: 'shop-user-42', signature: 'ab'.repeat(32) }] });
    const visitor = visitorKey();
    await send({ site: site.siteKey, visitor, events: [page('/account', 'Account'), { type: 'identify', userId: 'shop-user-42', signature: identifySignature(site.secret, 'shop-user-42') }] });
    await drain();
    expect(countOf(await rejections(), site.id, 'bad_signature') - before).toBe(1);
    const linked = await db.kysely.selectFrom('webVisitors').select(['visitorKey', 'contactId']).where('visitorKey', 'in', [forged, visitor]).execute();
    expect(Object.fromEntries(linked.map((v) => [v.visitorKey, v.contactId]))).toEqual({ [forged]: null, [visitor]: contact.id });
  });
});

describe('roll-up and retention', () => {
  it('rolls finished days up per contact and page, then deletes raw events past the retention', async () => {
    const old = new Date(Date.now() - 20 * 86_400_000).toISOString();
    await db.kysely.insertInto('webEvents').values({ id: `old-${visitorKey()}`, siteId: site.id, visitorId: 'v-old', contactId: null, kind: 'page', name: null, url: `${ORIGIN}/old`, path: '/old', title: 'Old', referrer: null, utm: null, props: null, occurredAt: old, receivedAt: old }).execute();
    expect(await rollUpDays(db)).toBeGreaterThan(0);
    const day = await db.kysely.selectFrom('webDaily').selectAll().where('key', '=', '/old').execute();
    expect(day).toMatchObject([{ day: old.slice(0, 10), kind: 'page', contactId: '', count: 1 }]);
    expect((await t.json('PUT', '/api/v1/web-tracking/settings', t.admin, { retentionDays: 10 })).body).toEqual({ retentionDays: 10 });
    expect(await deleteExpiredEvents(db)).toBe(1);
    expect(await db.kysely.selectFrom('webEvents').select('id').where('path', '=', '/old').execute()).toHaveLength(0);
    expect(await db.kysely.selectFrom('webDaily').select('key').where('key', '=', '/old').execute()).toHaveLength(1);
  });
});

describe('segment fields', () => {
  it('counts contacts by pages visited, events done N times and last seen, within the window', async () => {
    const visitor = visitorKey();
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    await send({ site: site.siteKey, visitor, events: [page('/pricing/enterprise', 'Enterprise', at(30)), { type: 'event', name: 'demo_booked', at: at(20) }, { type: 'event', name: 'demo_booked', at: at(10) }, { type: 'identify', email: 'segment.web@example.com' }] });
    await drain();
    const count = async (rules: unknown) => {
      const res = await t.json('POST', '/api/v1/segments/preview-count', t.admin, { rules });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.total as number;
    };
    const and = (...children: unknown[]) => ({ combinator: 'and', children });
    const fields = (await t.json('GET', '/api/v1/segments/fields', t.admin)).body;
    expect(JSON.stringify(fields)).toContain('web.event.demo_booked.7d');
    expect(await count(and({ field: 'web.visited.7d', operator: 'contains', value: 'PRICING/enterprise' }, { field: 'web.event.demo_booked.7d', operator: 'gte', value: 2 }, { field: 'web.lastSeen', operator: 'within_last_days', value: 1 }))).toBe(1);
    expect(await count(and({ field: 'web.event.demo_booked.30d', operator: 'gte', value: 3 }))).toBe(0);
    expect(await count(and({ field: 'web.visited.30d', operator: 'contains', value: '/careers' }))).toBe(0);
  });
});

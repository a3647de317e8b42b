// A contact's web data in merge, undo, export and erasure (visitors, raw events, daily roll-ups, form submissions,
// batches still waiting), and a visitor's rolled-up anonymous days moving to the contact when the visitor identifies.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { findEverywhere } from '../../../test/find-everywhere.js';
import type { Db } from '../../../core/db/database.js';
import { rollUpDays } from './web-daily.js';
import { ROLLED_KEY } from './web-daily-moves.js';
import { resetTrackingLimits } from './tracking-limits.js';

let t: TestApp;
let db: Db;
let site: { id: string; siteKey: string };
let formId: string;
const ORIGIN = 'https://web-data.example.com';

const visitorKey = () => `v${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
const send = (visitor: string, events: unknown[]) =>
  t.app.inject({ method: 'POST', url: '/t/v1/events', headers: { 'content-type': 'text/plain', origin: ORIGIN }, payload: JSON.stringify({ site: site.siteKey, visitor, events }) });
const page = (path: string) => ({ type: 'page', url: `${ORIGIN}${path}`, title: path });
const drain = () => t.app.worker.drain();
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10) + 'T12:00:00.000Z';
let seq = 0;
const insertEvent = (visitorId: string, contactId: string | null, path: string, at: string) =>
  db.kysely.insertInto('webEvents').values({ id: `test-${++seq}-${visitorKey()}`, siteId: site.id, visitorId, contactId, kind: 'page', name: null, url: `${ORIGIN}${path}`, path, title: path, referrer: null, utm: null, props: null, occurredAt: at, receivedAt: at }).execute();
/** Rolls every day with events up again (as if the daily job had never run). */
async function rollUp() {
  await db.kysely.deleteFrom('settings').where('key', '=', ROLLED_KEY).execute();
  await rollUpDays(db);
}
const visitorOf = (key: string) => db.kysely.selectFrom('webVisitors').selectAll().where('visitorKey', '=', key).executeTakeFirstOrThrow();
const dailyOf = (prefix: string) => db.kysely.selectFrom('webDaily').select(['day', 'contactId', 'key', 'count']).where('key', 'like', `${prefix}%`).orderBy('key').orderBy('day').orderBy('contactId').execute();
const contact = async (name: string, email: string) => (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: name, emails: [email] })).body as { id: string };
const submitForm = (fields: Record<string, string>, extra: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url: `/f/v1/forms/${formId}/submissions`, headers: { 'content-type': 'application/json', origin: ORIGIN }, payload: JSON.stringify({ fields, ...extra }) });

beforeAll(async () => {
  t = await startTestApp();
  db = (t.app as unknown as { db: Db }).db;
  site = (await t.json('POST', '/api/v1/web-sites', t.admin, { name: 'Web data', allowedOrigins: [ORIGIN] })).body;
  formId = (await t.json('POST', '/api/v1/web-forms', t.admin, { name: 'Contact us', fields: [{ key: 'email', label: 'E-mail', required: true }, { key: 'name', label: 'Name' }] })).body.id;
});
beforeEach(() => resetTrackingLimits());
afterAll(() => t.close());

describe('merge and undo', () => {
  it('moves the merged contact’s visitors, events, roll-ups (adding to the survivor’s) and submissions; undo puts every one back', async () => {
    const s = await contact('Web Survivor', 'web.survivor@example.com');
    const l = await contact('Web Loser', 'web.loser@example.com');
    const key = visitorKey();
    await send(key, [page('/merge-live'), { type: 'identify', email: 'web.loser@example.com' }]);
    await drain();
    const v = await visitorOf(key);
    expect(v.contactId).toBe(l.id);
    await insertEvent(v.id, l.id, '/merge-old', daysAgo(3));
    await insertEvent(v.id, l.id, '/merge-old', daysAgo(3));
    await insertEvent(v.id, l.id, '/merge-only', daysAgo(4));
    await insertEvent('v-survivor', s.id, '/merge-old', daysAgo(3));
    await rollUp();
    expect((await submitForm({ email: 'web.loser@example.com', name: 'Web Loser' })).statusCode).toBe(201);
    await drain();

    const state = async () => ({
      visitor: (await visitorOf(key)).contactId,
      events: await db.kysely.selectFrom('webEvents').select(['id', 'contactId']).where('visitorId', 'in', [v.id, 'v-survivor']).orderBy('id').execute(),
      daily: await dailyOf('/merge-'),
      submissions: await db.kysely.selectFrom('webFormSubmissions').select(['id', 'contactId']).where('formId', '=', formId).orderBy('id').execute(),
    });
    const before = await state();
    expect(before.daily.filter((d) => d.contactId === l.id).map((d) => [d.key, d.count])).toEqual([['/merge-old', 2], ['/merge-only', 1]]);
    expect(before.submissions.map((x) => x.contactId)).toEqual([l.id]);

    const merge = await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: s.id, mergedIds: [l.id] });
    expect(merge.status, JSON.stringify(merge.body)).toBe(201);
    // One visitor, five events (page and identify, three older pages) and two roll-up rows; one submission.
    expect(merge.body.moved).toMatchObject({ 'marketing.web': 8, 'marketing.forms': 1 });
    const merged = await state();
    expect(merged.visitor).toBe(s.id);
    expect(new Set(merged.events.map((e) => e.contactId))).toEqual(new Set([s.id]));
    expect(merged.daily.map((d) => [d.key, d.contactId, d.count])).toEqual([['/merge-old', s.id, 3], ['/merge-only', s.id, 1]]);
    expect(merged.submissions.map((x) => x.contactId)).toEqual([s.id]);
    const exported = (await t.json('GET', `/api/v1/contacts/${s.id}/data-export`, t.admin)).body.related;
    expect(exported['marketing.web'].events.filter((e: { url: string | null }) => e.url).map((e: { url: string }) => new URL(e.url).pathname)).toEqual(expect.arrayContaining(['/merge-live', '/merge-old', '/merge-only']));
    expect(exported['marketing.web'].visitors).toMatchObject([{ site: 'Web data' }]);
    expect(exported['marketing.forms']).toMatchObject([{ form: 'Contact us', status: 'processed', fields: { email: 'web.loser@example.com' } }]);

    expect((await t.json('POST', `/api/v1/merges/${merge.body.id}/undo`, t.admin)).status).toBe(200);
    expect(await state()).toEqual(before);
  });
});

describe('export and erasure', () => {
  it('exports the web data, then erases it: visitors, events, submissions (spam with the address too), waiting batches; roll-ups stay anonymous', async () => {
    const email = 'erin.webb_7@example.org';
    const e = await contact('Erin Webb', email);
    const key = visitorKey();
    await send(key, [page('/erase-live'), { type: 'event', name: 'quote_asked', props: { plan: 'team' } }, { type: 'identify', email }]);
    await drain();
    const v = await visitorOf(key);
    await insertEvent(v.id, e.id, '/erase-old', daysAgo(5));
    await insertEvent('v-anon-erase', null, '/erase-old', daysAgo(5));
    await rollUp();
    expect((await submitForm({ email, name: 'Erin Webb' }, { visitor: key, site: site.siteKey })).statusCode).toBe(201);
    expect((await submitForm({ email: email.toUpperCase(), name: 'Bot' }, { website: 'http://spam.example' })).statusCode).toBe(201);
    await drain();

    const exported = (await t.json('GET', `/api/v1/contacts/${e.id}/data-export`, t.admin)).body.related;
    expect(exported['marketing.web'].events.map((x: { kind: string; name: string | null }) => x.name ?? x.kind)).toEqual(['page', 'page', 'quote_asked', 'identify']);
    expect(exported['marketing.web'].events[2].props).toEqual({ plan: 'team' });
    expect(exported['marketing.web'].daily).toMatchObject([{ key: '/erase-old', count: 1 }]);
    expect(exported['marketing.forms']).toHaveLength(1);

    // A batch of the visitor still waiting when the erasure comes: it must not link them again afterwards.
    await send(key, [page('/erase-waiting'), { type: 'identify', email }]);
    expect(await db.kysely.selectFrom('webIntake').select('id').execute()).toHaveLength(1);
    expect(await findEverywhere(db.kysely, email)).not.toEqual([]);

    const res = await t.json('POST', `/api/v1/contacts/${e.id}/erase`, t.admin, { confirm: 'ERASE' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.relatedRecordsErased).toMatchObject({ 'marketing.forms': 2 });
    expect(res.body.relatedRecordsErased['marketing.web']).toBeGreaterThanOrEqual(6);
    await drain();
    expect(await findEverywhere(db.kysely, email)).toEqual([]);
    expect(await findEverywhere(db.kysely, email.toUpperCase())).toEqual([]);
    expect(await findEverywhere(db.kysely, key)).toEqual([]);
    expect(await db.kysely.selectFrom('webEvents').select('id').where('visitorId', '=', v.id).execute()).toEqual([]);
    expect(await dailyOf('/erase-')).toEqual([{ day: daysAgo(5).slice(0, 10), contactId: '', key: '/erase-old', count: 2 }]);
    expect((await t.json('GET', `/api/v1/contacts?q=${encodeURIComponent('erin.webb')}`, t.admin)).body.data).toEqual([]);
  });
});

describe('identify after the roll-up', () => {
  it('moves the visitor’s rolled-up anonymous counts to the contact and leaves other visitors’ counts anonymous', async () => {
    const key = visitorKey();
    await send(key, [page('/reattr-today')]);
    await drain();
    const v = await visitorOf(key);
    await insertEvent(v.id, null, '/reattr-old', daysAgo(6));
    await insertEvent(v.id, null, '/reattr-old', daysAgo(6));
    await insertEvent(v.id, null, '/reattr-old', daysAgo(2));
    await insertEvent('v-anon-reattr', null, '/reattr-old', daysAgo(6));
    await rollUp();
    expect((await dailyOf('/reattr-')).map((d) => [d.day, d.contactId, d.count])).toEqual([[daysAgo(6).slice(0, 10), '', 3], [daysAgo(2).slice(0, 10), '', 1]]);

    await send(key, [{ type: 'identify', email: 'reattr@example.com' }]);
    await drain();
    const contactId = (await visitorOf(key)).contactId!;
    expect(contactId).toBeTruthy();
    expect((await dailyOf('/reattr-')).map((d) => [d.day, d.contactId, d.count])).toEqual([[daysAgo(6).slice(0, 10), '', 1], [daysAgo(6).slice(0, 10), contactId, 2], [daysAgo(2).slice(0, 10), contactId, 1]]);
    // Rolling the days up again from the raw events gives the same rows.
    const now = await dailyOf('/reattr-');
    await rollUp();
    expect(await dailyOf('/reattr-')).toEqual(now);
  });
});

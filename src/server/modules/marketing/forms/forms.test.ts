// Embeddable forms on a real database: the builder's rules, the public JSON and iframe page, a submission stored
// then processed into a new or matched contact (consent, UTM, company, visitor history, timeline, form.submitted),
// the honeypot, the rate limit, size and field checks, and double opt-in through the signed confirmation link.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { engine, startTestApp, type TestApp } from '../../../test/test-app.js';
import type { Db } from '../../../core/db/database.js';
import { resetTrackingLimits, trackingLimits } from '../tracking/tracking-limits.js';

let t: TestApp;
let db: Db;
const ORIGIN = 'https://www.example.org';

const fields = [
  { key: 'email', label: 'E-mail', required: true },
  { key: 'name', label: 'Name', required: true },
  { key: 'company', label: 'Company' },
  { key: 'message', label: 'Message' },
];
const submit = (formId: string, body: unknown, origin = ORIGIN) =>
  t.app.inject({ method: 'POST', url: `/f/v1/forms/${formId}/submissions`, headers: { 'content-type': 'application/json', origin }, payload: JSON.stringify(body) });
const drain = () => t.app.worker.drain();
const outboxOf = (type: string) => db.kysely.selectFrom('outbox').selectAll().where('type', '=', type).execute();

async function makeForm(extra: Record<string, unknown> = {}) {
  const res = await t.json('POST', '/api/v1/web-forms', t.admin, { name: `Newsletter ${Math.random().toString(36).slice(2, 6)}`, fields, consentText: 'Send me the monthly newsletter', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string };
}

beforeAll(async () => {
  t = await startTestApp();
  db = (t.app as unknown as { db: Db }).db;
});
beforeEach(() => resetTrackingLimits());
afterAll(() => t.close());

describe('the builder', () => {
  it('requires an e-mail field, refuses unknown field keys, and says whether mail is set up', async () => {
    const noEmail = await t.json('POST', '/api/v1/web-forms', t.admin, { name: 'x', fields: [{ key: 'name', label: 'Name' }] });
    expect(noEmail.status).toBe(422);
    expect(JSON.stringify(noEmail.body)).toContain('the e-mail field is required');
    const bad = await t.json('POST', '/api/v1/web-forms', t.admin, { name: 'x', fields: [{ key: 'email', label: 'E', required: true }, { key: 'password', label: 'P' }] });
    expect(bad.status).toBe(422);
    const list = await t.json('GET', '/api/v1/web-forms', t.admin);
    expect(list.body.mailConfigured).toBe(false);
  });

  it('names the forms to every user through the directory, while the builder stays the admin’s', async () => {
    const form = await makeForm();
    await t.json('POST', '/api/v1/users', t.admin, { email: 'rep.forms@example.com', name: 'Rep Forms', password: 'rep-password-1', role: 'sales' });
    const rep = await t.login('rep.forms@example.com', 'rep-password-1');
    expect((await t.json('GET', '/api/v1/web-forms', rep)).status).toBe(403);
    const dir = await t.json('GET', '/api/v1/web-forms/directory', rep);
    expect(dir.status).toBe(200);
    expect(dir.body.data).toContainEqual({ id: form.id, name: form.name, enabled: true });
    expect(Object.keys(dir.body.data[0]).sort()).toEqual(['enabled', 'id', 'name']);
  });
});

describe('submissions', () => {
  it('creates the contact with consent, UTM, company and the visitor history; on the timeline; form.submitted emitted', async () => {
    const site = (await t.json('POST', '/api/v1/web-sites', t.admin, { name: 'Org', allowedOrigins: [ORIGIN] })).body;
    const form = await makeForm({ siteId: site.id });
    const visitor = 'visitor-form-0001';
    await t.app.inject({ method: 'POST', url: '/t/v1/events', headers: { 'content-type': 'text/plain', origin: ORIGIN }, payload: JSON.stringify({ site: site.siteKey, visitor, events: [{ type: 'page', url: `${ORIGIN}/pricing`, title: 'Pricing' }] }) });
    const pub = await t.app.inject({ method: 'GET', url: `/f/v1/forms/${form.id}`, headers: { origin: ORIGIN } });
    expect(pub.json().fields.map((f: { key: string; type: string }) => `${f.key}:${f.type}`)).toEqual(['email:email', 'name:text', 'company:text', 'message:textarea']);
    const res = await submit(form.id, { fields: { email: 'Lin.Wei@Example.org', name: 'Lin Wei', company: 'Acme Tea', message: 'Call me' }, consent: true, website: '', pageUrl: `${ORIGIN}/signup?utm_source=news`, utm: { source: 'news', campaign: 'spring' }, visitor, site: site.siteKey });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().message).toContain('Thank you');
    expect((await db.kysely.selectFrom('webFormSubmissions').select('status').where('id', '=', res.json().id).executeTakeFirstOrThrow()).status).toBe('received');
    await drain();
    const contact = (await t.json('GET', '/api/v1/contacts?q=lin.wei', t.admin)).body.data[0];
    expect(contact).toMatchObject({ displayName: 'Lin Wei', emails: ['lin.wei@example.org'], companyName: 'Acme Tea', source: `Web form: ${form.name}` });
    expect(contact.consentStatus.email).toMatchObject({ status: 'granted', source: 'form' });
    const timeline = (await t.json('GET', `/api/v1/interactions?contactId=${contact.id}`, t.admin)).body.data;
    expect(timeline[0]).toMatchObject({ subject: `Form submitted: ${form.name}` });
    expect(timeline[0].body).toContain('UTM: source=news, campaign=spring');
    const event = (await outboxOf('form.submitted')).map((e) => JSON.parse(e.payload)).find((p) => p.submissionId === res.json().id);
    expect(event).toMatchObject({ formId: form.id, contactId: contact.id, created: true, consent: 'granted', utm: { source: 'news', campaign: 'spring' } });
    const overview = (await t.json('GET', `/api/v1/contacts/${contact.id}/overview`, t.admin)).body;
    expect(overview.sections.find((s: { key: string }) => s.key === 'webActivity').items[1]).toMatchObject({ pages: 'Pricing' });
    const subs = (await t.json('GET', `/api/v1/web-forms/${form.id}/submissions`, t.admin)).body.data;
    expect(subs[0]).toMatchObject({ status: 'processed', contactId: contact.id, contactName: 'Lin Wei', consent: true });
    // The same person again: matched by e-mail, not a second contact.
    await submit(form.id, { fields: { email: 'lin.wei@example.org', name: 'Lin Wei' } });
    await drain();
    expect((await t.json('GET', '/api/v1/contacts?q=lin.wei', t.admin)).body.data).toHaveLength(1);
    expect((await outboxOf('form.submitted')).map((e) => JSON.parse(e.payload)).filter((p) => p.contactId === contact.id).map((p) => p.created)).toEqual([true, false]);
    // Another site's page may not post to a form of this site.
    expect((await submit(form.id, { fields: { email: 'x@example.org', name: 'X' } }, 'https://evil.example.net')).statusCode).toBe(403);
  });

  it('stores a honeypot hit as spam without a contact, and checks fields, sizes and the rate limit', async () => {
    const form = await makeForm();
    const spam = await submit(form.id, { fields: { email: 'bot@example.org', name: 'Bot' }, website: 'http://spam.example' });
    expect(spam.statusCode).toBe(201);
    await drain();
    expect((await t.json('GET', '/api/v1/contacts?q=bot@example.org', t.admin)).body.data).toHaveLength(0);
    expect((await t.json('GET', `/api/v1/web-forms/${form.id}/submissions`, t.admin)).body.data[0].status).toBe('spam');
    const missing = await submit(form.id, { fields: { email: 'not-an-email', secret: 'x' } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['fields.email', 'fields.name', 'fields.secret']);
    const big = await submit(form.id, { fields: { email: 'a@example.org', name: 'A', message: 'x'.repeat(20_000) } });
    expect(big.statusCode).toBe(413);
    expect((await t.app.inject({ method: 'GET', url: '/f/v1/forms/nope' })).statusCode).toBe(404);
    resetTrackingLimits();
    const was = trackingLimits.formPerMinute;
    trackingLimits.formPerMinute = 2;
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await submit(form.id, { fields: { email: `r${i}@example.org`, name: 'R' } })).statusCode);
      expect(codes).toEqual([201, 429, 429]);
    } finally {
      trackingLimits.formPerMinute = was;
    }
  });

  it('serves the form as an iframe page that posts without script', async () => {
    const form = await makeForm({ language: 'zh-CN' });
    const page = await t.app.inject({ method: 'GET', url: `/f/${form.id}`, headers: { referer: `${ORIGIN}/landing?utm_source=weibo` } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['x-frame-options']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(page.body).toContain('name="website"');
    expect(page.body).toContain('提交');
    const wrong = await t.app.inject({ method: 'POST', url: `/f/${form.id}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=nope&name=<b>x</b>' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('&#60;b&#62;x&#60;/b&#62;');
    const ok = await t.app.inject({ method: 'POST', url: `/f/${form.id}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ email: 'frame@example.org', name: 'Frame Person', consent: '1', website: '', pageUrl: `${ORIGIN}/landing?utm_source=weibo` }).toString() });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('谢谢');
    await drain();
    const sub = (await t.json('GET', `/api/v1/web-forms/${form.id}/submissions`, t.admin)).body.data[0];
    expect(sub).toMatchObject({ status: 'processed', utm: { source: 'weibo' }, consent: true });
  });
});

describe('double opt-in', () => {
  it('grants e-mail consent only after the signed link is followed; the history shows both steps', async () => {
    const form = await makeForm({ doubleOptIn: true });
    await submit(form.id, { fields: { email: 'optin@example.org', name: 'Opt In' }, consent: true });
    await drain();
    const contact = (await t.json('GET', '/api/v1/contacts?q=optin@example.org', t.admin)).body.data[0];
    expect(contact.consentStatus.email.status).toBe('unknown');
    const mail = await db.kysely.selectFrom('mailOutbox').selectAll().where('toAddress', '=', 'optin@example.org').executeTakeFirstOrThrow();
    expect(mail.kind).toBe('form_confirmation');
    const link = /\/f\/confirm\/(\S+)/.exec(mail.body)![1]!;
    expect((await t.app.inject({ method: 'GET', url: `/f/confirm/${link.slice(0, -3)}abc` })).statusCode).toBe(404);
    const ok = await t.app.inject({ method: 'GET', url: `/f/confirm/${link}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('confirmed');
    expect((await t.app.inject({ method: 'GET', url: `/f/confirm/${link}` })).statusCode).toBe(200);
    const consent = (await t.json('GET', `/api/v1/contacts/${contact.id}/consent`, t.admin)).body;
    expect(consent.current.email).toMatchObject({ status: 'granted', source: 'double_opt_in' });
    expect(consent.data.filter((e: { channel: string }) => e.channel === 'email').map((e: { source: string; status: string }) => `${e.source}:${e.status}`)).toEqual(['double_opt_in:granted', 'form:unknown']);
  });
});

describe('a worker that dies while processing', () => {
  /** Makes marking a submission processed fail, as if the worker died just before its commit. */
  const breakCommit = async (on: boolean) => {
    if (engine === 'sqlite') {
      await sql.raw(on ? `create trigger fail_processed before update of status on web_form_submissions when new.status = 'processed' begin select raise(abort, 'simulated crash'); end` : 'drop trigger fail_processed').execute(db.kysely);
    } else if (on) {
      await sql.raw(`create function fail_processed() returns trigger language plpgsql as $$ begin raise exception 'simulated crash'; end $$`).execute(db.kysely);
      await sql.raw(`create trigger fail_processed before update on web_form_submissions for each row when (new.status = 'processed') execute function fail_processed()`).execute(db.kysely);
    } else await sql.raw('drop function fail_processed() cascade').execute(db.kysely);
  };

  it('leaves no timeline note behind, and the submission taken up again writes it once', async () => {
    const form = await makeForm();
    const res = await submit(form.id, { fields: { email: 'twice@example.org', name: 'Twice Tan' } });
    await breakCommit(true);
    try {
      await drain();
    } finally {
      await breakCommit(false);
    }
    const id = res.json().id as string;
    const contact = (await t.json('GET', '/api/v1/contacts?q=twice@example.org', t.admin)).body.data[0];
    const notes = async () => (await t.json('GET', `/api/v1/interactions?contactId=${contact.id}`, t.admin)).body.data.filter((i: { subject: string }) => i.subject === `Form submitted: ${form.name}`);
    expect(await notes()).toHaveLength(0);
    expect((await outboxOf('form.submitted')).filter((e) => JSON.parse(e.payload).submissionId === id)).toHaveLength(0);
    // What a killed worker leaves: the submission claimed, its claim run out.
    await db.kysely.updateTable('webFormSubmissions').set({ status: 'processing', processedAt: new Date(Date.now() - 1000).toISOString(), error: null }).where('id', '=', id).execute();
    await drain();
    await drain();
    expect(await notes()).toHaveLength(1);
    expect((await outboxOf('form.submitted')).filter((e) => JSON.parse(e.payload).submissionId === id)).toHaveLength(1);
    expect((await db.kysely.selectFrom('webFormSubmissions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('processed');
  });
});

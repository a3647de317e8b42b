// Every step kind through the API on a real database: a form.submitted event (written to the outbox as the forms
// module does) enrols the contact; tags, fields, lifecycle stage, owner, task, e-mail (consent required), a signed
// webhook call to a local receiver, waits (duration and weekday window), branches on rules and on engagement with the
// previous e-mail (its signed open pixel), end; analytics and the contact's timeline of steps.
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { verifySignature } from '../../data/index.js';
import { sendJourneyWebhooks } from './journey-webhooks.js';
import { activeJourney, api, contact, emit, endWait, enrolmentsOf, runsOf, settle } from './journey-test-helpers.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
let receiver: Server;
let receiverUrl = '';
const calls: { headers: Record<string, unknown>; body: string }[] = [];
let repId = '';

beforeAll(async () => {
  t = await startTestApp({ outboundAllow: '127.0.0.1' });
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  repId = (await api(t, 'POST', '/users', { email: 'rep.journey@example.com', name: 'Rep Journey', password: 'rep-password-1', role: 'sales' })).body.id;
}, 60_000);
afterAll(async () => {
  receiver.close();
  await t.close();
});

const formSubmitted = (contactId: string, formId: string) => emit(t, 'form.submitted', 'form', formId, { formId, contactId });

describe('journey definition', () => {
  it('answers 422 naming the path of each bad step, trigger and goal', async () => {
    const res = await api(t, 'POST', '/journeys', {
      name: 'Bad',
      trigger: { kind: 'event', eventType: 'Not An Event' },
      steps: [
        { kind: 'wait' },
        { kind: 'branch', condition: { type: 'rules', rules: { combinator: 'and', children: [{ field: 'nope', operator: 'is', value: 1 }] } }, yes: [{ kind: 'email', subject: '' , body: 'x' }], no: [{ kind: 'teleport' }] },
        { kind: 'webhook', url: 'ftp://example.com' },
        { kind: 'update_field', field: 'lifecycleStage', value: 'astronaut' },
      ],
      goal: { combinator: 'or', children: [] },
      reentry: 'after',
    });
    expect(res.status).toBe(422);
    expect(res.body.detail).toBe('The journey is not valid');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'trigger.eventType',
      'steps[0]',
      'steps[1].condition.rules.children[0].field',
      'steps[1].yes[0].subject',
      'steps[1].no[0].kind',
      'steps[2].url',
      'steps[3].value',
      'goal.children',
      'reentryDays',
    ]);
  });

  it('goes draft → active → paused; the definition changes only while not active', async () => {
    const created = await api(t, 'POST', '/journeys', { name: 'Lifecycle', trigger: { kind: 'manual' }, steps: [{ id: 'a', kind: 'tag', action: 'add', tag: 'x' }] });
    expect(created.body).toMatchObject({ status: 'draft', reentry: 'never', steps: [{ id: 'a', kind: 'tag' }] });
    expect((await api(t, 'POST', `/journeys/${created.body.id}/pause`)).status).toBe(409);
    expect((await api(t, 'POST', `/journeys/${created.body.id}/activate`)).body.status).toBe('active');
    const locked = await api(t, 'PATCH', `/journeys/${created.body.id}`, { steps: [{ id: 'b', kind: 'end' }] });
    expect(locked.status).toBe(409);
    expect((await api(t, 'PATCH', `/journeys/${created.body.id}`, { name: 'Renamed' })).body.name).toBe('Renamed');
    expect((await api(t, 'POST', `/journeys/${created.body.id}/pause`)).body.status).toBe('paused');
    expect((await api(t, 'PATCH', `/journeys/${created.body.id}`, { steps: [{ id: 'b', kind: 'end' }] })).body.steps).toEqual([{ id: 'b', kind: 'end' }]);
  });
});

describe('steps', () => {
  it('runs tag, field, lifecycle, owner, task, e-mail and webhook steps once each, in order', async () => {
    const j = await activeJourney(t, {
      trigger: { kind: 'event', eventType: 'form.submitted', filter: { formId: 'form-steps' } },
      steps: [
        { id: 'tag', kind: 'tag', action: 'add', tag: 'webinar' },
        { id: 'untag', kind: 'tag', action: 'remove', tag: 'cold' },
        { id: 'stage', kind: 'update_field', field: 'lifecycleStage', value: 'qualified' },
        { id: 'title', kind: 'update_field', field: 'title', value: 'Buyer' },
        { id: 'owner', kind: 'assign_owner', userId: repId },
        { id: 'task', kind: 'task', subject: 'Call {{contact.givenName | "them"}}', dueInDays: 2, assignTo: 'owner' },
        { id: 'mail', kind: 'email', subject: 'Welcome, {{contact.givenName | "friend"}}', body: 'Hi {{contact.givenName}}, read https://example.com/guide {{contact.cf.none | "-"}}' },
        { id: 'hook', kind: 'webhook', url: receiverUrl },
      ],
    });
    const id = await contact(t, { givenName: '小明', familyName: '王', emails: ['xm@example.com'], tags: ['cold'], consent: { email: true } });
    await formSubmitted(id, 'other-form');
    await settle(t);
    expect(await enrolmentsOf(t, j.id)).toHaveLength(0);
    await formSubmitted(id, 'form-steps');
    await settle(t);
    const [e] = await enrolmentsOf(t, j.id);
    expect(e).toMatchObject({ status: 'completed', stepId: null });
    expect((await runsOf(t, e!.id)).map((r) => [r.stepId, r.outcome])).toEqual(expect.arrayContaining([['tag', 'done'], ['untag', 'done'], ['stage', 'done'], ['title', 'done'], ['owner', 'done'], ['task', 'done'], ['mail', 'done'], ['hook', 'done']]));
    const c = (await api(t, 'GET', `/contacts/${id}`)).body;
    expect(c).toMatchObject({ tags: ['webinar'], lifecycleStage: 'qualified', title: 'Buyer', ownerId: repId });
    const tasks = await t.app.db.kysely.selectFrom('interactions').select(['subject', 'assigneeId', 'dueAt']).where('contactId', '=', id).where('type', '=', 'task').execute();
    expect(tasks).toEqual([{ subject: 'Call 小明', assigneeId: repId, dueAt: expect.any(String) }]);
    const mails = await t.app.db.kysely.selectFrom('mailOutbox').select(['toAddress', 'subject', 'body', 'html', 'kind']).where('toAddress', '=', 'xm@example.com').execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: 'Welcome, 小明', kind: 'journey.email' });
    expect(mails[0]!.body).toMatch(/^Hi 小明, read https:\/\/example\.com\/guide -\n[\s\S]*\/mail\/u\/j\./);
    expect(mails[0]!.html).toContain('/mail/o/j.');
    // The webhook call goes out signed with the journey's secret, once.
    expect(await sendJourneyWebhooks(t.app.db)).toBe(1);
    expect(await sendJourneyWebhooks(t.app.db)).toBe(0);
    expect(calls).toHaveLength(1);
    expect(verifySignature(j.webhookSecret, calls[0]!.body, String(calls[0]!.headers['rapport-signature']))).toBe(true);
    expect(JSON.parse(calls[0]!.body).data).toMatchObject({ journeyId: j.id, stepId: 'hook', contact: { id } });
    // The contact's timeline of steps, and the analytics.
    const timeline = (await api(t, 'GET', `/contacts/${id}/journeys`)).body.data;
    expect(timeline[0]).toMatchObject({ journeyId: j.id, status: 'completed' });
    expect(timeline[0].steps.map((s: { stepId: string }) => s.stepId)).toHaveLength(8);
    const overview = (await api(t, 'GET', `/contacts/${id}/overview`)).body;
    expect(overview.sections.find((x: { key: string }) => x.key === 'journeys').items).toEqual([expect.objectContaining({ name: 'Journey', path: `/journeys/${j.id}`, status: 'completed' })]);
    const stats = (await api(t, 'GET', `/journeys/${j.id}/analytics`)).body;
    expect(stats).toMatchObject({ enrolled: 1, completed: 1, active: 0, conversion: null });
    expect(stats.steps.find((s: { stepId: string }) => s.stepId === 'mail')).toMatchObject({ done: 1, current: 0 });
  });

  it('skips the e-mail with a reason when the contact has not consented', async () => {
    const j = await activeJourney(t, { trigger: { kind: 'manual' }, steps: [{ id: 'mail', kind: 'email', subject: 'Hello', body: 'Hello' }] });
    const id = await contact(t, { emails: ['no-consent@example.com'] });
    expect((await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: [id] })).body).toEqual({ enrolled: 1, skipped: 0 });
    await settle(t);
    const [e] = await enrolmentsOf(t, j.id);
    expect(await runsOf(t, e!.id)).toEqual([{ stepId: 'mail', outcome: 'skipped', detail: 'no e-mail consent (unknown)' }]);
    expect(await t.app.db.kysely.selectFrom('mailOutbox').select('id').where('toAddress', '=', 'no-consent@example.com').execute()).toEqual([]);
  });

  it('waits for a duration and for a weekday window, branches on rules and on engagement, and ends', async () => {
    const j = await activeJourney(t, {
      trigger: { kind: 'manual' },
      steps: [
        { id: 'mail', kind: 'email', subject: 'Offer', body: 'See https://example.com/offer' },
        { id: 'wait', kind: 'wait', amount: 2, unit: 'days' },
        { id: 'opened', kind: 'branch', condition: { type: 'engagement', event: 'opened' }, yes: [{ id: 'hot', kind: 'tag', action: 'add', tag: 'opened' }], no: [{ id: 'cold', kind: 'tag', action: 'add', tag: 'ignored' }] },
        { id: 'vip', kind: 'branch', condition: { type: 'rules', rules: { combinator: 'and', children: [{ field: 'tags', operator: 'any_of', value: ['vip'] }] } }, yes: [{ id: 'stop', kind: 'end' }], no: [] },
        { id: 'window', kind: 'wait', window: { weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' } },
        { id: 'after', kind: 'tag', action: 'add', tag: 'reached' },
      ],
    });
    const reader = await contact(t, { emails: ['reader@example.com'], consent: { email: true } });
    const vip = await contact(t, { emails: ['vip@example.com'], consent: { email: true }, tags: ['vip'] });
    await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: [reader, vip] });
    await settle(t);
    const enrolments = await enrolmentsOf(t, j.id);
    const of = (contactId: string) => enrolments.find((e) => e.contactId === contactId)!;
    expect(of(reader)).toMatchObject({ status: 'active', stepId: 'wait' });
    expect(Date.parse(of(reader).nextRunAt!) - Date.now()).toBeGreaterThan(2 * 86_400_000 - 60_000);
    // The reader opens the e-mail: the pixel in its HTML records it (a forged token does nothing).
    const html = (await t.app.db.kysely.selectFrom('mailOutbox').select('html').where('toAddress', '=', 'reader@example.com').executeTakeFirstOrThrow()).html!;
    const pixel = /\/mail\/o\/(j\.[^"]+)\.gif"/.exec(html)![1]!;
    expect((await t.app.inject({ url: `/mail/o/${pixel.replace(/.$/, pixel.endsWith('x') ? 'y' : 'x')}.gif` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/mail/o/${pixel}.gif` })).headers['content-type']).toBe('image/gif');
    const click = /\/mail\/c\/(j\.[^"]+)"/.exec(html)![1]!;
    const followed = await t.app.inject({ url: `/mail/c/${click}` });
    expect([followed.statusCode, followed.headers.location]).toEqual([302, 'https://example.com/offer']);
    expect((await t.app.inject({ url: `/mail/c/${click.replace(/\.0\./, '.1.')}` })).statusCode).toBe(404);
    for (const e of enrolments) await endWait(t, e.id);
    await settle(t);
    const after = await enrolmentsOf(t, j.id);
    expect(after.find((e) => e.contactId === vip)).toMatchObject({ status: 'completed' });
    expect((await runsOf(t, of(vip).id)).map((r) => [r.stepId, r.outcome])).toEqual(expect.arrayContaining([['opened', 'no'], ['cold', 'done'], ['vip', 'yes'], ['stop', 'done']]));
    const readerNow = after.find((e) => e.contactId === reader)!;
    expect((await runsOf(t, readerNow.id)).map((r) => [r.stepId, r.outcome])).toEqual(expect.arrayContaining([['opened', 'yes'], ['hot', 'done'], ['vip', 'no']]));
    // The window wait ends on a weekday between 09:00 and 17:00 in the organisation's zone (UTC here).
    if (readerNow.status === 'active') {
      const at = new Date(readerNow.nextRunAt!);
      expect(at.getUTCDay()).toBeGreaterThanOrEqual(1);
      expect(at.getUTCDay()).toBeLessThanOrEqual(5);
      expect(at.getUTCHours() * 60 + at.getUTCMinutes()).toBeGreaterThanOrEqual(9 * 60);
      expect(at.getUTCHours()).toBeLessThan(17);
      await endWait(t, readerNow.id);
      await settle(t);
    }
    expect((await api(t, 'GET', `/contacts/${reader}`)).body.tags).toEqual(['opened', 'reached']);
    const stats = (await api(t, 'GET', `/journeys/${j.id}/analytics`)).body;
    expect(stats.steps.find((s: { stepId: string }) => s.stepId === 'opened')).toMatchObject({ yes: 1, no: 1, depth: 0 });
    expect(stats.steps.find((s: { stepId: string }) => s.stepId === 'hot')).toMatchObject({ done: 1, depth: 1 });
  });
});

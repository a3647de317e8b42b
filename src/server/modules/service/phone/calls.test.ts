// The call API on both engines: numbers normalised and matched to contacts (primary or listed phone), the call on the
// timeline and in a phone conversation, a missed call from a known customer as a task for the owner, idempotency by
// the telephony system's call id, hostile input refused, and the API key's scope enforced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let key: Record<string, string>;
let ownerId: string;
let contactId: string;
let listedId: string;

beforeAll(async () => {
  t = await startTestApp();
  key = { authorization: `Bearer ${(await t.json('POST', '/api/v1/api-keys', t.admin, { name: 'PBX', scopes: ['service:write'] })).body.key}` };
  const owner = await t.json('POST', '/api/v1/users', t.admin, { email: 'owner@example.com', name: 'Olivia Owner', password: 'owner-password-1', role: 'sales' });
  ownerId = owner.body.id;
  contactId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '王芳', phones: ['+86 138 0013 8000'], ownerId })).body.id;
  listedId = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Second Line', phones: ['+86 139 0000 1111', '+86 139 0000 2222'] })).body.id;
});
afterAll(() => t.close());

const call = (body: Record<string, unknown>, who = key) =>
  t.json('POST', '/api/v1/calls', who, { direction: 'inbound', to: '+86 10 6552 9988', startedAt: '2026-11-20T09:30:00+08:00', ...body });

describe('POST /calls', () => {
  it('matches the caller by E.164, logs the call on the timeline and in a phone conversation, once per call id', async () => {
    const first = await call({ callId: 'pbx-1', from: '138 0013 8000', durationSeconds: 125, recordingUrl: 'https://pbx.example.com/rec/1.mp3', transcript: '客户询问退款进度。' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ callId: 'pbx-1', from: '+8613800138000', to: '+861065529988', customerNumber: '+8613800138000', contactId, status: 'answered', startedAt: '2026-11-20T01:30:00.000Z', taskId: null });
    const timeline = (await t.json('GET', `/api/v1/interactions?contactId=${contactId}&type=call`, t.admin)).body.data;
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ id: first.body.interactionId, direction: 'inbound', durationSeconds: 125, outcome: 'answered', subject: 'Inbound call from +8613800138000 (2:05)' });
    expect(timeline[0].body).toContain('https://pbx.example.com/rec/1.mp3');
    expect(timeline[0].body).toContain('客户询问退款进度。');
    const db = (t.app as any).db;
    const conv = await db.kysely.selectFrom('conversations').selectAll().where('id', '=', first.body.conversationId).executeTakeFirst();
    expect(conv).toMatchObject({ channelKind: 'phone', contactId, externalThreadId: 'tel:+8613800138000' });
    const raw = await db.kysely.selectFrom('inboundRaw').selectAll().where('source', '=', 'call').execute();
    expect(raw.map((r: any) => JSON.parse(r.payload).callId)).toContain('pbx-1');

    const again = await call({ callId: 'pbx-1', from: '138 0013 8000', durationSeconds: 125 });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await t.json('GET', `/api/v1/interactions?contactId=${contactId}&type=call`, t.admin)).body.data).toHaveLength(1);
    const messages = await db.kysely.selectFrom('messages').select('id').where('conversationId', '=', conv.id).execute();
    expect(messages).toHaveLength(1);
  });

  it('a missed inbound call from a known customer becomes a call-back task for the owner; the second call threads into the same conversation', async () => {
    const missed = await call({ callId: 'pbx-2', from: '+8613800138000', status: 'missed' });
    expect(missed.status).toBe(201);
    expect(missed.body.taskId).toBeTruthy();
    const owner = await t.login('owner@example.com', 'owner-password-1');
    const tasks = (await t.json('GET', '/api/v1/tasks', owner)).body.data;
    expect(tasks).toEqual([expect.objectContaining({ id: missed.body.taskId, contactId, assigneeId: ownerId, done: false })]);
    expect(tasks[0].subject).toContain('missed call from +8613800138000');
    const db = (t.app as any).db;
    const first = await db.kysely.selectFrom('calls').select('conversationId').where('externalId', '=', 'pbx-1').executeTakeFirst();
    expect(missed.body.conversationId).toBe(first.conversationId);
    // Redelivered: still one task.
    expect((await call({ callId: 'pbx-2', from: '+8613800138000', status: 'missed' })).body.taskId).toBe(missed.body.taskId);
    expect((await t.json('GET', '/api/v1/tasks', owner)).body.data).toHaveLength(1);
  });

  it('matches a number listed among a contact\'s phones; outbound calls match the callee; unknown callers get no task', async () => {
    const out = await call({ callId: 'pbx-3', direction: 'outbound', from: '+86 10 6552 9988', to: '13900002222', durationSeconds: 30 });
    expect(out.body).toMatchObject({ contactId: listedId, customerNumber: '+8613900002222', direction: 'outbound' });
    const unknown = await call({ callId: 'pbx-4', from: '+1 415 555 0100', status: 'missed' });
    expect(unknown.status).toBe(201);
    expect(unknown.body).toMatchObject({ contactId: null, interactionId: null, taskId: null, customerNumber: '+14155550100' });
    expect(unknown.body.conversationId).toBeTruthy();
    const garbage = await call({ callId: 'pbx-5', from: 'anonymous' });
    expect(garbage.body).toMatchObject({ contactId: null, customerNumber: 'anonymous' });
  });

  it('refuses hostile input with problem+json and needs the service:write scope', async () => {
    const bad = await call({ callId: 'pbx-6', from: '+8613800138000', recordingUrl: 'javascript:alert(1)' });
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors[0].path).toBe('recordingUrl');
    expect((await call({ callId: 'pbx-7', from: '+8613800138000', durationSeconds: -5 })).status).toBe(422);
    expect((await call({ callId: 'x'.repeat(300), from: '+8613800138000' })).status).toBe(422);
    const readOnly = { authorization: `Bearer ${(await t.json('POST', '/api/v1/api-keys', t.admin, { name: 'ro', scopes: ['service:read'] })).body.key}` };
    const denied = await call({ callId: 'pbx-8', from: '+8613800138000' }, readOnly);
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toBe('This API key lacks the scope "service:write"');
  });
});

describe('a contact\'s calls', () => {
  it('follow a merge, are in the person\'s export and go with an erasure', async () => {
    const twin = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Caller Twin', phones: ['+86 137 0000 5555'] })).body.id;
    const keep = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Caller Kept' })).body.id;
    const c = await call({ callId: 'pbx-merge', from: '13700005555', transcript: '请回电' });
    expect(c.body.contactId).toBe(twin);
    expect((await t.json('POST', '/api/v1/contacts/merge', t.admin, { survivorId: keep, mergedIds: [twin], fields: { displayName: keep } })).status).toBeLessThan(300);
    const exported = await t.json('GET', `/api/v1/contacts/${keep}/data-export`, t.admin);
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).toContain('pbx-merge');
    expect(exported.body.related['service.calls']).toEqual([expect.objectContaining({ externalId: 'pbx-merge', transcript: '请回电' })]);
    expect((await t.json('POST', `/api/v1/contacts/${keep}/erase`, t.admin, { confirm: 'ERASE' })).status).toBe(200);
    const db = (t.app as any).db;
    expect(await db.kysely.selectFrom('calls').select('id').where('externalId', '=', 'pbx-merge').execute()).toEqual([]);
    const raws = await db.kysely.selectFrom('inboundRaw').select('payload').where('source', '=', 'call').execute();
    expect(raws.map((r: any) => JSON.parse(r.payload).callId)).not.toContain('pbx-merge');
  });
});

// The generic IM channel API on both engines: admin-managed channels with a secret shown once; signed inbound
// messages (bad or missing signature, replayed timestamp, oversize and malformed bodies refused with problem+json,
// the malformed one kept as a logged rejection); redeliveries stored once; agent replies POSTed signed to the
// connector's webhook through the outbound guard and retried until it answers.
process.env.RAPPORT_OUTBOX_LAG_MS = '0';
process.env.RAPPORT_CHANNEL_RETRY_BASE_MS = '1';
import { createServer, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { appendMessage } from '../conversations/append-message.js';
import { verifySignature } from '../../data/index.js';

let t: TestApp;
let receiver: Server;
const received: { body: string; signature: string }[] = [];
let failNext = 0;
let channel: { id: string; secret: string };

const sign = (secret: string, body: string, ts = Math.floor(Date.now() / 1000)) => `t=${ts},v1=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/json', ...headers }, payload: body });
const inbound = (body: string, signature = sign(channel.secret, body)) => post(`/api/v1/channels/${channel.id}/inbound`, body, { 'rapport-signature': signature });

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['rapport-signature']) });
      res.statusCode = failNext-- > 0 ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  t = await startTestApp({ outboundAllow: '127.0.0.1' });
  const created = await t.json('POST', '/api/v1/im-channels', t.admin, { kind: 'generic', name: 'WeChat bridge', config: { webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` } });
  expect(created.status).toBe(201);
  channel = created.body;
  await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Li Lei', emails: ['lilei@example.com'] });
});
afterAll(async () => {
  await t.close();
  receiver.close();
});

describe('channel management', () => {
  it('shows the secret once, and only admins manage channels', async () => {
    expect(channel.secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const list = await t.json('GET', '/api/v1/im-channels', t.admin);
    expect(list.body.data).toEqual([expect.objectContaining({ id: channel.id, kind: 'generic', enabled: true, inboundPath: `/api/v1/channels/${channel.id}/inbound` })]);
    expect(JSON.stringify(list.body)).not.toContain(channel.secret);
    await t.json('POST', '/api/v1/users', t.admin, { email: 'agent@example.com', name: 'Agent', password: 'agent-password-1', role: 'support' });
    const agent = await t.login('agent@example.com', 'agent-password-1');
    expect((await t.json('GET', '/api/v1/im-channels', agent)).status).toBe(403);
    const bad = await t.json('POST', '/api/v1/im-channels', t.admin, { kind: 'generic', name: 'x', config: { webhookUrl: 'ftp://example.com' } });
    expect(bad.status).toBe(422);
  });
});

describe('POST /channels/:id/inbound', () => {
  const msg = (id: string, text: string) => JSON.stringify({ messageId: id, threadId: 'wx-user-42', text, sender: { name: 'Li Lei', email: 'LiLei@example.com' } });

  it('stores a signed message in the thread\'s conversation, matched to the contact, once per messageId', async () => {
    const res = await inbound(msg('m1', '你好，我的订单还没到'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done' });
    expect((await inbound(msg('m1', '你好，我的订单还没到'))).statusCode).toBe(200);
    expect((await inbound(msg('m2', '请尽快处理'))).statusCode).toBe(200);
    const db = (t.app as any).db;
    const convs = await db.kysely.selectFrom('conversations').selectAll().where('channelId', '=', channel.id).execute();
    expect(convs).toHaveLength(1);
    expect(convs[0]).toMatchObject({ channelKind: 'im', externalThreadId: `${channel.id}:wx-user-42`, subject: 'Li Lei', unreadCount: 2 });
    expect(convs[0].contactId).toBeTruthy();
    const messages = await db.kysely.selectFrom('messages').select('bodyText').where('conversationId', '=', convs[0].id).orderBy('createdAt').execute();
    expect(messages.map((m: any) => m.bodyText)).toEqual(['你好，我的订单还没到', '请尽快处理']);
  });

  it('refuses a missing or wrong signature and a replayed timestamp, before storing anything', async () => {
    const db = (t.app as any).db;
    const before = (await db.kysely.selectFrom('inboundRaw').select('id').execute()).length;
    const body = msg('m3', 'x');
    const none = await post(`/api/v1/channels/${channel.id}/inbound`, body);
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect((await inbound(body, sign('not-the-secret', body))).statusCode).toBe(401);
    expect((await inbound(body.replace('"x"', '"y"'), sign(channel.secret, body))).statusCode).toBe(401);
    const replay = await inbound(body, sign(channel.secret, body, Math.floor(Date.now() / 1000) - 600));
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toContain('replay');
    expect((await db.kysely.selectFrom('inboundRaw').select('id').execute()).length).toBe(before);
    expect((await post('/api/v1/channels/01900000-0000-7000-8000-000000000000/inbound', body, { 'rapport-signature': sign(channel.secret, body) })).statusCode).toBe(404);
  });

  it('answers 413 for an oversize body and 400 for malformed JSON or a wrong shape, keeping the rejected body', async () => {
    const big = JSON.stringify({ messageId: 'big', threadId: 't', text: 'x'.repeat(70_000) });
    const tooBig = await inbound(big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.headers['content-type']).toContain('application/problem+json');
    const broken = await inbound('{"messageId": "m9", "text": ');
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    expect(broken.json()).toMatchObject({ title: 'Malformed JSON' });
    const wrong = await inbound(JSON.stringify({ messageId: 'm10' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toContain('threadId');
    const db = (t.app as any).db;
    const rejected = await db.kysely.selectFrom('inboundRaw').selectAll().where('channelId', '=', channel.id).where('state', '=', 'rejected').orderBy('receivedAt').execute();
    expect(rejected.map((r: any) => r.payload)).toEqual(['{"messageId": "m9", "text": ', '{"messageId":"m10"}']);
    expect(rejected[0].error).toBe('The body is not valid JSON.');
  });

  it('a disabled channel takes nothing', async () => {
    await t.json('PATCH', `/api/v1/im-channels/${channel.id}`, t.admin, { enabled: false });
    expect((await inbound(msg('m20', 'hi'))).statusCode).toBe(404);
    await t.json('PATCH', `/api/v1/im-channels/${channel.id}`, t.admin, { enabled: true });
  });
});

describe('agent replies', () => {
  it('are POSTed signed to the connector and retried until it answers 2xx', async () => {
    const db = (t.app as any).db;
    const conv = await db.kysely.selectFrom('conversations').select('id').where('channelId', '=', channel.id).executeTakeFirst();
    failNext = 1;
    const reply = await appendMessage(db, { channelKind: 'im', conversationId: conv.id }, { direction: 'out', authorKind: 'agent', bodyText: '您好，订单已发出。' });
    // A private note never leaves Rapport.
    await appendMessage(db, { channelKind: 'im', conversationId: conv.id }, { direction: 'out', authorKind: 'agent', bodyText: 'internal', private: true });
    await t.app.worker.drain();
    await new Promise((r) => setTimeout(r, 20));
    await t.app.worker.drain();
    expect(received.length).toBe(2);
    const last = received.at(-1)!;
    expect(verifySignature(channel.secret, last.body, last.signature)).toBe(true);
    expect(JSON.parse(last.body)).toMatchObject({ type: 'message.sent', threadId: 'wx-user-42', text: '您好，订单已发出。', messageId: reply.message.id, conversationId: conv.id });
    const delivery = await db.kysely.selectFrom('channelDeliveries').selectAll().where('messageId', '=', reply.message.id).executeTakeFirst();
    expect(delivery).toMatchObject({ status: 'sent', attempts: 2, lastStatusCode: 204 });
    expect((await db.kysely.selectFrom('messages').select('status').where('id', '=', reply.message.id).executeTakeFirst()).status).toBe('sent');
  });
});

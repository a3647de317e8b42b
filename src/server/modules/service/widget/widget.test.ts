// The chat widget's visitor side on a real database: sessions (anonymous, identified, tampered), a visitor sees only
// their own conversation, size and rate limits, CORS and allowed origins, the socket both ways, the transcript, and
// visitors matched to existing contacts by the e-mail they give.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import type { Db } from '../../../core/db/database.js';
import { identityHash } from './visitor-auth.js';
import { resetWidgetLimits, widgetLimits } from './widget-limits.js';

let t: TestApp;
let db: Db;
let channel: { id: string; secret: string };

const anon = () => `anon${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`.padEnd(20, 'x');
const post = (url: string, body: unknown, headers: Record<string, string> = {}) => t.json('POST', url, headers, body);
async function session(body: Record<string, unknown> = {}) {
  const res = await post('/widget/v1/session', { channelId: channel.id, anonymousId: anon(), ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { authorization: `Bearer ${res.body.token}` };
}

beforeAll(async () => {
  t = await startTestApp();
  db = (t.app as unknown as { db: Db }).db;
  const res = await t.json('POST', '/api/v1/widget-channels', t.admin, { name: 'Website', config: { botEnabled: false } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  channel = { id: res.body.id, secret: res.body.secret };
  expect(channel.secret.length).toBeGreaterThan(30);
  const listed = await t.json('GET', '/api/v1/widget-channels', t.admin);
  expect(JSON.stringify(listed.body)).not.toContain(channel.secret);
});
beforeEach(() => resetWidgetLimits());
afterAll(() => t.close());

describe('visitor sessions', () => {
  it('stores a visitor message in their conversation and shows the visitor only their own', async () => {
    const alice = await session({ name: 'Alice', email: 'alice@example.com', language: 'en' });
    const bob = await session();
    expect((await post('/widget/v1/messages', { bodyText: 'Alice here: my order 42?', clientId: 'alice-msg-0001' }, alice)).status).toBe(201);
    // A retried message (same client id) is stored once.
    expect((await post('/widget/v1/messages', { bodyText: 'Alice here: my order 42?', clientId: 'alice-msg-0001' }, alice)).status).toBe(201);
    expect((await post('/widget/v1/messages', { bodyText: 'Bob asks something else' }, bob)).status).toBe(201);
    const mine = await t.json('GET', '/widget/v1/messages', alice);
    expect(mine.body.messages.map((m: { bodyText: string }) => m.bodyText)).toEqual(['Alice here: my order 42?']);
    const his = await t.json('GET', '/widget/v1/messages', bob);
    expect(JSON.stringify(his.body)).not.toContain('Alice');
    // The agent sees it with the pre-chat name and answers; a private note never reaches the visitor.
    const conv = (await t.json('GET', '/api/v1/conversations?channel=chat', t.admin)).body.data.find((c: { visitorName: string | null }) => c.visitorName === 'Alice');
    expect(conv).toMatchObject({ visitorEmail: 'alice@example.com', unreadCount: 1, channelId: channel.id });
    await post(`/api/v1/conversations/${conv.id}/messages`, { bodyText: 'Internal: VIP', private: true }, t.admin);
    await post(`/api/v1/conversations/${conv.id}/messages`, { bodyText: 'It ships today.' }, t.admin);
    const after = await t.json('GET', '/widget/v1/messages', alice);
    expect(after.body.messages.map((m: { bodyText: string }) => m.bodyText)).toEqual(['Alice here: my order 42?', 'It ships today.']);
    expect(after.body.messages[1]).toMatchObject({ direction: 'out', authorKind: 'agent', authorName: expect.any(String) });
    expect(JSON.stringify(after.body)).not.toContain('authorId');
  });

  it('refuses forged, tampered and missing tokens, and identity tokens that do not match', async () => {
    const alice = await session();
    await post('/widget/v1/messages', { bodyText: 'secret of alice' }, alice);
    const token = alice.authorization.slice(7);
    const [body, sig] = token.split('.');
    // Another visitor's key in a token signed for Alice: the signature no longer matches.
    const forgedBody = Buffer.from(JSON.stringify([channel.id, 'anon:someone-else', Date.now() + 1e9])).toString('base64url');
    for (const bad of [`${forgedBody}.${sig}`, `${body}.${sig}x`, `${body}`, 'garbage', '']) {
      const res = await t.json('GET', '/widget/v1/messages', { authorization: `Bearer ${bad}` });
      expect(res.status, bad).toBe(401);
      expect(JSON.stringify(res.body)).not.toContain('secret of alice');
    }
    expect((await t.json('GET', '/widget/v1/messages', {})).status).toBe(401);
    const hash = identityHash(channel.secret, 'site-user-7');
    const ok = await post('/widget/v1/session', { channelId: channel.id, identity: { userId: 'site-user-7', hash, name: 'Known User', email: 'known@example.com' } });
    expect(ok.status).toBe(200);
    expect(ok.body.visitor).toMatchObject({ identified: true, name: 'Known User' });
    // The same user from another browser is the same visitor: one conversation.
    const h1 = { authorization: `Bearer ${ok.body.token}` };
    await post('/widget/v1/messages', { bodyText: 'from laptop' }, h1);
    const again = await post('/widget/v1/session', { channelId: channel.id, identity: { userId: 'site-user-7', hash } });
    const h2 = { authorization: `Bearer ${again.body.token}` };
    expect((await t.json('GET', '/widget/v1/messages', h2)).body.messages.map((m: { bodyText: string }) => m.bodyText)).toEqual(['from laptop']);
    for (const identity of [{ userId: 'site-user-8', hash }, { userId: 'site-user-7', hash: hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }, { userId: 'site-user-7', hash: 'nothex' }]) {
      const res = await post('/widget/v1/session', { channelId: channel.id, identity });
      expect(res.status).toBe(401);
      expect(res.body.detail).toBe('The identity token does not match this user');
    }
    expect((await post('/widget/v1/session', { channelId: 'no-such-channel', anonymousId: anon() })).status).toBe(404);
  });
});

describe('visitors matched to contacts', () => {
  it('gives the conversation the contact whose e-mail the visitor gave (pre-chat form, later, or identity)', async () => {
    // A contact only its owner's team may see: the visitor is matched all the same (they never see the contact).
    const team = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'Sales East' })).body.id;
    const owner = (await t.json('POST', '/api/v1/users', t.admin, { email: 'owner@widget.example.com', name: 'Owner', password: 'owner-password-1', role: 'sales', teamId: team })).body.id;
    const contact = async (displayName: string, emails: string[]) => {
      const res = await t.json('POST', '/api/v1/contacts', t.admin, { displayName, emails, ownerId: owner });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const liNa = await contact('Li Na', ['li.na@example.com']);
    const chen = await contact('Chen Jie', ['chen.work@example.com', 'chen.home@example.com']);
    const conversationOf = async (h: Record<string, string>, text: string) => {
      await post('/widget/v1/messages', { bodyText: text }, h);
      const list = (await t.json('GET', '/api/v1/conversations?channel=chat&limit=200', t.admin)).body.data as { id: string; lastMessagePreview: string; contactId: string | null; contactName: string | null }[];
      return list.find((c) => c.lastMessagePreview === text)!;
    };

    // The pre-chat form's e-mail, in another case.
    const first = await conversationOf(await session({ name: 'Li Na', email: 'Li.Na@Example.com' }), 'Where is my refund?');
    expect(first).toMatchObject({ contactId: liNa, contactName: 'Li Na' });
    // A ticket made from it has the contact as requester.
    const ticket = await t.json('POST', '/api/v1/tickets', t.admin, { subject: 'Refund', conversationId: first.id });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    expect(ticket.body.contactId).toBe(liNa);

    // No e-mail first: no contact; the e-mail given in a later session links the open conversation.
    const anonymousId = anon();
    const before = await conversationOf(await session({ anonymousId }), 'Hello, anyone there?');
    expect(before.contactId).toBeNull();
    await session({ anonymousId, email: 'chen.home@example.com' });
    expect((await t.json('GET', `/api/v1/conversations/${before.id}`, t.admin)).body.contactId).toBe(chen);

    // The site's identity token carries the e-mail.
    const hash = identityHash(channel.secret, 'shop-user-li');
    const ok = await post('/widget/v1/session', { channelId: channel.id, identity: { userId: 'shop-user-li', hash, email: 'li.na@example.com' } });
    const identified = await conversationOf({ authorization: `Bearer ${ok.body.token}` }, 'Logged in and asking');
    expect(identified.contactId).toBe(liNa);

    // An address no contact has leaves the conversation without one.
    const stranger = await conversationOf(await session({ email: 'nobody@example.com' }), 'I am new here');
    expect(stranger.contactId).toBeNull();
    // The visitor's own view names no contact.
    expect(JSON.stringify((await t.json('GET', '/widget/v1/messages', await session({ anonymousId }))).body)).not.toContain(chen);
  });
});

describe('abuse limits', () => {
  it('limits message size and rate per visitor', async () => {
    const v = await session();
    const big = await post('/widget/v1/messages', { bodyText: 'x'.repeat(4001) }, v);
    expect(big.status).toBe(422);
    const huge = await t.app.inject({ method: 'POST', url: '/widget/v1/messages', headers: { ...v, 'content-type': 'application/json' }, payload: JSON.stringify({ bodyText: 'y'.repeat(40_000) }) });
    expect(huge.statusCode).toBe(413);
    const burst = Math.ceil(widgetLimits.visitorPerMinute / 2);
    const statuses: number[] = [];
    for (let i = 0; i < burst + 2; i++) statuses.push((await post('/widget/v1/messages', { bodyText: `msg ${i}` }, v)).status);
    expect(statuses.slice(0, burst).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another visitor is not held back by the first one's limit.
    expect((await post('/widget/v1/messages', { bodyText: 'hello' }, await session())).status).toBe(201);
  });

  it('answers CORS preflights, and refuses origins not on the channel list', async () => {
    const pre = await t.app.inject({ method: 'OPTIONS', url: '/widget/v1/session', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(pre.headers['access-control-allow-headers'])).toContain('authorization');
    const restricted = await t.json('POST', '/api/v1/widget-channels', t.admin, { name: 'Shop only', config: { allowedOrigins: ['https://shop.example'] } });
    const ok = await post('/widget/v1/session', { channelId: restricted.body.id, anonymousId: anon() }, { origin: 'https://shop.example' });
    expect(ok.status).toBe(200);
    expect(ok.headers['set-cookie']).toBeUndefined();
    const other = await post('/widget/v1/session', { channelId: restricted.body.id, anonymousId: anon() }, { origin: 'https://evil.example' });
    expect(other.status).toBe(403);
    const msg = await post('/widget/v1/messages', { bodyText: 'x' }, { authorization: `Bearer ${ok.body.token}`, origin: 'https://evil.example' });
    expect(msg.status).toBe(403);
    // The app's session cookie means nothing here: no actor, no CSRF refusal, no cookie set.
    const withCookie = await post('/widget/v1/session', { channelId: channel.id, anonymousId: anon() }, { cookie: `rapport_session=${t.admin.authorization!.slice(7)}`, origin: 'https://any.example' });
    expect(withCookie.status).toBe(200);
  });
});

describe('live chat and transcript', () => {
  it('sends over the socket, acknowledges, and delivers the agent reply live; a bad token closes the socket', async () => {
    const url = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    const bad = new WebSocket(`${url}/widget/v1/live?token=forged`);
    expect(await new Promise((r) => bad.on('close', r))).toBe(4401);
    const v = await session({ name: 'Socket Sam' });
    const ws = new WebSocket(`${url}/widget/v1/live?token=${encodeURIComponent(v.authorization.slice(7))}`);
    const frames: any[] = [];
    ws.on('message', (d) => frames.push(JSON.parse(String(d))));
    await new Promise((r) => ws.on('open', r));
    ws.send(JSON.stringify({ type: 'message', bodyText: 'Hello over the socket', clientId: 'sock-0000001' }));
    ws.send(JSON.stringify({ type: 'message', bodyText: 'z'.repeat(5000), clientId: 'sock-0000002' }));
    ws.send('{not json');
    await expect.poll(() => frames.filter((f) => f.type === 'ack' || f.type === 'error').length).toBe(3);
    expect(frames.find((f) => f.clientId === 'sock-0000001')).toMatchObject({ type: 'ack', message: { bodyText: 'Hello over the socket' } });
    expect(frames.find((f) => f.clientId === 'sock-0000002')).toMatchObject({ type: 'error', status: 422 });
    const conv = (await t.json('GET', '/api/v1/conversations?channel=chat', t.admin)).body.data.find((c: { visitorName: string | null }) => c.visitorName === 'Socket Sam');
    await post(`/api/v1/conversations/${conv.id}/messages`, { bodyText: 'note only', private: true }, t.admin);
    await post(`/api/v1/conversations/${conv.id}/messages`, { bodyText: 'Hi Sam, live reply' }, t.admin);
    await expect.poll(() => frames.find((f) => f.type === 'message' && f.message.bodyText === 'Hi Sam, live reply')).toBeTruthy();
    expect(frames.some((f) => f.message?.bodyText === 'note only')).toBe(false);
    ws.close();
  });

  it('queues the transcript to the visitor through the mail outbox', async () => {
    const v = await session({ email: 'tx@example.com', language: 'zh-CN' });
    const before = process.env.SMTP_URL;
    try {
      delete process.env.SMTP_URL;
      expect((await post('/widget/v1/transcript', {}, v)).status).toBe(409);
      process.env.SMTP_URL = 'smtp://127.0.0.1:1';
      expect((await post('/widget/v1/transcript', {}, v)).status).toBe(409); // nothing said yet
      await post('/widget/v1/messages', { bodyText: '你好，我的订单呢？' }, v);
      const res = await post('/widget/v1/transcript', {}, v);
      expect(res.status).toBe(202);
      const mail = await db.kysely.selectFrom('mailOutbox').selectAll().where('kind', '=', 'widget.transcript').where('toAddress', '=', 'tx@example.com').executeTakeFirstOrThrow();
      expect(mail.subject).toContain('您的聊天记录');
      expect(mail.body).toContain('你好，我的订单呢？');
    } finally {
      if (before === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = before;
    }
  });
});

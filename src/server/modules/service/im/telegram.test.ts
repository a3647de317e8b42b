// The Telegram connector end to end on both engines, against a fake Bot API on loopback: an Update posted to the
// webhook with the secret token becomes a customer message; an agent's reply goes out through sendMessage to the
// configured API address and the message records Telegram's message id; a wrong secret token is refused.
process.env.RAPPORT_OUTBOX_LAG_MS = '0';
process.env.RAPPORT_CHANNEL_RETRY_BASE_MS = '1';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { appendMessage } from '../conversations/append-message.js';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
let t: TestApp;
let fake: Server;
const calls: { path: string; body: any }[] = [];
let channel: { id: string; secret: string };

const update = (id: number, text: string | undefined, extra: Record<string, unknown> = {}) => ({
  update_id: 10_000 + id,
  message: { message_id: id, date: 1_795_000_000 + id, chat: { id: 777_001, type: 'private' }, from: { id: 777_001, is_bot: false, first_name: '小明', last_name: '张', username: 'xiaoming', language_code: 'zh-hans' }, ...(text !== undefined && { text }), ...extra },
});
const webhook = (body: unknown, secret = channel.secret) =>
  t.app.inject({ method: 'POST', url: `/api/v1/channels/${channel.id}/telegram`, headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, payload: JSON.stringify(body) });

beforeAll(async () => {
  // The fake Bot API answers sendMessage as Telegram does: { ok, result: Message }.
  fake = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls.push({ path: req.url ?? '', body: JSON.parse(body) });
      res.setHeader('content-type', 'application/json');
      if (req.url !== `/bot${TOKEN}/sendMessage`) {
        res.statusCode = 404;
        return res.end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      }
      res.end(JSON.stringify({ ok: true, result: { message_id: 900 + calls.length, chat: { id: JSON.parse(body).chat_id }, date: 1_795_000_100, text: JSON.parse(body).text } }));
    });
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  t = await startTestApp({ outboundAllow: '127.0.0.1' });
  const res = await t.json('POST', '/api/v1/im-channels', t.admin, { kind: 'telegram', name: 'Support bot', config: { botToken: TOKEN, apiBaseUrl: `http://127.0.0.1:${(fake.address() as AddressInfo).port}` } });
  expect(res.status).toBe(201);
  channel = res.body;
});
afterAll(async () => {
  await t.close();
  fake.close();
});

describe('Telegram connector', () => {
  it('takes an Update with the secret token, and sends the agent reply through sendMessage', async () => {
    expect(channel).toMatchObject({ kind: 'telegram', inboundPath: `/api/v1/channels/${channel.id}/telegram`, config: { botTokenHint: '123456789:…' } });
    expect(JSON.stringify((await t.json('GET', '/api/v1/im-channels', t.admin)).body)).not.toContain(TOKEN);
    const stored = await (t.app as any).db.kysely.selectFrom('service_channels').select(['config', 'secret']).where('id', '=', channel.id).executeTakeFirst();
    expect(stored.config).not.toContain(TOKEN.split(':')[1]); // encrypted at rest, as is the secret
    expect(stored.secret).not.toContain(channel.secret);
    const res = await webhook(update(1, '我想退货'));
    expect(res.statusCode).toBe(200);
    expect((await webhook(update(1, '我想退货'))).statusCode).toBe(200); // Telegram retries: stored once
    const db = (t.app as any).db;
    const conv = await db.kysely.selectFrom('conversations').selectAll().where('channelId', '=', channel.id).executeTakeFirstOrThrow();
    expect(conv).toMatchObject({ channelKind: 'im', externalThreadId: `${channel.id}:777001`, subject: '小明 张 (@xiaoming)', language: 'zh-CN', unreadCount: 1 });
    const inbound = await db.kysely.selectFrom('messages').selectAll().where('conversationId', '=', conv.id).execute();
    expect(inbound).toEqual([expect.objectContaining({ bodyText: '我想退货', externalId: '1', direction: 'in', createdAt: new Date((1_795_000_000 + 1) * 1000).toISOString() })]);

    const reply = await appendMessage(db, { channelKind: 'im', conversationId: conv.id }, { direction: 'out', authorKind: 'agent', bodyText: '好的，请提供订单号。' });
    await t.app.worker.drain();
    expect(calls).toEqual([{ path: `/bot${TOKEN}/sendMessage`, body: { chat_id: 777001, text: '好的，请提供订单号。' } }]);
    const sent = await db.kysely.selectFrom('messages').select(['status', 'externalId']).where('id', '=', reply.message.id).executeTakeFirst();
    expect(sent).toEqual({ status: 'sent', externalId: '901' });

    // The customer answers: same conversation.
    await webhook(update(2, 'A-1042'));
    expect((await db.kysely.selectFrom('messages').select('id').where('conversationId', '=', conv.id).execute()).length).toBe(3);
  });

  it('refuses a wrong or missing secret token; acknowledges updates without text; rejects a body that is no Update', async () => {
    expect((await webhook(update(3, 'hi'), 'wrong')).statusCode).toBe(401);
    const none = await t.app.inject({ method: 'POST', url: `/api/v1/channels/${channel.id}/telegram`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(update(3, 'hi')) });
    expect(none.statusCode).toBe(401);
    const sticker = await webhook(update(4, undefined, { sticker: { file_id: 'x' } }));
    expect(sticker.statusCode).toBe(200);
    const edited = await webhook({ update_id: 20_000, edited_message: update(5, 'edited').message });
    expect(edited.statusCode).toBe(200);
    const db = (t.app as any).db;
    const texts = (await db.kysely.selectFrom('messages as m').innerJoin('conversations as c', 'c.id', 'm.conversationId').select('m.bodyText').where('c.channelId', '=', channel.id).execute()).map((m: any) => m.bodyText);
    expect(texts).not.toContain('edited');
    const notAnUpdate = await webhook({ hello: 'world' });
    expect(notAnUpdate.statusCode).toBe(400);
    expect(notAnUpdate.json().detail).toContain('update_id');
    // A generic channel's inbound path does not take a Telegram channel's id.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/channels/${channel.id}/inbound`, headers: { 'content-type': 'application/json' }, payload: '{}' })).statusCode).toBe(404);
  });

  it('checks the bot token format and keeps the token when other settings change', async () => {
    expect((await t.json('POST', '/api/v1/im-channels', t.admin, { kind: 'telegram', name: 'x', config: { botToken: 'nope' } })).status).toBe(422);
    const renamed = await t.json('PATCH', `/api/v1/im-channels/${channel.id}`, t.admin, { name: 'Renamed bot' });
    expect(renamed.body).toMatchObject({ name: 'Renamed bot', config: { botTokenHint: '123456789:…' } });
    const rotated = await t.json('POST', `/api/v1/im-channels/${channel.id}/rotate-secret`, t.admin);
    expect(rotated.body.secret).not.toBe(channel.secret);
    expect((await webhook(update(6, 'old secret'))).statusCode).toBe(401);
    expect((await webhook(update(6, 'new secret'), rotated.body.secret)).statusCode).toBe(200);
  });
});

// Real-time fan-out: on PostgreSQL two Rapport servers on one schema (each with its own LISTEN connection) — a
// message stored through server A reaches a WebSocket client of server B; on SQLite the in-process bus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { engine, startTestApp, type TestApp } from '../../test/test-app.js';
import { createServer } from '../../server.js';
import { openRealtimeHub, publish, RealtimePayloadTooLarge } from './realtime.js';

let a: TestApp;
let b: FastifyInstance | undefined;
const bDir = mkdtempSync(path.join(tmpdir(), 'rapport-rt-'));

beforeAll(async () => {
  a = await startTestApp();
});
afterAll(async () => {
  await b?.close();
  await a.close();
  rmSync(bDir, { recursive: true, force: true });
});

describe('publish and subscribe', () => {
  it('delivers to every hub on the database and refuses payloads NOTIFY cannot carry', async () => {
    const hub = openRealtimeHub(a.app.db);
    await hub.ready;
    const got: unknown[] = [];
    const off = hub.subscribe('test.topic', (p) => got.push(p));
    hub.subscribe('other.topic', () => got.push('wrong topic'));
    await publish(a.app.db, 'test.topic', { n: 1 });
    await expect.poll(() => got).toEqual([{ n: 1 }]);
    off();
    await publish(a.app.db, 'test.topic', { n: 2 });
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual([{ n: 1 }]);
    await expect(publish(a.app.db, 'test.topic', { big: 'x'.repeat(9000) })).rejects.toThrow(RealtimePayloadTooLarge);
    await hub.close();
  });
});

describe.runIf(engine === 'postgres')('two servers on one PostgreSQL schema', () => {
  it('a message stored through server A reaches a WebSocket client of server B', async () => {
    b = await createServer({ databaseUrl: a.databaseUrl, dataDir: bDir, logLevel: 'silent', webDir: path.join(bDir, 'no-web'), adminEmail: '', adminPassword: '', worker: 'manual', outboundAllow: '' });
    await b.realtime.ready;
    const bUrl = (await b.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    // A widget visitor on server B and an agent on server B; everything is written through server A.
    const channel = (await a.json('POST', '/api/v1/widget-channels', a.admin, { name: 'Two servers', config: { botEnabled: false } })).body;
    const s = await a.json('POST', '/widget/v1/session', {}, { channelId: channel.id, anonymousId: 'two-servers-visitor-1' });
    const visitorToken = s.body.token as string;
    const agent = new WebSocket(`${bUrl}/api/v1/inbox/live`, { headers: a.admin });
    const visitor = new WebSocket(`${bUrl}/widget/v1/live?token=${encodeURIComponent(visitorToken)}`);
    const agentFrames: any[] = [];
    const visitorFrames: any[] = [];
    agent.on('message', (d) => agentFrames.push(JSON.parse(String(d))));
    visitor.on('message', (d) => visitorFrames.push(JSON.parse(String(d))));
    await expect.poll(() => agentFrames.some((f) => f.type === 'ready') && visitorFrames.some((f) => f.type === 'ready')).toBe(true);

    const sent = await a.json('POST', '/widget/v1/messages', { authorization: `Bearer ${visitorToken}` }, { bodyText: 'stored through server A' });
    expect(sent.status).toBe(201);
    await expect.poll(() => agentFrames.find((f) => f.message?.bodyText === 'stored through server A')).toBeTruthy();
    const reply = await a.json('POST', `/api/v1/conversations/${sent.body.conversationId}/messages`, a.admin, { bodyText: 'agent reply through server A' });
    expect(reply.status).toBe(201);
    await expect.poll(() => visitorFrames.find((f) => f.message?.bodyText === 'agent reply through server A')).toBeTruthy();
    // A long message travels as its id and server B reads it from the database.
    const long = 'long '.repeat(3000);
    await a.json('POST', `/api/v1/conversations/${sent.body.conversationId}/messages`, a.admin, { bodyText: long });
    await expect.poll(() => visitorFrames.find((f) => f.message?.bodyText === long.trim())).toBeTruthy();
    agent.close();
    visitor.close();
  });
});

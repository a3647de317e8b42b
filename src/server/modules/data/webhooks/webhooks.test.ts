// Webhooks end to end: a real local HTTP receiver checks the signature; a failing receiver gets retries with backoff.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { verifySignature } from './webhook-signature.js';
import { backoffMs } from './webhook-delivery.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';
process.env.RAPPORT_WEBHOOK_RETRY_BASE_MS = '1';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

let t: TestApp;
let server: Server;
let url: string;
const received: Received[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  t = await startTestApp({ outboundAllow: '127.0.0.1' }); // the receiver is local
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(503).end('busy');
      } else res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => server.close(r));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('webhooks', () => {
  it('delivers subscribed events signed with HMAC-SHA256, and only those', async () => {
    const hook = await t.json('POST', '/api/v1/webhooks', t.admin, { url, events: ['contact.created', 'contact.deleted'] });
    expect(hook.status).toBe(201);
    expect(hook.body.secret).toMatch(/^whsec_/);
    expect((await t.json('POST', '/api/v1/webhooks', t.admin, { url: 'ftp://x', events: ['contact.created'] })).body.errors[0].path).toBe('url');
    const c = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: '周杰' })).body;
    await t.json('PATCH', `/api/v1/contacts/${c.id}`, t.admin, { title: 'x' }); // contact.updated: not subscribed
    await t.app.worker.drain();
    const mine = received.filter((r) => r.headers['rapport-event'] === 'contact.created');
    expect(mine).toHaveLength(1);
    expect(received.some((r) => r.headers['rapport-event'] === 'contact.updated')).toBe(false);
    const event = JSON.parse(mine[0]!.body);
    expect(event).toMatchObject({ type: 'contact.created', data: { id: c.id, displayName: '周杰' } });
    const sig = String(mine[0]!.headers['rapport-signature']);
    expect(verifySignature(hook.body.secret, mine[0]!.body, sig)).toBe(true);
    expect(verifySignature(hook.body.secret, mine[0]!.body.replace('周杰', '周董'), sig)).toBe(false);
    expect(verifySignature('whsec_wrong', mine[0]!.body, sig)).toBe(false);
    const log = await t.json('GET', `/api/v1/webhooks/${hook.body.id}/deliveries`, t.admin);
    expect(log.body.data[0]).toMatchObject({ eventType: 'contact.created', status: 'delivered', attempts: 1, lastStatusCode: 200 });
    await t.json('DELETE', `/api/v1/webhooks/${hook.body.id}`, t.admin);
  });

  it('retries a failing receiver with backoff until it succeeds, and logs every attempt', async () => {
    expect(backoffMs(1)).toBe(1);
    expect(backoffMs(4)).toBe(8);
    const hook = (await t.json('POST', '/api/v1/webhooks', t.admin, { url, events: ['*'] })).body;
    failuresLeft = 2;
    const before = received.length;
    await t.json('POST', '/api/v1/companies', t.admin, { name: 'Retry Co' });
    for (let i = 0; i < 20; i++) {
      await t.app.worker.drain();
      const log = await t.json('GET', `/api/v1/webhooks/${hook.id}/deliveries`, t.admin);
      if (log.body.data[0]?.status === 'delivered') break;
      await sleep(20);
    }
    const log = await t.json('GET', `/api/v1/webhooks/${hook.id}/deliveries`, t.admin);
    expect(log.body.data[0]).toMatchObject({ eventType: 'company.created', status: 'delivered', attempts: 3, lastStatusCode: 200 });
    expect(received.length - before).toBe(3);
  });

  it('lists the event types a subscription can name', async () => {
    const res = await t.json('GET', '/api/v1/webhooks/event-types', t.admin);
    expect(res.status).toBe(200);
    expect(res.body.data).toContain('contact.created');
    expect(res.body.data).toContain('deal.stage_changed');
  });

  it('is admin-only', async () => {
    await t.json('POST', '/api/v1/users', t.admin, { email: 's@example.com', name: 's', password: 'password-123', role: 'sales' });
    expect((await t.json('GET', '/api/v1/webhooks', await t.login('s@example.com', 'password-123'))).status).toBe(403);
  });
});

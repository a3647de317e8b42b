// Webhooks never reach inside the network: a loopback/private/metadata URL is refused when saved (422), and one that
// got saved anyway (before this guard, or by DNS changing later) is refused at delivery, with nothing sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';

let t: TestApp;
let receiver: Server;
let local: string;
let hits = 0;

beforeAll(async () => {
  t = await startTestApp(); // no RAPPORT_OUTBOUND_ALLOW: loopback is forbidden
  receiver = createServer((req, res) => {
    hits++;
    req.resume();
    res.end('ok');
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  local = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => receiver.close(r));
});

describe('webhook targets', () => {
  it.each([
    ['loopback', () => local],
    ['loopback', () => `http://localhost:${new URL(local).port}/hook`],
    ['loopback', () => 'http://[::1]/hook'],
    ['loopback', () => 'http://2130706433/hook'],
    ['loopback', () => 'http://[::ffff:7f00:1]/hook'],
    ['link-local', () => 'http://169.254.169.254/latest/meta-data/'],
    ['private', () => 'https://10.0.0.7/hook'],
    ['private', () => 'http://192.168.1.1/'],
    ['carrier-grade NAT', () => 'http://100.64.1.1/'],
  ])('refuses a %s URL when it is saved: %s', async (kind, url) => {
    const res = await t.json('POST', '/api/v1/webhooks', t.admin, { url: url(), events: ['*'] });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toMatch(new RegExp(`^The host \\S+ resolves to a ${kind} address \\(.+\\), which Rapport does not fetch; an operator can allow it with RAPPORT_OUTBOUND_ALLOW$`));
    expect(res.body.errors[0].path).toBe('url');
  });

  it('refuses changing a webhook to a private URL, and accepts a public host that does not resolve yet', async () => {
    const hook = await t.json('POST', '/api/v1/webhooks', t.admin, { url: 'https://hooks.example.invalid/rapport', events: ['*'] });
    expect(hook.status).toBe(201);
    const patched = await t.json('PATCH', `/api/v1/webhooks/${hook.body.id}`, t.admin, { url: 'http://172.16.0.1/x' });
    expect(patched.status).toBe(422);
    expect(patched.body.detail).toContain('resolves to a private address (172.16.0.1)');
    await t.json('DELETE', `/api/v1/webhooks/${hook.body.id}`, t.admin);
  });

  it('refuses at delivery time a saved URL that points inside, and sends nothing to it', async () => {
    const hook = (await t.json('POST', '/api/v1/webhooks', t.admin, { url: 'https://hooks.example.invalid/rapport', events: ['contact.created'] })).body;
    // As if saved before the guard existed (or its name now resolved to 127.0.0.1).
    await t.app.db.kysely.updateTable('webhooks').set({ url: local }).where('id', '=', hook.id).execute();
    await t.json('POST', '/api/v1/contacts', t.admin, { displayName: 'Probe Person' });
    await t.app.worker.drain();
    const log = (await t.json('GET', `/api/v1/webhooks/${hook.id}/deliveries`, t.admin)).body.data;
    expect(log[0]).toMatchObject({ eventType: 'contact.created', status: 'pending', attempts: 1, lastStatusCode: null });
    expect(log[0].lastError).toBe('The host 127.0.0.1 resolves to a loopback address (127.0.0.1), which Rapport does not fetch; an operator can allow it with RAPPORT_OUTBOUND_ALLOW');
    expect(hits).toBe(0);
  });
});

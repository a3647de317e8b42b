// safeFetch against real local HTTP servers: loopback refused unless the operator allows it, every redirect hop
// checked (an allowed server cannot bounce us to one that is not), bodies cut off past the limit, slow servers timed out.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureOutbound } from './outbound-policy.js';
import { safeFetch } from './safe-fetch.js';

const servers: Server[] = [];
async function serve(host: string, handler: RequestListener): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, host, r));
  return `http://${host}:${(s.address() as AddressInfo).port}`;
}

let allowed: string; // on 127.0.0.1, which the tests allow
let other: string; // on 127.0.0.2, which they never allow
let otherHits = 0;
beforeAll(async () => {
  other = await serve('127.0.0.2', (_req, res) => {
    otherHits++;
    res.end('internal secret');
  });
  allowed = await serve('127.0.0.1', (req, res) => {
    const u = new URL(req.url!, 'http://x');
    if (u.pathname === '/ok') return void res.end('name\nAda\n');
    if (u.pathname === '/to-other') return void res.writeHead(302, { location: `${other}/secret` }).end();
    if (u.pathname === '/to-ok') return void res.writeHead(301, { location: '/ok' }).end();
    if (u.pathname === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (u.pathname === '/big') {
      res.write('x'.repeat(600));
      return void res.end('x'.repeat(600)); // chunked: no Content-Length to refuse up front
    }
    if (u.pathname === '/big-declared') return void res.writeHead(200, { 'content-length': '5000' }).end('y'.repeat(5000));
    if (u.pathname === '/slow-head') return void setTimeout(() => res.end('late'), 1500);
    if (u.pathname === '/slow-body') {
      res.write('start');
      return void setTimeout(() => res.end('end'), 1500);
    }
    res.writeHead(404).end();
  });
});
afterEach(() => configureOutbound([]));
afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

const opts = { maxBytes: 1000, timeoutMs: 800 };

describe('safeFetch', () => {
  it('refuses a loopback server by address and by name when nothing is allowed', async () => {
    await expect(safeFetch(`${allowed}/ok`, opts)).rejects.toThrow('The host 127.0.0.1 resolves to a loopback address (127.0.0.1), which Rapport does not fetch; an operator can allow it with RAPPORT_OUTBOUND_ALLOW');
    const port = new URL(allowed).port;
    // A name goes through DNS: the lookup refuses before any connection is made.
    await expect(safeFetch(`http://localhost:${port}/ok`, opts)).rejects.toThrow(/The host localhost resolves to a loopback address \((127\.0\.0\.1|::1)\)/);
  });

  it('fetches an allowed server and follows a redirect that stays allowed', async () => {
    configureOutbound(['127.0.0.1']);
    const res = await safeFetch(`${allowed}/to-ok`, opts);
    expect(res.status).toBe(200);
    expect(res.url.pathname).toBe('/ok');
    expect(await text(res.body)).toBe('name\nAda\n');
  });

  it('checks every redirect hop: an allowed server cannot send us to a loopback address that is not allowed', async () => {
    configureOutbound(['127.0.0.1']);
    await expect(safeFetch(`${allowed}/to-other`, opts)).rejects.toThrow('The host 127.0.0.2 resolves to a loopback address (127.0.0.2), which Rapport does not fetch');
    expect(otherHits).toBe(0);
    // The same server is reachable when the operator allows it: the refusal above was the hop check.
    configureOutbound(['127.0.0.0/8']);
    expect(await text((await safeFetch(`${allowed}/to-other`, opts)).body)).toBe('internal secret');
    expect(otherHits).toBe(1);
  });

  it('hands a redirect back when asked not to follow, and stops an endless one', async () => {
    configureOutbound(['127.0.0.1']);
    const res = await safeFetch(`${allowed}/to-other`, { ...opts, maxRedirects: 0, method: 'POST', body: '{}' });
    res.body.destroy();
    expect(res.status).toBe(302);
    await expect(safeFetch(`${allowed}/loop`, opts)).rejects.toThrow('The URL redirected more than 5 times');
  });

  it('cuts a body off past the size limit, declared or not', async () => {
    configureOutbound(['127.0.0.1']);
    await expect(text((await safeFetch(`${allowed}/big`, opts)).body)).rejects.toThrow(`The response from ${allowed} is larger than 1000 bytes`);
    await expect(text((await safeFetch(`${allowed}/big-declared`, opts)).body)).rejects.toThrow(`The response from ${allowed} is larger than 1000 bytes`);
  });

  it('times out a server slow to answer and one slow to finish its body', async () => {
    configureOutbound(['127.0.0.1']);
    const started = Date.now();
    await expect(safeFetch(`${allowed}/slow-head`, opts)).rejects.toThrow(`The server at ${allowed} did not answer within 1 s`);
    expect(Date.now() - started).toBeLessThan(1400);
    const res = await safeFetch(`${allowed}/slow-body`, opts);
    await expect(text(res.body)).rejects.toThrow(`The server at ${allowed} did not send the whole answer in time`);
  });

  it('says when a host does not exist or refuses the connection', async () => {
    await expect(safeFetch('http://no-such-host.invalid/x', opts)).rejects.toThrow('The host no-such-host.invalid could not be resolved');
    configureOutbound(['127.0.0.1']);
    await expect(safeFetch('http://127.0.0.1:9/x', opts)).rejects.toThrow('The server at http://127.0.0.1:9 could not be reached (ECONNREFUSED)');
  });
});

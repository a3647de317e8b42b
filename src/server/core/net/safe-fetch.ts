// The one way Rapport fetches a URL a user gave it: http(s) only, every resolved address checked and connected to
// (no second DNS lookup to rebind), redirects followed by hand and each hop checked, bounded in size and time.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Transform, type Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { checkUrl, refusal } from './outbound-policy.js';

export interface SafeFetchOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The response body is cut off (with an error) past this many bytes. */
  maxBytes: number;
  /** From the first connection to the last byte of the body, redirects included. */
  timeoutMs: number;
  connectTimeoutMs?: number;
  /** 0 hands a 3xx back to the caller (webhooks); GET follows at most this many. */
  maxRedirects?: number;
  /** The input field named in a refusal (a problem+json errors[].path). */
  field?: string;
}

export interface SafeResponse {
  status: number;
  /** Where the response came from, after redirects. */
  url: URL;
  headers: IncomingHttpHeaders;
  /** The size-limited body; read it or destroy it. */
  body: Readable;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A DNS lookup that fails unless every address the name resolves to may be fetched; the socket connects to those. */
function guardedLookup(field: string): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family, hints: options.hints }, (err, addresses) => {
      if (err) return callback(new AppError('validation', `The host ${hostname} could not be resolved`, [{ path: field, message: 'no such host' }]), '', 0);
      for (const a of addresses) {
        const refused = refusal(hostname, a.address, field);
        if (refused) return callback(refused, '', 0);
      }
      if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function timedOut(url: URL, ms: number) {
  return new AppError('bad_request', `The server at ${url.origin} did not answer within ${Math.ceil(ms / 1000)} s`);
}

function requestOnce(url: URL, o: SafeFetchOptions, method: string, deadline: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const field = o.field ?? 'url';
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(url, { method, headers: o.headers, lookup: guardedLookup(field), agent: false, signal: deadline });
    const connectMs = o.connectTimeoutMs ?? 10_000;
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => req.destroy(timedOut(url, connectMs)), connectMs);
      socket.once('connect', () => clearTimeout(timer)).once('close', () => clearTimeout(timer));
    });
    req.on('response', resolve);
    req.on('error', (err) => {
      if (err instanceof AppError) return reject(err);
      if (deadline.aborted) return reject(timedOut(url, o.timeoutMs));
      const code = (err as NodeJS.ErrnoException).code ?? err.message;
      reject(new AppError('bad_request', `The server at ${url.origin} could not be reached (${code})`));
    });
    req.end(method === 'POST' ? o.body : undefined);
  });
}

/** Counts the bytes going through and fails past the limit; a Content-Length over it fails before reading. */
function limited(res: IncomingMessage, url: URL, maxBytes: number, deadline: AbortSignal, done: () => void): Readable {
  const tooLarge = () => new AppError('payload_too_large', `The response from ${url.origin} is larger than ${maxBytes} bytes`);
  let seen = 0;
  const out = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      cb(seen > maxBytes ? tooLarge() : null, chunk);
    },
  });
  const onAbort = () => out.destroy(new AppError('bad_request', `The server at ${url.origin} did not send the whole answer in time`));
  deadline.addEventListener('abort', onAbort, { once: true });
  out.on('close', () => {
    deadline.removeEventListener('abort', onAbort);
    res.destroy();
    done();
  });
  res.on('error', (err) => out.destroy(err instanceof AppError ? err : new AppError('bad_request', `The answer from ${url.origin} broke off`)));
  if (Number(res.headers['content-length'] ?? 0) > maxBytes) process.nextTick(() => out.destroy(tooLarge()));
  else res.pipe(out);
  return out;
}

export async function safeFetch(input: string | URL, o: SafeFetchOptions): Promise<SafeResponse> {
  const field = o.field ?? 'url';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), o.timeoutMs).unref();
  let url = checkUrl(input, field);
  let method: string = o.method ?? 'GET';
  try {
    for (let hop = 0; ; hop++) {
      const res = await requestOnce(url, o, method, controller.signal);
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && (o.maxRedirects ?? 5) > 0) {
        res.resume();
        if (hop >= (o.maxRedirects ?? 5)) throw new AppError('bad_request', `The URL redirected more than ${o.maxRedirects ?? 5} times`);
        const location = res.headers.location;
        if (!location || !URL.canParse(location, url.href)) throw new AppError('bad_request', `The server at ${url.origin} redirected without a valid Location`);
        // Each hop is checked like the first: a public host may redirect to a private one.
        url = checkUrl(new URL(location, url), field);
        if (status === 303 || method === 'POST') method = 'GET';
        continue;
      }
      return { status, url, headers: res.headers, body: limited(res, url, o.maxBytes, controller.signal, () => clearTimeout(timer)) };
    }
  } catch (err) {
    clearTimeout(timer);
    throw err;
  }
}

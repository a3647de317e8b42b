// Security headers on every answer (pages, API, errors): a CSP the built web app and Swagger UI work under, no
// framing, no MIME sniffing, a referrer policy that keeps Origin on same-origin posts, and HSTS only over HTTPS.
// helmet decides the headers once at start-up; each request only copies them (the Fastify plugin rebuilt helmet's
// middleware, CSP parsing included, on every request: about 5 % of a small public request's CPU).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { isHttpsRequest } from './public-origin.js';

const directives = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  // Mantine and Swagger UI set styles inline.
  styleSrc: ["'self'", "'unsafe-inline'"],
  // The favicon and Swagger UI's icons are data: URLs.
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  // 'self' also covers the same-origin WebSocket (/ws).
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // helmet adds upgrade-insecure-requests by default: it would break a server reached over plain http on a LAN.
  upgradeInsecureRequests: null,
};

const options: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: true, directives },
  frameguard: { action: 'deny' },
  // Not no-referrer: under it browsers send "Origin: null" on the app's own POSTs, which the CSRF guard refuses.
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  // Sent below, only when the request arrived over HTTPS: over plain http it would pin nothing and mislead.
  strictTransportSecurity: false,
};

/** The headers helmet sets for these options (none of them depends on the request), in the order it sets them. */
function helmetHeaders(): [string, string][] {
  const headers = new Map<string, string>();
  const res = { setHeader: (name: string, value: unknown) => void headers.set(name.toLowerCase(), String(value)), removeHeader: (name: string) => void headers.delete(name.toLowerCase()) };
  let finished = false;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, () => void (finished = true));
  if (!finished) throw new Error('helmet did not finish synchronously: its headers would depend on the request');
  return [...headers];
}

/** For answers Fastify writes before any hook runs (a malformed URL, an oversized request line). */
export const fallbackSecurityHeaders: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = helmetHeaders();
  app.addHook('onRequest', (req, reply, done) => {
    // On the raw response, so they survive an error answer.
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    if (isHttpsRequest(req)) reply.raw.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    done();
  });
}

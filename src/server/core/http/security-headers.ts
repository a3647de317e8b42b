// Security headers on every answer (pages, API, errors): a CSP the built web app and Swagger UI work under, no
// framing, no MIME sniffing, a referrer policy that keeps Origin on same-origin posts, and HSTS only over HTTPS.
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
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

/** For answers Fastify writes before any hook runs (a malformed URL, an oversized request line). */
export const fallbackSecurityHeaders: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: true, directives },
    frameguard: { action: 'deny' },
    // Not no-referrer: under it browsers send "Origin: null" on the app's own POSTs, which the CSRF guard refuses.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Sent below, only when the request arrived over HTTPS: over plain http it would pin nothing and mislead.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (req, reply) => {
    // On the raw response, like helmet's own headers, so it survives an error answer.
    if (isHttpsRequest(req)) reply.raw.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}

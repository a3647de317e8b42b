// Refuses cross-site requests that would act with the browser's session cookie (CSRF) or log a browser into
// someone else's account (login CSRF): an unsafe /api request must come from a page of this server's own origin.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { originOf, ownOrigins } from './public-origin.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Where the request says it comes from: the Origin header, else the Referer's origin; undefined when it says
 * nothing, null when what it says is no http(s) origin (Origin: null from sandboxed frames and file: pages). */
function claimedOrigin(req: FastifyRequest): string | null | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined) return originOf(origin);
  const referer = req.headers.referer;
  return referer === undefined ? undefined : originOf(referer);
}

/** Registered after @fastify/cookie (it reads the parsed cookie) and before the auth hook, so a forged request
 * costs no session lookup and reaches no handler. */
export function installCsrfGuard(app: FastifyInstance): void {
  // A plain (not async) hook: it runs on every request, and nothing in it waits; a throw refuses the request.
  app.addHook('onRequest', (req, _reply, done) => {
    // The matched route's pattern, not the raw URL: the router also matches an escaped path (/%61pi/v1/…).
    const path = req.routeOptions.url ?? req.url;
    if (!unsafeMethods.has(req.method) || !path.startsWith('/api/')) return done();
    // A Bearer token is a header no cross-site form or simple fetch can add, and the auth hook then ignores the cookie.
    if (req.headers.authorization?.startsWith('Bearer ')) return done();
    const withCookie = Boolean(req.cookies?.[SESSION_COOKIE]);
    const origin = claimedOrigin(req);
    // Scripts without a cookie and without an Origin (curl logging in) forge nothing; browsers always send Origin.
    if (origin === undefined && !withCookie) return done();
    if (origin && ownOrigins(req).includes(origin)) return done();
    throw new AppError('forbidden', "Cross-site request refused: it did not come from this server's own pages (Origin or Referer must be this server's address)");
  });
}

// What this server's own origin is, and whether a request reached it over HTTPS: shared by the CSRF guard, the
// session cookie's Secure flag and HSTS.
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** RAPPORT_PUBLIC_URL, normalised; null when the operator did not set one. */
    publicUrl: string | null;
  }
}

export function decoratePublicUrl(app: FastifyInstance, publicUrl: string | undefined): void {
  app.decorate('publicUrl', publicUrl ?? null);
}

/** https when the public URL says so, or the connection (or a trusted proxy's X-Forwarded-Proto) does. */
export function isHttpsRequest(req: FastifyRequest): boolean {
  return req.server.publicUrl?.startsWith('https:') === true || req.protocol === 'https';
}

/** The origins whose pages may act with this server's cookie: the public URL's, and the one the request was sent
 * to (scheme + Host). A page can only match the latter by being served from that very scheme, host and port. */
export function ownOrigins(req: FastifyRequest): string[] {
  const origins: string[] = [];
  if (req.server.publicUrl) origins.push(new URL(req.server.publicUrl).origin);
  const here = originOf(`${req.protocol}://${req.host}`);
  if (here) origins.push(here);
  return origins;
}

/** The serialised origin of a URL (default ports dropped), or null when it is not an http(s) URL. */
export function originOf(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const u = new URL(url);
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
}

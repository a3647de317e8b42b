// Resolves the acting user of every request from the session cookie, a Bearer session token or an API key, then
// enforces what the route declares (login, role, API-key scope).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, sessionUserId } from '../../core/auth/sessions.js';
import { loadActor } from './user-repository.js';
import { actorForApiKey, isApiKeyToken } from './api-keys.js';
import { assertRouteAccess } from '../../core/auth/route-access.js';

export function installAuthHook(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('reauthenticate', null);
  const authenticate = async (req: FastifyRequest) => {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.cookies?.[SESSION_COOKIE];
    if (token && isApiKeyToken(token)) {
      req.actor = await actorForApiKey(app.db, token);
      req.reauthenticate = req.actor ? () => actorForApiKey(app.db, token) : null;
    } else if (token) {
      const resolve = async () => {
        const userId = await sessionUserId(app.db.kysely, token);
        return userId ? loadActor(app.db.kysely, userId) : null;
      };
      req.actor = await resolve();
      req.sessionToken = req.actor ? token : null;
      req.reauthenticate = req.actor ? resolve : null;
    }
    // Before the body is validated, so a caller who may not use a route learns nothing from its validation errors.
    assertRouteAccess(req);
  };
  // A plain hook that only starts the async work for /api routes: every other request (pages, tracking, widget) skips it
  // without a promise.
  app.addHook('onRequest', (req, _reply, done) => {
    // The matched route, not the raw URL: the router also matches an escaped path such as /%61pi/v1/….
    if (!(req.routeOptions?.url ?? req.url).startsWith('/api/')) return done();
    authenticate(req).then(() => done(), done);
  });
}

// Resolves the acting user of every request from the session cookie, a Bearer session token or an API key.
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, sessionUserId } from '../../core/auth/sessions.js';
import { loadActor } from './user-repository.js';
import { actorForApiKey, assertKeyScope, isApiKeyToken } from './api-keys.js';

export function installAuthHook(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.cookies?.[SESSION_COOKIE];
    if (!token) return;
    if (isApiKeyToken(token)) {
      req.actor = await actorForApiKey(app.db, token);
      if (req.actor) assertKeyScope(req.actor, req.method, req.url);
      return;
    }
    const userId = await sessionUserId(app.db.kysely, token);
    if (!userId) return;
    req.actor = await loadActor(app.db.kysely, userId);
    req.sessionToken = req.actor ? token : null;
  });
}

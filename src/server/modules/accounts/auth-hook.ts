// Resolves the acting user of every request from the session cookie or a Bearer token.
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, sessionUserId } from '../../core/auth/sessions.js';
import { loadActor } from './user-repository.js';

export function installAuthHook(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const userId = await sessionUserId(app.db.kysely, token);
    if (!userId) return;
    req.actor = await loadActor(app.db.kysely, userId);
    req.sessionToken = req.actor ? token : null;
  });
}

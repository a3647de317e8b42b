// HTTP routes of login, logout, first-run setup and the current user.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE, SESSION_DAYS, createSession, deleteSession } from '../../core/auth/sessions.js';
import { announceSessionChange } from '../../core/auth/session-events.js';
import { ctxOf } from '../../core/http/request-context.js';
import { isHttpsRequest } from '../../core/http/public-origin.js';
import { countUsers, findUserById, toUser } from './user-repository.js';
import { login } from './login.js';
import { isLoginLimited } from './login-limits.js';
import { changePassword, setupFirstAdmin, updateUser } from './manage-users.js';
import { loginBody, meResponse, passwordBody, patchMeBody, setupBody, tokenResponse } from './schemas.js';

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    // Behind a TLS-terminating proxy req.protocol is https only when RAPPORT_TRUST_PROXY lets us believe it.
    secure: isHttpsRequest(req),
    maxAge: SESSION_DAYS * 86400,
  });
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['auth'];
  app.get('/setup', { config: { scope: 'public' }, schema: { tags, summary: 'Whether first-run setup is needed', response: { 200: z.object({ needsSetup: z.boolean() }) } } }, async () => ({
    needsSetup: (await countUsers(app.db.kysely)) === 0,
  }));

  app.post('/setup', { config: { scope: 'public' }, schema: { tags, summary: 'Create the first administrator', body: setupBody, response: { 200: tokenResponse } } }, async (req, reply) => {
    const user = await setupFirstAdmin(app.db, req.body);
    const token = await createSession(app.db.kysely, user.id);
    setSessionCookie(req, reply, token);
    return { token, user };
  });

  app.post('/auth/login', { config: { scope: 'public' }, schema: { tags, summary: 'Log in', body: loginBody, response: { 200: tokenResponse } } }, async (req, reply) => {
    try {
      const result = await login(app.db, req.body.email, req.body.password, req.ip);
      setSessionCookie(req, reply, result.token);
      return result;
    } catch (e) {
      if (isLoginLimited(e)) reply.header('retry-after', String(e.retryAfterSeconds));
      throw e;
    }
  });

  app.post('/auth/logout', { config: { scope: 'session' }, schema: { tags, summary: 'Log out' } }, async (req, reply) => {
    if (req.sessionToken) await deleteSession(app.db.kysely, req.sessionToken);
    if (req.actor) await announceSessionChange(app.db, req.actor.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/auth/me', { config: { scope: 'session' }, schema: { tags, summary: 'The current user', response: { 200: meResponse } } }, async (req) => {
    const { actor } = ctxOf(req);
    const user = await findUserById(app.db.kysely, actor.id);
    return { user: toUser(user!) };
  });

  app.patch('/auth/me', { config: { scope: 'session' }, schema: { tags, summary: 'Change your name, language or time zone', body: patchMeBody, response: { 200: meResponse } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { user: await updateUser(db, actor, actor.id, req.body) };
  });

  app.post('/auth/password', { config: { scope: 'session' }, schema: { tags, summary: 'Change your password', body: passwordBody } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await changePassword(db, actor, req.body.currentPassword, req.body.newPassword, req.sessionToken ?? undefined);
    return reply.status(204).send();
  });
};

// Request decorations shared by every route: the database and the acting user.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    /** Resolves the caller's credentials again (set by the auth hook): a long-lived socket checks that its session
     * still holds (null: logged out, expired, deactivated or a revoked key). */
    reauthenticate: (() => Promise<Actor | null>) | null;
  }
  interface FastifyInstance {
    db: Db;
  }
}

export interface Ctx {
  db: Db;
  actor: Actor;
}

export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw new AppError('unauthenticated', 'Log in first: this needs a session cookie or an Authorization: Bearer token');
  return { db: req.server.db, actor: req.actor };
}

export function requireAdmin(req: FastifyRequest): Ctx {
  const ctx = ctxOf(req);
  if (ctx.actor.role !== 'admin') throw new AppError('forbidden', 'Only an administrator can do this');
  return ctx;
}

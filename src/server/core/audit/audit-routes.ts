// GET /audit: the audit log for administrators, newest first.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../http/request-context.js';
import { decodeCursor, listQueryBase, pageOf } from '../pagination.js';

const entrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    { config: { scope: 'session', access: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log (admin)',
        querystring: z.object({ limit: listQueryBase.limit, cursor: listQueryBase.cursor, entity: z.string().max(50).optional(), entityId: z.string().max(100).optional() }),
        response: { 200: z.object({ data: z.array(entrySchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const { db } = requireAdmin(req);
      const { limit, cursor, entity, entityId } = req.query;
      let q = db.kysely
        .selectFrom('auditLog')
        .leftJoin('users', 'users.id', 'auditLog.actorId')
        .select(['auditLog.seq', 'auditLog.at', 'auditLog.actorId', 'users.name as actorName', 'auditLog.action', 'auditLog.entity', 'auditLog.entityId', 'auditLog.before', 'auditLog.after'])
        .orderBy('auditLog.seq', 'desc')
        .limit(limit + 1);
      if (entity) q = q.where('auditLog.entity', '=', entity);
      if (entityId) q = q.where('auditLog.entityId', '=', entityId);
      if (cursor) q = q.where('auditLog.seq', '<', Number(decodeCursor(cursor, 1)[0]));
      const rows = (await q.execute()).map((r) => ({ ...r, before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null }));
      return pageOf(rows, limit, (r) => [r.seq]);
    },
  );
};

// GET /notifications (mine, unread first) and POST /notifications/:id/read.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../http/request-context.js';
import { idParams } from '../http/common-schemas.js';
import { countUnread, listNotifications, markNotificationRead, notificationSchema } from './notifications.js';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  unread: z.enum(['true', 'false']).optional(),
});

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];
  app.get(
    '/notifications',
    { config: { scope: 'session' }, schema: { tags, summary: 'My notifications, unread first', querystring: listQuery, response: { 200: z.object({ data: z.array(notificationSchema), nextCursor: z.string().nullable(), unread: z.number() }) } } },
    async (req) => {
      const { db, actor } = ctxOf(req);
      const page = await listNotifications(db, actor, req.query);
      return { ...page, unread: await countUnread(db, actor) };
    },
  );
  app.post('/notifications/:id/read', { config: { scope: 'session' }, schema: { tags, summary: 'Mark one of my notifications read', params: idParams, response: { 200: notificationSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return markNotificationRead(db, actor, req.params.id);
  });
};

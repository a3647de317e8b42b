// HTTP routes of webhooks and their delivery log (admin).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { notFound } from '../../../core/errors.js';
import { decodeCursor, keysetAfter, pageOf } from '../../../core/pagination.js';
import { nowIso } from '../../../core/ids.js';
import { createWebhook, createWebhookBody, deleteWebhook, listWebhooks, patchWebhookBody, updateWebhook, webhookEventTypes, webhookSchema } from './webhook-service.js';

const deliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});

export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['webhooks'];
  app.get('/webhooks', { config: { scope: 'data:read', access: 'admin' }, schema: { tags, summary: 'Webhook subscriptions', response: { 200: z.object({ data: z.array(webhookSchema) }) } } }, async (req) => {
    const { db } = requireAdmin(req);
    return { data: await listWebhooks(db) };
  });
  app.get('/webhooks/event-types', { config: { scope: 'data:read', access: 'admin' }, schema: { tags, summary: 'The event types a subscription can name', response: { 200: z.object({ data: z.array(z.string()) }) } } }, async (req) => {
    requireAdmin(req);
    return { data: [...webhookEventTypes] };
  });
  app.post('/webhooks', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Subscribe a URL to domain events', body: createWebhookBody, response: { 201: webhookSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(201).send(await createWebhook(db, actor, req.body));
  });
  app.patch('/webhooks/:id', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Change a subscription', params: idParams, body: patchWebhookBody, response: { 200: webhookSchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return updateWebhook(db, actor, req.params.id, req.body);
  });
  app.delete('/webhooks/:id', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Delete a subscription and its log', params: idParams } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    await deleteWebhook(db, actor, req.params.id);
    return reply.status(204).send();
  });
  app.get(
    '/webhooks/:id/deliveries',
    { config: { scope: 'data:read', access: 'admin' }, schema: { tags, summary: 'Delivery log, newest first', params: idParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), cursor: z.string().max(500).optional() }), response: { 200: z.object({ data: z.array(deliverySchema), nextCursor: z.string().nullable() }) } } },
    async (req) => {
      const { db } = requireAdmin(req);
      let q = db.kysely.selectFrom('webhookDeliveries').select(['id', 'eventId', 'eventType', 'status', 'attempts', 'nextAttemptAt', 'lastStatusCode', 'lastError', 'createdAt', 'deliveredAt']).where('webhookId', '=', req.params.id).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(req.query.limit + 1);
      if (req.query.cursor) {
        q = q.where(keysetAfter('createdAt', 'id', decodeCursor(req.query.cursor, 2), 'desc'));
      }
      return pageOf(await q.execute(), req.query.limit, (r) => [r.createdAt, r.id]);
    },
  );
  app.post('/webhooks/deliveries/:id/retry', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Send a failed delivery again now', params: idParams } }, async (req, reply) => {
    const { db } = requireAdmin(req);
    const res = await db.kysely.updateTable('webhookDeliveries').set({ status: 'pending', nextAttemptAt: nowIso(), lockedUntil: null }).where('id', '=', req.params.id).where('status', '!=', 'delivered').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw notFound('Undelivered webhook delivery');
    return reply.status(202).send();
  });
};

// HTTP routes of recommendations and RFM: a product's also-bought list, a contact's next-best products, the RFM grid and
// segments, the contacts of a cell or segment, and a manual recompute (admin).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { enqueueJob, jobSchema } from '../../../core/jobs/job-queue.js';
import { rfmSegments } from '../rfm/rfm-score.js';
import { rfmContacts, rfmOverview } from '../rfm/rfm-service.js';
import { CUSTOMER_VALUE_JOB } from './customer-value-job.js';
import { alsoBought, contactRecommendations } from './recommendation-service.js';

const item = z.object({ productId: z.string(), sku: z.string(), name: z.string(), nameZh: z.string().nullable(), becauseOfId: z.string().nullable(), becauseOf: z.string().nullable(), confidence: z.number(), lift: z.number(), customersBoth: z.number(), reason: z.string() });
const limitQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(5) });
const score = z.number().int().min(1).max(5);
const segmentEnum = z.enum(rfmSegments);

export const customerValueRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['intelligence'];
  app.get('/products/:id/also-bought', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Products bought by the same customers (co-purchase confidence and lift), with the reason in words', params: idParams, querystring: limitQuery, response: { 200: z.object({ data: z.array(item) }) } } }, async (req) => {
    const { db } = ctxOf(req);
    return { data: await alsoBought(db.kysely, req.params.id, req.query.limit) };
  });
  app.get('/contacts/:id/recommendations', { config: { scope: 'sales:read' }, schema: { tags, summary: "A contact's next-best products (leaving out what they bought), each with its reason", params: idParams, querystring: limitQuery, response: { 200: z.object({ owned: z.number(), data: z.array(item) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return contactRecommendations(db.kysely, actor, req.params.id, req.query.limit);
  });
  app.get('/intelligence/rfm', { config: { scope: 'sales:read' }, schema: { tags, summary: 'RFM: the recency × frequency grid and the segment summary of the contacts you may see', response: { 200: z.object({ computedAt: z.string().nullable(), grid: z.array(z.object({ r: z.number(), f: z.number(), contacts: z.number() })), segments: z.array(z.object({ key: segmentEnum, name: z.string(), nameZh: z.string(), contacts: z.number(), monetary: z.number(), averageRecencyDays: z.number(), averageOrders: z.number() })) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return rfmOverview(db.kysely, actor);
  });
  app.get('/intelligence/rfm/contacts', { config: { scope: 'sales:read' }, schema: { tags, summary: 'The contacts of one RFM cell (r, f) or segment, highest spend first', querystring: z.strictObject({ r: z.coerce.number().pipe(score).optional(), f: z.coerce.number().pipe(score).optional(), segment: segmentEnum.optional(), limit: z.coerce.number().int().min(1).max(200).default(100) }), response: { 200: z.object({ data: z.array(z.object({ id: z.string(), displayName: z.string(), r: z.number(), f: z.number(), m: z.number(), segment: segmentEnum, recencyDays: z.number(), orders: z.number(), monetary: z.number(), lastOrderAt: z.string() })) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await rfmContacts(db.kysely, actor, req.query) };
  });
  app.post('/intelligence/customer-value/recompute', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Recompute co-purchase and RFM scores now (admin; also runs daily)', response: { 202: jobSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(202).send(await enqueueJob(db, CUSTOMER_VALUE_JOB, {}, actor.id));
  });
};

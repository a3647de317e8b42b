// HTTP routes of the 7P analysis: the seven charts' buckets and the contacts behind one bucket.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { sevenPs } from './seven-p-sources.js';
import { sevenPContacts, sevenPOverview } from './seven-p-service.js';

const bar = z.object({ key: z.string(), label: z.string().nullable(), labelZh: z.string().nullable(), min: z.number().nullable(), max: z.number().nullable(), contacts: z.number(), value: z.number().nullable() });

export const sevenPRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['intelligence'];
  app.get('/intelligence/seven-p', { config: { scope: 'sales:read' }, schema: { tags, summary: '7P customer analysis over the contacts you may see: profiling, persistency, profitability, performance, prospecting, product and promotion, each as buckets with contact counts and a sum', response: { 200: z.object({ data: z.array(z.object({ key: z.enum(sevenPs), value: z.enum(['money', 'count', 'none']), hasData: z.boolean(), bars: z.array(bar) })) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await sevenPOverview(db.kysely, actor) };
  });
  app.get('/intelligence/seven-p/contacts', { config: { scope: 'sales:read' }, schema: { tags, summary: 'The contacts behind one bucket of a 7P chart (those you may see), highest value first', querystring: z.strictObject({ p: z.enum(sevenPs), bucket: z.string().min(1).max(200), limit: z.coerce.number().int().min(1).max(200).default(100) }), response: { 200: z.object({ data: z.array(z.object({ id: z.string(), displayName: z.string(), value: z.number().nullable() })) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await sevenPContacts(db.kysely, actor, req.query.p, req.query.bucket, req.query.limit) };
  });
};

// HTTP route of sales performance.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { performanceQuery, performanceSchema } from './performance-schemas.js';
import { computePerformance } from './compute-performance.js';

export const performanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/performance', { config: { scope: 'sales:read' }, schema: { tags: ['performance'], summary: 'Performance per rep or team over a date range (managers: their team; reps: themselves)', querystring: performanceQuery, response: { 200: performanceSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return computePerformance(db, actor, req.query);
  });
};

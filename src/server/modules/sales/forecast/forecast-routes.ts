// HTTP routes of forecasts and quotas.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { forecastQuery, forecastSchema, quotaInput, quotaListQuery, quotaSchema } from './forecast-schemas.js';
import { computeForecast } from './compute-forecast.js';
import { listQuotas, setQuota } from './quotas.js';

export const forecastRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/forecast', { config: { scope: 'sales:read' }, schema: { tags: ['forecast'], summary: 'Forecast by month or quarter: weighted pipeline, commit, best case, historical, closed, quota attainment', querystring: forecastQuery, response: { 200: forecastSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return computeForecast(db, actor, req.query);
  });
  app.get('/quotas', { config: { scope: 'sales:read' }, schema: { tags: ['forecast'], summary: 'Quotas by month (yours, your team\'s and your teammates\' unless you see all records)', querystring: quotaListQuery, response: { 200: z.object({ data: z.array(quotaSchema) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await listQuotas(db, actor, req.query.from, req.query.to) };
  });
  app.put('/quotas', { config: { scope: 'sales:write', access: 'manager' }, schema: { tags: ['forecast'], summary: 'Set the quota of a rep or a team for a month (managers, admins)', body: quotaInput, response: { 200: quotaSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return setQuota(db, actor, req.body);
  });
};

// HTTP route of the service dashboard.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { dashboardQuery, dashboardSchema } from './dashboard-schemas.js';
import { serviceDashboard } from './service-dashboard.js';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/service/dashboard',
    {
      config: { scope: 'service:read' },
      schema: {
        tags: ['service'],
        summary: 'Service dashboard: open tickets, SLA attainment, response and resolution times (median, p90), backlog, CSAT/NPS, channel mix',
        description: 'from/to are UTC days (default: the last 30). Admins see every team (or teamId), managers their team and their own tickets, other roles the tickets assigned to them.',
        querystring: dashboardQuery,
        response: { 200: dashboardSchema },
      },
    },
    async (req) => {
      const { db, actor } = ctxOf(req);
      return serviceDashboard(db, actor, req.query);
    },
  );
};

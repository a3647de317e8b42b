// The service module's HTTP routes: each part's plugin is listed here.
import type { FastifyPluginAsync } from 'fastify';
import { dashboardRoutes } from './dashboard/dashboard-routes.js';
import { emailPart } from './email/email-part.js';
import { ticketPartRoutes } from './tickets/index.js';
import { surveyRoutes } from './surveys/survey-routes.js';
import { imRoutes } from './im/im-routes.js';
import { phoneRoutes } from './phone/phone-routes.js';
import { slaRoutes } from './sla/sla-routes.js';
import { routingRoutes } from './routing/routing-routes.js';
import { inboxRoutes } from './inbox/inbox-routes.js';
import { widgetChannelRoutes } from './widget/widget-channel-routes.js';

const parts: FastifyPluginAsync<any>[] = [emailPart, ticketPartRoutes, phoneRoutes, slaRoutes, routingRoutes, imRoutes, surveyRoutes, dashboardRoutes, inboxRoutes, widgetChannelRoutes];

export const serviceRoutes: FastifyPluginAsync = async (app) => {
  for (const part of parts) await app.register(part);
};

// The tickets part of the service module: its routes, and the use cases other parts call.
import type { FastifyPluginAsync } from 'fastify';
import './ticket-contact-data.js';
import './ticket-contact-views.js';
import './ticket-registrations.js';
import './ticket-message-hooks.js';
import { ticketRoutes } from './ticket-routes.js';
import { ticketActivityRoutes } from './ticket-activity-routes.js';
import { macroRoutes } from './macros/macro-routes.js';

export const ticketPartRoutes: FastifyPluginAsync = async (app) => {
  await app.register(ticketRoutes);
  await app.register(ticketActivityRoutes);
  await app.register(macroRoutes);
};

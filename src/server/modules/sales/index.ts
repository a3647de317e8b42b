// Sales: leads with scoring and automatic assignment, pipelines and deals, products and orders, forecasts and performance.
import type { FastifyPluginAsync } from 'fastify';

export { salesMigrations } from './migrations.js';

// Leads, lead scoring and lead assignment.
import { leadPartRoutes } from './leads/lead-module.js';

export const salesRoutes: FastifyPluginAsync = async (app) => {
  // Each part registers its routes here.
  await app.register(leadPartRoutes);
};

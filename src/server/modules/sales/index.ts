// Sales: leads with scoring and automatic assignment, pipelines and deals, products and orders, forecasts and performance.
import type { FastifyPluginAsync } from 'fastify';

export { salesMigrations } from './migrations.js';

export const salesRoutes: FastifyPluginAsync = async () => {
  // Each part registers its routes here.
};

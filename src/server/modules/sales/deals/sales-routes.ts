// Registers the routes and plug-ins of pipelines, deals, products, orders, forecasts and performance in one place.
import type { FastifyPluginAsync } from 'fastify';
import { pipelineRoutes } from '../pipelines/pipeline-routes.js';
import { dealRoutes } from './deal-routes.js';
import { dealRecordRoutes } from './deal-record-routes.js';
import { productRoutes } from '../products/product-routes.js';
import { orderRoutes } from '../orders/order-routes.js';
import { forecastRoutes } from '../forecast/forecast-routes.js';
import { performanceRoutes } from '../performance/performance-routes.js';
import '../orders/purchase-history.js';
import '../orders/household-purchases.js';
import '../orders/sales-contact-data.js';
import '../orders/sales-company-data.js';
import '../products/product-import.js';
import '../orders/order-import.js';

export const pipelineDealRoutes: FastifyPluginAsync = async (app) => {
  await app.register(pipelineRoutes);
  await app.register(dealRoutes);
  await app.register(dealRecordRoutes);
  await app.register(productRoutes);
  await app.register(orderRoutes);
  await app.register(forecastRoutes);
  await app.register(performanceRoutes);
};

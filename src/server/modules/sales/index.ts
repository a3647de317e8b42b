// Sales: leads with scoring and automatic assignment, pipelines and deals, products and orders, forecasts and performance.
import type { FastifyPluginAsync } from 'fastify';
import './today-cards.js';
import './deals/deal-history-subject.js';

export { salesMigrations } from './migrations.js';
// Pipelines, deals, products, orders, forecasts and performance.
import { pipelineDealRoutes } from './deals/sales-routes.js';
export { createDeal } from './deals/create-deal.js';
export { moveDealToStage } from './deals/move-deal-to-stage.js';
export { createPipeline } from './pipelines/save-pipeline.js';
export { createProduct } from './products/product-service.js';
export { setQuota } from './forecast/quotas.js';
export { rebuildRollups as rebuildSalesRollups } from './forecast/rollups.js';
export type { DealInput, DealDetail } from './deals/deal-schemas.js';
export { logDealActivity } from './deals/deal-activities.js';
export { getDealDetail } from './deals/deal-repository.js';

// Leads, lead scoring and lead assignment.
import { leadPartRoutes } from './leads/lead-module.js';
export { captureLead, recordActivity, convertLead, createScoringRule, createAssignmentRule, setAssignmentSettings, settleLeads } from './leads/lead-exports.js';

export const salesRoutes: FastifyPluginAsync = async (app) => {
  // Each part registers its routes here.
  await app.register(pipelineDealRoutes);
  await app.register(leadPartRoutes);
};

// Segment rule sources for the marketing module (read-only subqueries over orders, products and lead scores).
export { purchaseRowsSql, purchaseValueSql, boughtContactIdsSql, leadScoreRowsSql, purchaseChoices, revenueOrderRowsSql } from './orders/purchase-segment-sql.js';
// Purchase lines and product names for the intelligence module (recommendations, RFM); read-only.
// The predictive slot of the lead score, written by intelligence's lead-conversion model.
export { setPredictiveLeadScores } from './scoring/predictive-slot.js';
export { purchaseLines, productNames, productsBoughtBy, bestSellingProducts, type PurchaseLine } from './orders/purchase-lines.js';
// Order margins, channel revenue and stalled deals for the intelligence module (customer value, 7P, alerts); read-only.
export { orderCosts, productMargins, orderLineShares, channelRevenue, buyerIdsSql, type OrderCost, type ProductMargin } from './orders/order-margins.js';
export { dealsStalledPastUsualTime, type StalledDeal } from './deals/stalled-deals.js';

// Marketing: segments now (rule builder over a field registry, live counts, dynamic membership with entered/left
// events, snapshots); campaigns, journeys and web tracking add their parts here and register segment fields.
import type { FastifyPluginAsync } from 'fastify';
import { segmentRoutes } from './segments/segment-routes.js';
import './segments/contact-fields.js';
import './segments/source-fields.js';
import './segments/segment-background.js';
import { journeyRoutes } from './journeys/index.js';
import { webApiRoutes } from './tracking/web-routes.js';
import { campaignRoutes } from './campaigns/index.js';

export { marketingMigrations } from './migrations.js';
export { registerSegmentField, registerSegmentFieldSource, loadSegmentFields, type SegmentField, type SegmentFieldType, type SegmentFieldOption, type CompileContext } from './segments/segment-fields.js';
export { operatorsByType, operatorSql, type SegmentOperator } from './segments/segment-operators.js';
export { checkRules, type SegmentGroup, type SegmentCondition } from './segments/segment-rules.js';
export { compiledRules, segmentCondition } from './segments/segment-conditions.js';
export { evaluateSegment, evaluateContacts } from './segments/segment-membership.js';
export { snapshotSegment, snapshotMemberIds } from './segments/segment-snapshots.js';

export const marketingRoutes: FastifyPluginAsync = async (app) => {
  await app.register(segmentRoutes);
  await app.register(journeyRoutes);
  await app.register(webApiRoutes);
  await app.register(campaignRoutes);
};

export { webRootRoutes as marketingRootRoutes } from './tracking/web-routes.js';
export { campaignTrackingRoutes as campaignRootRoutes } from './campaigns/index.js';

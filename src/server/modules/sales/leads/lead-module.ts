// The leads part of the sales module: its routes (leads, scoring rules, assignment rules), outbox consumers and timers.
import type { FastifyPluginAsync } from 'fastify';
import { registerPoller } from '../../../core/jobs/worker.js';
import { leadRoutes } from './lead-routes.js';
import { consumeLeadEvents } from './lead-events.js';
import { scoringRoutes } from '../scoring/scoring-routes.js';
import { consumeScoringEvents } from '../scoring/scoring-consumer.js';
import { assignmentRoutes } from '../assignment/assignment-routes.js';
import { assignPendingLeads } from '../assignment/assign-leads.js';
import { reassignStaleLeads } from '../assignment/reassign-stale-leads.js';
import '../scoring/recompute-all-job.js';
import '../scoring/scoring-overview.js';
import './lead-contact-data.js';

registerPoller({ name: 'sales.leads', run: consumeLeadEvents, idleMs: 1000 });
registerPoller({ name: 'sales.lead-scoring', run: consumeScoringEvents, idleMs: 1000 });
registerPoller({ name: 'sales.lead-assignment', run: (db) => assignPendingLeads(db), idleMs: 1000 });
registerPoller({ name: 'sales.lead-reassignment', run: (db) => reassignStaleLeads(db), idleMs: 60_000 });

export const leadPartRoutes: FastifyPluginAsync = async (app) => {
  await app.register(leadRoutes);
  await app.register(scoringRoutes);
  await app.register(assignmentRoutes);
};

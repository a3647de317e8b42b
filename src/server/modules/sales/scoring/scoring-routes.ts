// Admin routes of lead scoring rules: /lead-scoring/rules (list, create, change, delete) and a manual recompute.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { enqueueJob, jobSchema } from '../../../core/jobs/job-queue.js';
import { scoringRuleInput, scoringRulePatch, scoringRuleSchema } from './scoring-schemas.js';
import { createScoringRule, deleteScoringRule, listScoringRules, RECOMPUTE_ALL_JOB, updateScoringRule } from './scoring-rules.js';

export const scoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['lead scoring'];
  app.get('/lead-scoring/rules', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Lead scoring rules', response: { 200: z.object({ data: z.array(scoringRuleSchema) }) } } }, async (req) => {
    const { db } = ctxOf(req); // everyone may read why a lead scores what it does
    return { data: await listScoringRules(db) };
  });
  app.post('/lead-scoring/rules', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Add a scoring rule (admin); all lead scores are recomputed', body: scoringRuleInput, response: { 201: scoringRuleSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(201).send(await createScoringRule(db, actor, req.body));
  });
  app.patch('/lead-scoring/rules/:id', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Change a scoring rule (admin)', params: idParams, body: scoringRulePatch, response: { 200: scoringRuleSchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return updateScoringRule(db, actor, req.params.id, req.body);
  });
  app.delete('/lead-scoring/rules/:id', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Delete a scoring rule (admin)', params: idParams } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    await deleteScoringRule(db, actor, req.params.id);
    return reply.status(204).send();
  });
  app.post('/lead-scoring/recompute', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Recompute every lead score now, e.g. to apply decay (admin)', response: { 202: jobSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(202).send(await enqueueJob(db, RECOMPUTE_ALL_JOB, {}, actor.id));
  });
};

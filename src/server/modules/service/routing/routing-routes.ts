// Routing over HTTP: the ordered routing rules (admins change them) and agents' skills, capacity and away status.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { agentStatusInput, agentStatusSchema, routingRuleInput, routingRulePatch, routingRuleSchema } from './routing-schemas.js';
import { createRoutingRule, deleteRoutingRule, listRoutingRules, updateRoutingRule } from './routing-rules.js';
import { listAgentStatus, setAgentStatus } from './agent-status.js';
import { getTicketRouting } from './ticket-routing-view.js';
import { routingStepSchema } from './routing-steps.js';

export const routingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['service routing'];
  const read = { scope: 'service:read', access: 'support' } as const;
  const admin = { scope: 'service:write', access: 'admin' } as const;

  app.get('/routing-rules', { config: read, schema: { tags, summary: 'Ticket routing rules, in the order they are tried', response: { 200: z.object({ data: z.array(routingRuleSchema) }) } } }, async (req) => ({ data: await listRoutingRules(ctxOf(req).db.kysely) }));
  app.post('/routing-rules', { config: admin, schema: { tags, summary: 'Add a routing rule (admin); it goes last unless given a position', body: routingRuleInput, response: { 201: routingRuleSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(201).send(await createRoutingRule(db, actor, req.body));
  });
  app.patch('/routing-rules/:id', { config: admin, schema: { tags, summary: 'Change a routing rule or its position (admin)', params: idParams, body: routingRulePatch, response: { 200: routingRuleSchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return updateRoutingRule(db, actor, req.params.id, req.body);
  });
  app.delete('/routing-rules/:id', { config: admin, schema: { tags, summary: 'Delete a routing rule (admin)', params: idParams } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    await deleteRoutingRule(db, actor, req.params.id);
    return reply.status(204).send();
  });

  app.get('/agent-status', { config: read, schema: { tags, summary: "Agents' skills, capacity, away status and open tickets", response: { 200: z.object({ data: z.array(agentStatusSchema) }) } } }, async (req) => ({ data: await listAgentStatus(ctxOf(req).db) }));
  app.patch('/agent-status/:id', { config: { scope: 'service:write', access: 'support' }, schema: { tags, summary: "Set an agent's away status (their own), or skills and capacity (managers, admins)", params: idParams, body: agentStatusInput, response: { 200: agentStatusSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return setAgentStatus(db, actor, req.params.id, req.body);
  });

  app.get('/tickets/:id/routing', { config: read, schema: { tags, summary: 'Why a ticket went to its team and agent: the routing steps and their English text', params: idParams, response: { 200: z.object({ steps: z.array(routingStepSchema), explanation: z.string().nullable() }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return getTicketRouting(db, actor, req.params.id);
  });
};

// Admin routes of lead assignment: the ordered rules at /lead-assignment/rules and the re-assignment setting.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { assignmentRuleInput, assignmentRulePatch, assignmentRuleSchema, assignmentSettingsSchema } from './assignment-schemas.js';
import { createAssignmentRule, deleteAssignmentRule, listAssignmentRules, updateAssignmentRule } from './assignment-rules.js';
import { getAssignmentSettings, setAssignmentSettings } from './assignment-settings.js';
import { reorderAssignmentRules, ruleOrderInput } from './reorder-rules.js';

export const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['lead assignment'];
  app.get('/lead-assignment/rules', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Assignment rules, in the order they are tried', response: { 200: z.object({ data: z.array(assignmentRuleSchema) }) } } }, async (req) => {
    const { db } = ctxOf(req);
    return { data: await listAssignmentRules(db.kysely) };
  });
  app.post('/lead-assignment/rules', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Add an assignment rule (admin); it goes last unless given a position', body: assignmentRuleInput, response: { 201: assignmentRuleSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(201).send(await createAssignmentRule(db, actor, req.body));
  });
  app.put('/lead-assignment/rules/order', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Put every rule in a new order, first tried first (admin)', body: ruleOrderInput, response: { 200: z.object({ data: z.array(assignmentRuleSchema) }) } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return { data: await reorderAssignmentRules(db, actor, req.body.ids) };
  });
  app.patch('/lead-assignment/rules/:id', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Change an assignment rule or its position (admin)', params: idParams, body: assignmentRulePatch, response: { 200: assignmentRuleSchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return updateAssignmentRule(db, actor, req.params.id, req.body);
  });
  app.delete('/lead-assignment/rules/:id', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Delete an assignment rule (admin)', params: idParams } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    await deleteAssignmentRule(db, actor, req.params.id);
    return reply.status(204).send();
  });
  app.get('/lead-assignment/settings', { config: { scope: 'sales:read' }, schema: { tags, summary: 'When an untouched lead is re-assigned', response: { 200: assignmentSettingsSchema } } }, async (req) => {
    const { db } = ctxOf(req);
    return getAssignmentSettings(db.kysely);
  });
  app.put('/lead-assignment/settings', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Set the re-assignment time in hours, 0 = never (admin)', body: assignmentSettingsSchema, response: { 200: assignmentSettingsSchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return db.kysely.transaction().execute(async (trx) => {
      const before = await getAssignmentSettings(trx);
      const after = await setAssignmentSettings(trx, req.body);
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'settings', entityId: 'lead-assignment', before, after });
      return after;
    });
  });
};

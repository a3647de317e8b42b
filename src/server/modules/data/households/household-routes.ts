// HTTP routes of households: list, one with its members and combined value, an admin's corrections, regrouping.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../../core/http/request-context.js';
import { enqueueJob, jobSchema } from '../../../core/jobs/job-queue.js';
import { addMember, createHousehold, getHousehold, householdListQuery, listHouseholds, removeMember } from './household-service.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const memberParams = z.object({ id: z.string().min(1).max(100), contactId: z.string().min(1).max(100) });
const summary = z.object({ id: z.string(), name: z.string(), basis: z.string(), memberCount: z.number(), createdAt: z.string(), updatedAt: z.string() });
const household = z.object({
  id: z.string(),
  name: z.string(),
  basis: z.string(),
  address: z.record(z.string(), z.unknown()).nullable(),
  members: z.array(z.object({ id: z.string(), displayName: z.string(), emails: z.array(z.string()), phones: z.array(z.string()), address: z.record(z.string(), z.unknown()).nullable(), origin: z.string() })),
  /** Members the caller may not see: only counted, none of their data is shown or in value. */
  hiddenMembers: z.number(),
  value: z.object({ members: z.number(), related: z.record(z.string(), z.number()) }).catchall(z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['households'];
  app.get('/households', { config: { scope: 'data:read' }, schema: { tags, summary: 'Households with a member you may see, by name (contactId= finds the household of a contact; memberCount counts the members you may see)', querystring: householdListQuery, response: { 200: z.object({ data: z.array(summary), nextCursor: z.string().nullable() }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listHouseholds(db, actor, req.query);
  });
  app.get('/households/:id', { config: { scope: 'data:read' }, schema: { tags, summary: 'A household, the members you may see and their combined value (others only counted in hiddenMembers; 404 when you see none)', params: idParams, response: { 200: household } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return getHousehold(db, actor, req.params.id);
  });
  app.post('/households', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Make a household by hand (admin)', body: z.strictObject({ name: z.string().trim().min(1).max(200), contactIds: z.array(z.string().min(1).max(100)).min(1).max(50) }), response: { 201: household } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(201).send(await createHousehold(db, actor, req.body));
  });
  app.post('/households/:id/members', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Move a contact into this household (admin)', params: idParams, body: z.strictObject({ contactId: z.string().min(1).max(100) }), response: { 200: household } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return addMember(db, actor, req.params.id, req.body.contactId);
  });
  app.delete('/households/:id/members/:contactId', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Move a contact out of this household (admin)', params: memberParams, response: { 200: household } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return removeMember(db, actor, req.params.id, req.params.contactId);
  });
  app.post('/households/regroup', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Group all contacts into households again, as a background job (admin)', response: { 202: jobSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(202).send(await enqueueJob(db, 'households', {}, actor.id));
  });
};

// SLA over HTTP: business calendars and SLA policies (admins change them), and a ticket's live timers.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { calendarInput, calendarPatch, calendarSchema, policyInput, policyPatch, policySchema, ticketSlaSchema } from './sla-schemas.js';
import { createCalendar, deleteCalendar, listCalendars, updateCalendar } from './calendars.js';
import { createPolicy, deletePolicy, listPolicies, updatePolicy } from './sla-policies.js';
import { getTicketSla } from './ticket-sla-view.js';

export const slaRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['service SLA'];
  const read = { scope: 'service:read', access: 'support' } as const;
  const admin = { scope: 'service:write', access: 'admin' } as const;

  app.get('/business-calendars', { config: read, schema: { tags, summary: 'Business calendars: working hours, time zone, holidays', response: { 200: z.object({ data: z.array(calendarSchema) }) } } }, async (req) => ({ data: await listCalendars(ctxOf(req).db.kysely) }));
  app.post('/business-calendars', { config: admin, schema: { tags, summary: 'Add a business calendar (admin); the first one is the default', body: calendarInput, response: { 201: calendarSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(201).send(await createCalendar(db, actor, req.body));
  });
  app.patch('/business-calendars/:id', { config: admin, schema: { tags, summary: 'Change a business calendar (admin)', params: idParams, body: calendarPatch, response: { 200: calendarSchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return updateCalendar(db, actor, req.params.id, req.body);
  });
  app.delete('/business-calendars/:id', { config: admin, schema: { tags, summary: 'Delete a business calendar no policy uses (admin)', params: idParams } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    await deleteCalendar(db, actor, req.params.id);
    return reply.status(204).send();
  });

  app.get('/sla-policies', { config: read, schema: { tags, summary: 'SLA policies in the order they are tried', response: { 200: z.object({ data: z.array(policySchema) }) } } }, async (req) => ({ data: await listPolicies(ctxOf(req).db.kysely) }));
  app.post('/sla-policies', { config: admin, schema: { tags, summary: 'Add an SLA policy (admin); it goes last unless given a position', body: policyInput, response: { 201: policySchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(201).send(await createPolicy(db, actor, req.body));
  });
  app.patch('/sla-policies/:id', { config: admin, schema: { tags, summary: 'Change an SLA policy (admin); tickets started under it keep their due times', params: idParams, body: policyPatch, response: { 200: policySchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return updatePolicy(db, actor, req.params.id, req.body);
  });
  app.delete('/sla-policies/:id', { config: admin, schema: { tags, summary: 'Delete an SLA policy (admin)', params: idParams } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    await deletePolicy(db, actor, req.params.id);
    return reply.status(204).send();
  });

  app.get('/tickets/:id/sla', { config: read, schema: { tags, summary: "A ticket's SLA timers: targets, due times, business minutes left, state", params: idParams, response: { 200: ticketSlaSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return getTicketSla(db, actor, req.params.id);
  });
};

// HTTP routes of tickets: create, read, change, list (filters, sort, cursor), count, and bulk actions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { idParams, listOf } from '../../../core/http/common-schemas.js';
import { createTicket } from './create-ticket.js';
import { getTicketForActor } from './ticket-repository.js';
import { countTickets, listTickets } from './list-tickets.js';
import { updateTicket } from './update-ticket.js';
import { ticketCountQuery, ticketInput, ticketListQuery, ticketPatch, ticketSchema } from './ticket-schemas.js';
import { startTicketBulk, ticketBulkBody, ticketBulkResult } from './ticket-bulk.js';

export const ticketRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['tickets'];
  app.get('/tickets', { config: { scope: 'service:read' }, schema: { tags, summary: 'List tickets: filters (status, priority, assignee incl. me/unassigned, team, channel, tag, contact), q, sort, cursor', querystring: ticketListQuery, response: { 200: listOf(ticketSchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listTickets(db, actor, req.query);
  });
  app.get('/tickets/count', { config: { scope: 'service:read' }, schema: { tags, summary: 'How many tickets the same filters match: exact up to 100,000, beyond it a fast estimate flagged estimated', querystring: ticketCountQuery, response: { 200: z.object({ total: z.number(), estimated: z.boolean() }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return countTickets(db, actor, req.query);
  });
  app.post('/tickets', { config: { scope: 'service:write' }, schema: { tags, summary: 'Open a ticket (number assigned, e.g. #1001); emits ticket.created', body: ticketInput.extend({ conversationId: z.string().max(100).optional().describe('turn this conversation into the ticket') }), response: { 201: ticketSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    const { conversationId, ...input } = req.body;
    return reply.status(201).send(await createTicket(db, actor, input, { conversationId }));
  });
  app.get('/tickets/:id', { config: { scope: 'service:read' }, schema: { tags, summary: 'One ticket', params: idParams, response: { 200: ticketSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return getTicketForActor(db, actor, req.params.id);
  });
  app.patch('/tickets/:id', { config: { scope: 'service:write' }, schema: { tags, summary: 'Change a ticket: status (new → open → pending/on hold → solved → closed), priority, assignee, team, tags, fields', params: idParams, body: ticketPatch, response: { 200: ticketSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return updateTicket(db, actor, req.params.id, req.body);
  });
  app.post('/tickets/bulk', { config: { scope: 'service:write' }, schema: { tags, summary: 'Assign, close, tag or set the priority of many tickets: by ids or by the list filter; up to 500 inline, more as a job', body: ticketBulkBody, response: { 200: ticketBulkResult, 202: ticketBulkResult } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    const result = await startTicketBulk(db, actor, req.body.selection, req.body.action);
    return reply.status(result.mode === 'job' ? 202 : 200).send(result);
  });
};

// HTTP routes of work on one ticket: its timeline, internal notes, public replies (with a macro), who else is
// viewing it, and merging tickets (with undo).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { idParams, listOf } from '../../../core/http/common-schemas.js';
import { listQueryBase } from '../../../core/pagination.js';
import { listTicketTimeline, timelineItemSchema } from './ticket-timeline.js';
import { addTicketNote, replyToTicket } from './ticket-replies.js';
import { heartbeat, leaveTicket, viewerSchema } from './ticket-viewers.js';
import { mergeTickets, ticketMergeSchema, undoTicketMerge } from './merge-tickets.js';
import { getMacro } from './macros/macro-store.js';

const created = z.object({ id: z.string(), at: z.string() });

export const ticketActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['tickets'];
  app.get('/tickets/:id/timeline', { config: { scope: 'service:read' }, schema: { tags, summary: 'The ticket\'s events and the messages of its conversations, oldest first', params: idParams, querystring: z.object({ limit: listQueryBase.limit, cursor: listQueryBase.cursor }), response: { 200: listOf(timelineItemSchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listTicketTimeline(db, actor, req.params.id, req.query);
  });
  app.post('/tickets/:id/notes', { config: { scope: 'service:write' }, schema: { tags, summary: 'Add an internal note (agents only, never sent to the customer)', params: idParams, body: z.strictObject({ body: z.string().trim().min(1, 'write the note first').max(20_000) }), response: { 201: created } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await addTicketNote(db, actor, req.params.id, req.body.body));
  });
  app.post('/tickets/:id/replies', { config: { scope: 'service:write' }, schema: { tags, summary: 'Reply to the customer in the ticket\'s conversation (opened in the ticket\'s channel if none); a macro\'s actions apply with it', params: idParams, body: z.strictObject({ bodyText: z.string().trim().min(1, 'write the reply first').max(50_000), bodyHtml: z.string().max(200_000).nullish(), macroId: z.string().max(100).optional() }), response: { 201: z.object({ id: z.string(), conversationId: z.string(), at: z.string() }) } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    const actions = req.body.macroId ? (await getMacro(db, req.body.macroId)).actions : undefined;
    const stored = await replyToTicket(db, actor, req.params.id, { bodyText: req.body.bodyText, bodyHtml: req.body.bodyHtml, actions });
    return reply.status(201).send({ id: stored.message.id, conversationId: stored.conversation.id, at: stored.message.createdAt });
  });
  app.post('/tickets/:id/viewers', { config: { scope: 'session' }, schema: { tags, summary: 'Heartbeat of an agent with the ticket open (every ~10 s); answers the other agents viewing it', params: idParams, response: { 200: z.object({ data: z.array(viewerSchema) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await heartbeat(db, actor, req.params.id) };
  });
  app.delete('/tickets/:id/viewers', { config: { scope: 'session' }, schema: { tags, summary: 'The agent left the ticket', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await leaveTicket(db, actor, req.params.id);
    return reply.status(204).send();
  });
  app.post('/tickets/:id/merge', { config: { scope: 'service:write' }, schema: { tags, summary: 'Merge this ticket into another: its conversations and timeline move there and it is closed (undoable for a while)', params: idParams, body: z.strictObject({ targetId: z.string().min(1).max(100) }), response: { 201: ticketMergeSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await mergeTickets(db, actor, req.params.id, req.body.targetId));
  });
  app.post('/ticket-merges/:id/undo', { config: { scope: 'service:write' }, schema: { tags, summary: 'Undo a ticket merge within its window: the merged ticket comes back with its conversations and timeline', params: idParams, response: { 200: ticketMergeSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return undoTicketMerge(db, actor, req.params.id);
  });
};

// HTTP routes around a deal's record: its activity timeline (log against the deal, list with its contacts' activity)
// and the won/lost reasons admins manage for the close-reason list.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { idParams, listOf } from '../../../core/http/common-schemas.js';
import { interactionInput, interactionSchema } from '../../interactions/index.js';
import { dealTimeline, logDealActivity } from './deal-activities.js';
import { addCloseReason, changeCloseReason, closeReasonInput, closeReasonPatch, closeReasonQuery, closeReasonSchema, listCloseReasons, removeCloseReason } from './close-reasons.js';
import './deal-overview.js';

const pageQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), cursor: z.string().max(500).optional() });

export const dealRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['deals'];
  app.get('/deals/:id/timeline', { config: { scope: 'sales:read' }, schema: { tags, summary: "A deal's timeline: activity logged on it and on its contacts, newest first", params: idParams, querystring: pageQuery, response: { 200: listOf(interactionSchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return dealTimeline(db, actor, req.params.id, req.query);
  });
  app.post('/deals/:id/activities', { config: { scope: 'sales:write' }, schema: { tags, summary: 'Log a call, note, meeting or task against a deal (on its company or first contact unless one is named)', params: idParams, body: interactionInput, response: { 201: interactionSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await logDealActivity(db, actor, req.params.id, req.body));
  });
  const reasonTags = ['deal close reasons'];
  app.get('/deal-close-reasons', { config: { scope: 'sales:read' }, schema: { tags: reasonTags, summary: 'Won and lost reasons offered when closing a deal', querystring: closeReasonQuery, response: { 200: z.object({ data: z.array(closeReasonSchema) }) } } }, async (req) => ({ data: await listCloseReasons(ctxOf(req).db, req.query.kind) }));
  app.post('/deal-close-reasons', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags: reasonTags, summary: 'Add a won or lost reason', body: closeReasonInput, response: { 201: closeReasonSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await addCloseReason(db, actor, req.body));
  });
  app.patch('/deal-close-reasons/:id', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags: reasonTags, summary: 'Rename or reorder a reason (closed deals keep their text)', params: idParams, body: closeReasonPatch, response: { 200: closeReasonSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return changeCloseReason(db, actor, req.params.id, req.body);
  });
  app.delete('/deal-close-reasons/:id', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags: reasonTags, summary: 'Remove a reason from the list', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await removeCloseReason(db, actor, req.params.id);
    return reply.status(204).send();
  });
};

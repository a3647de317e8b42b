// HTTP routes of deals: create, read (with contacts, line items, stage history), list (table view), change, move, delete.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { dealDetailSchema, dealInput, dealListQuery, dealPatch, dealSchema, moveInput } from './deal-schemas.js';
import { createDeal } from './create-deal.js';
import { dealForActor, getDealDetail } from './deal-repository.js';
import { listDeals } from './list-deals.js';
import { deleteDeal, updateDeal } from './update-deal.js';
import { moveDealToStage } from './move-deal-to-stage.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const dealRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['deals'];
  app.get('/deals', { config: { scope: 'sales:read' }, schema: { tags, summary: 'List deals (table view): filters, sort, q, cursor', querystring: dealListQuery, response: { 200: listOf(dealSchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listDeals(db, actor, req.query);
  });
  app.post('/deals', { config: { scope: 'sales:write' }, schema: { tags, summary: 'Create a deal', body: dealInput, response: { 201: dealDetailSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await dealForActor(db, actor, await createDeal(db, actor, req.body)));
  });
  app.get('/deals/:id', { config: { scope: 'sales:read' }, schema: { tags, summary: 'One deal with contacts, line items and stage history', params: idParams, response: { 200: dealDetailSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return dealForActor(db, actor, await getDealDetail(db, actor, req.params.id));
  });
  app.patch('/deals/:id', { config: { scope: 'sales:write' }, schema: { tags, summary: 'Change a deal (fields, contacts, line items, forecast category)', params: idParams, body: dealPatch, response: { 200: dealDetailSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return dealForActor(db, actor, await updateDeal(db, actor, req.params.id, req.body));
  });
  const move = { tags, params: idParams, body: moveInput, response: { 200: dealDetailSchema } };
  app.patch('/deals/:id/stage', { config: { scope: 'sales:write' }, schema: { ...move, summary: 'Move a deal to a stage (won/lost need a reason); emits deal.stage_changed' } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return dealForActor(db, actor, await moveDealToStage(db, actor, req.params.id, req.body));
  });
  app.post('/deals/:id/move', { config: { scope: 'sales:write' }, schema: { ...move, summary: 'Move a deal to a stage and a place in its board column' } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return dealForActor(db, actor, await moveDealToStage(db, actor, req.params.id, req.body));
  });
  app.delete('/deals/:id', { config: { scope: 'sales:write' }, schema: { tags, summary: 'Delete a deal', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await deleteDeal(db, actor, req.params.id);
    return reply.status(204).send();
  });
};

// HTTP routes of orders: POST is idempotent by externalId (201 when recorded, 200 with the stored order when seen before).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { orderInput, orderListQuery, orderPatch, orderSchema } from './order-schemas.js';
import { createOrder } from './create-order.js';
import { getOrder, listOrders } from './order-repository.js';
import { updateOrder } from './update-order.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export const orderRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['orders'];
  app.get('/orders', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Orders newest first (filters: contact, company, deal, status, channel, from/to; q = external id)', querystring: orderListQuery, response: { 200: z.object({ data: z.array(orderSchema), nextCursor: z.string().nullable() }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listOrders(db, actor, req.query);
  });
  app.post('/orders', { config: { scope: 'sales:write' }, schema: { tags, summary: 'Record an order (idempotent by externalId)', body: orderInput, response: { 200: orderSchema, 201: orderSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    const { order, created } = await createOrder(db, actor, req.body);
    return reply.status(created ? 201 : 200).send(order);
  });
  app.get('/orders/:id', { config: { scope: 'sales:read' }, schema: { tags, summary: 'One order with its items', params: idParams, response: { 200: orderSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return getOrder(db, actor, req.params.id);
  });
  app.patch('/orders/:id', { config: { scope: 'sales:write' }, schema: { tags, summary: 'Change status, channel or fulfilment date', params: idParams, body: orderPatch, response: { 200: orderSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return updateOrder(db, actor, req.params.id, req.body);
  });
};

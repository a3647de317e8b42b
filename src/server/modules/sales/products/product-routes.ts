// HTTP routes of the product catalogue.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { productInput, productListQuery, productPatch, productSchema } from './product-schemas.js';
import { createProduct, deleteProduct, getProduct, listProductCategories, listProducts, updateProduct } from './product-service.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export const productRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['products'];
  app.get('/products', { config: { scope: 'sales:read' }, schema: { tags, summary: 'The product catalogue by SKU', querystring: productListQuery, response: { 200: z.object({ data: z.array(productSchema), nextCursor: z.string().nullable() }) } } }, async (req) =>
    listProducts(ctxOf(req).db, req.query),
  );
  app.get('/products/categories', { config: { scope: 'sales:read' }, schema: { tags, summary: 'The product categories in use', response: { 200: z.object({ data: z.array(z.string()) }) } } }, async (req) => ({
    data: await listProductCategories(ctxOf(req).db),
  }));
  app.post('/products', { config: { scope: 'sales:write', access: 'manager' }, schema: { tags, summary: 'Add a product (managers, admins)', body: productInput, response: { 201: productSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await createProduct(db, actor, req.body));
  });
  app.get('/products/:id', { config: { scope: 'sales:read' }, schema: { tags, summary: 'One product with its price books', params: idParams, response: { 200: productSchema } } }, async (req) => getProduct(ctxOf(req).db.kysely, req.params.id));
  app.patch('/products/:id', { config: { scope: 'sales:write', access: 'manager' }, schema: { tags, summary: 'Change a product (prices replaces the price books)', params: idParams, body: productPatch, response: { 200: productSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return updateProduct(db, actor, req.params.id, req.body);
  });
  app.delete('/products/:id', { config: { scope: 'sales:write', access: 'manager' }, schema: { tags, summary: 'Delete a product never sold or quoted', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await deleteProduct(db, actor, req.params.id);
    return reply.status(204).send();
  });
};

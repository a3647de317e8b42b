// HTTP routes of custom field definitions (admin writes, everyone reads).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../core/http/request-context.js';
import { createCustomField, createCustomFieldBody, customFieldSchema, deleteCustomField, listCustomFields, patchCustomFieldBody, updateCustomField } from './custom-fields.js';
import { idParams } from './schemas.js';

export const customFieldRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['custom fields'];
  app.get(
    '/custom-fields',
    { config: { scope: 'customers:read' }, schema: { tags, summary: 'Custom field definitions', querystring: z.object({ object: z.enum(['contact', 'company']).optional() }), response: { 200: z.object({ data: z.array(customFieldSchema) }) } } },
    async (req) => {
      ctxOf(req);
      return { data: await listCustomFields(app.db.kysely, req.query.object) };
    },
  );
  app.post('/custom-fields', { config: { scope: 'customers:write', access: 'admin' }, schema: { tags, summary: 'Define a custom field', body: createCustomFieldBody, response: { 201: customFieldSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(201).send(await createCustomField(db, actor, req.body));
  });
  app.patch('/custom-fields/:id', { config: { scope: 'customers:write', access: 'admin' }, schema: { tags, summary: 'Rename a custom field or change its options', params: idParams, body: patchCustomFieldBody, response: { 200: customFieldSchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return updateCustomField(db, actor, req.params.id, req.body);
  });
  app.delete('/custom-fields/:id', { config: { scope: 'customers:write', access: 'admin' }, schema: { tags, summary: 'Delete a custom field definition', params: idParams } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    await deleteCustomField(db, actor, req.params.id);
    return reply.status(204).send();
  });
};

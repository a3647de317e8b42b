// HTTP routes of saved list views (/saved-views): everyone reads the views they may see; the owner or an admin edits.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/http/request-context.js';
import { idParams } from './schemas.js';
import { createSavedView, createSavedViewBody, deleteSavedView, listSavedViews, patchSavedViewBody, savedViewObject, savedViewSchema, updateSavedView } from './saved-views.js';

export const savedViewRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['saved views'];
  app.get('/saved-views', { config: { scope: 'customers:read' }, schema: { tags, summary: 'My saved list views and those shared with my team', querystring: z.object({ object: savedViewObject }), response: { 200: z.object({ data: z.array(savedViewSchema) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await listSavedViews(db, actor, req.query.object) };
  });
  app.post('/saved-views', { config: { scope: 'customers:write' }, schema: { tags, summary: 'Save a list view (filters, sort, columns), personal or shared with my team', body: createSavedViewBody, response: { 201: savedViewSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await createSavedView(db, actor, req.body));
  });
  app.patch('/saved-views/:id', { config: { scope: 'customers:write' }, schema: { tags, summary: 'Rename, share or update a saved view (its owner or an admin)', params: idParams, body: patchSavedViewBody, response: { 200: savedViewSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return updateSavedView(db, actor, req.params.id, req.body);
  });
  app.delete('/saved-views/:id', { config: { scope: 'customers:write' }, schema: { tags, summary: 'Delete a saved view (its owner or an admin)', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await deleteSavedView(db, actor, req.params.id);
    return reply.status(204).send();
  });
};

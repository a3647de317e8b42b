// HTTP routes of pipelines and their kanban board.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { boardQuery, boardSchema, pipelineInput, pipelinePatch, pipelineSchema } from './pipeline-schemas.js';
import { getPipeline, listPipelines } from './pipeline-repository.js';
import { createPipeline, deletePipeline, updatePipeline } from './save-pipeline.js';
import { getBoard } from './board.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export const pipelineRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['pipelines'];
  app.get('/pipelines', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Pipelines with their ordered stages', response: { 200: z.object({ data: z.array(pipelineSchema) }) } } }, async (req) => {
    const { db } = ctxOf(req);
    return { data: await listPipelines(db.kysely) };
  });
  app.post('/pipelines', { config: { scope: 'sales:write', access: 'manager' }, schema: { tags, summary: 'Create a pipeline (managers, admins)', body: pipelineInput, response: { 201: pipelineSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await createPipeline(db, actor, req.body));
  });
  app.get('/pipelines/:id', { config: { scope: 'sales:read' }, schema: { tags, summary: 'One pipeline', params: idParams, response: { 200: pipelineSchema } } }, async (req) => {
    const { db } = ctxOf(req);
    return getPipeline(db.kysely, req.params.id);
  });
  app.patch('/pipelines/:id', { config: { scope: 'sales:write', access: 'manager' }, schema: { tags, summary: 'Rename, make default, or change stages (the full ordered list; ids keep stages)', params: idParams, body: pipelinePatch, response: { 200: pipelineSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return updatePipeline(db, actor, req.params.id, req.body);
  });
  app.delete('/pipelines/:id', { config: { scope: 'sales:write', access: 'manager' }, schema: { tags, summary: 'Delete a pipeline without deals', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await deletePipeline(db, actor, req.params.id);
    return reply.status(204).send();
  });
  app.get('/pipelines/:id/board', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Kanban board: columns with a page of deals each and totals (count, amount, weighted)', params: idParams, querystring: boardQuery, response: { 200: boardSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return getBoard(db, actor, req.params.id, req.query);
  });
};

// HTTP routes of the timeline and of tasks.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/http/request-context.js';
import { idParams, listOf } from '../../core/http/common-schemas.js';
import { interactionInput, interactionListQuery, interactionPatch, interactionSchema, taskListQuery } from './schemas.js';
import { deleteInteraction, listTimeline, logInteraction, updateInteraction } from './interaction-service.js';
import { countTasks, listTasks } from './list-tasks.js';


export const interactionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['interactions'];
  app.get('/interactions', { config: { scope: 'interactions:read' }, schema: { tags, summary: 'Timeline of a contact or company, newest first', querystring: interactionListQuery, response: { 200: listOf(interactionSchema) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listTimeline(db, actor, req.query);
  });
  app.post('/interactions', { config: { scope: 'interactions:write' }, schema: { tags, summary: 'Log a note, call, meeting, email or task', body: interactionInput, response: { 201: interactionSchema } } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    return reply.status(201).send(await logInteraction(db, actor, req.body));
  });
  app.patch('/interactions/:id', { config: { scope: 'interactions:write' }, schema: { tags, summary: 'Change an interaction (e.g. mark a task done)', params: idParams, body: interactionPatch, response: { 200: interactionSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return updateInteraction(db, actor, req.params.id, req.body);
  });
  app.delete('/interactions/:id', { config: { scope: 'interactions:write' }, schema: { tags, summary: 'Delete an interaction', params: idParams } }, async (req, reply) => {
    const { db, actor } = ctxOf(req);
    await deleteInteraction(db, actor, req.params.id);
    return reply.status(204).send();
  });
  app.get('/tasks', { config: { scope: 'interactions:read' }, schema: { tags: ['tasks'], summary: 'Tasks of a user (default: mine), by due date', querystring: taskListQuery, response: { 200: listOf(interactionSchema) } } }, async (req) =>
    listTasks(ctxOf(req), req.query),
  );
  app.get(
    '/tasks/counts',
    {
      config: { scope: 'interactions:read' },
      schema: { tags: ['tasks'], summary: 'How many tasks of a user are overdue, due today, upcoming and done', querystring: taskListQuery.pick({ assignee: true, tz: true }), response: { 200: z.object({ overdue: z.number(), today: z.number(), upcoming: z.number(), done: z.number() }) } },
    },
    async (req) => countTasks(ctxOf(req), req.query),
  );
};

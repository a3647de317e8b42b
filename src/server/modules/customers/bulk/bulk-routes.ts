// POST /contacts/bulk (assign owner, tags, lifecycle stage) and POST /contacts/bulk-delete (managers; deferred so
// it can be undone through POST /jobs/:id/cancel). Large selections answer a job whose progress GET /jobs/:id shows.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { bulkBody, bulkDeleteBody, bulkResult } from './bulk-schemas.js';
import { startBulk } from './bulk-run.js';

export const contactBulkRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['contacts'];
  app.post(
    '/contacts/bulk',
    { config: { scope: 'customers:write' }, schema: { tags, summary: 'Change many contacts: by ids or by the list filter; up to 500 inline, more as a job', body: bulkBody, response: { 200: bulkResult, 202: bulkResult } } },
    async (req, reply) => {
      const { db, actor } = ctxOf(req);
      const result = await startBulk(db, actor, req.body.selection, req.body.action);
      return reply.status(result.mode === 'job' ? 202 : 200).send(result);
    },
  );
  app.post(
    '/contacts/bulk-delete',
    { config: { scope: 'customers:write', access: 'manager' }, schema: { tags, summary: 'Delete many contacts after an undo window (cancel the job to undo)', body: bulkDeleteBody, response: { 202: bulkResult } } },
    async (req, reply) => {
      const { db, actor } = ctxOf(req);
      return reply.status(202).send(await startBulk(db, actor, req.body.selection, { type: 'delete' }));
    },
  );
};

// POST /contacts/bulk and /companies/bulk (assign owner, tags; contacts also lifecycle stage) and POST
// /…/bulk-delete (managers; deferred so it can be undone through POST /jobs/:id/cancel). Large selections answer a
// job whose progress GET /jobs/:id shows.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { bulkBodies, bulkResult, type BulkAction, type BulkSelection } from './bulk-schemas.js';
import { startBulk } from './bulk-run.js';
import type { BulkObject } from './bulk-targets.js';

export const bulkRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const object of ['contacts', 'companies'] as BulkObject[]) {
    const tags = [object];
    const { body, deleteBody } = bulkBodies(object);
    app.post(
      `/${object}/bulk`,
      { config: { scope: 'customers:write' }, schema: { tags, summary: `Change many ${object}: by ids or by the list filter; up to 500 inline, more as a job`, body, response: { 200: bulkResult, 202: bulkResult } } },
      async (req, reply) => {
        const { db, actor } = ctxOf(req);
        const { selection, action } = req.body as { selection: BulkSelection; action: BulkAction };
        const result = await startBulk(db, actor, object, selection, action);
        return reply.status(result.mode === 'job' ? 202 : 200).send(result);
      },
    );
    app.post(
      `/${object}/bulk-delete`,
      { config: { scope: 'customers:write', access: 'manager' }, schema: { tags, summary: `Delete many ${object} after an undo window (cancel the job to undo)`, body: deleteBody, response: { 202: bulkResult } } },
      async (req, reply) => {
        const { db, actor } = ctxOf(req);
        return reply.status(202).send(await startBulk(db, actor, object, (req.body as { selection: BulkSelection }).selection, { type: 'delete' }));
      },
    );
  }
};

// GET /jobs/:id (progress of a background job), GET /jobs, POST /jobs/:id/cancel.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../http/request-context.js';
import { idParams } from '../http/common-schemas.js';
import { AppError, notFound } from '../errors.js';
import { cancelJob, getJob, jobSchema, toJob } from './job-queue.js';


export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['jobs'];
  app.get('/jobs/:id', { config: { scope: 'session' }, schema: { tags, summary: 'A background job and its progress', params: idParams, response: { 200: jobSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    const job = await getJob(db, req.params.id);
    if (!job || (actor.role !== 'admin' && job.createdBy !== actor.id)) throw notFound('Job');
    return job;
  });
  app.get(
    '/jobs',
    { config: { scope: 'session' }, schema: { tags, summary: 'Recent background jobs (yours; all for admins)', querystring: z.object({ type: z.string().max(50).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: z.object({ data: z.array(jobSchema) }) } } },
    async (req) => {
      const { db, actor } = ctxOf(req);
      let q = db.kysely.selectFrom('jobs').selectAll().orderBy('createdAt', 'desc').limit(req.query.limit);
      if (req.query.type) q = q.where('type', '=', req.query.type);
      if (actor.role !== 'admin') q = q.where('createdBy', '=', actor.id);
      return { data: (await q.execute()).map(toJob) };
    },
  );
  app.post('/jobs/:id/cancel', { config: { scope: 'session' }, schema: { tags, summary: 'Cancel a queued or running job', params: idParams, response: { 200: jobSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    const job = await getJob(db, req.params.id);
    if (!job || (actor.role !== 'admin' && job.createdBy !== actor.id)) throw notFound('Job');
    if (!(await cancelJob(db, job.id))) throw new AppError('conflict', `The job is already ${job.status}`);
    return (await getJob(db, job.id))!;
  });
};

// Routes of scheduled imports (admin): define one (source, mapping, daily/weekly time), list, run now, delete.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { requireAdmin } from '../../../core/http/request-context.js';
import { notFound } from '../../../core/errors.js';
import { enqueueJob, jobSchema } from '../../../core/jobs/job-queue.js';
import { createSchedule, deleteSchedule, listSchedules, scheduleInput, scheduleSchema } from '../../../core/jobs/schedules.js';
import { targetOf } from './import-service.js';
import { checkImportSource, importSourceSchema, type ScheduledImportPayload } from './scheduled-import.js';
import { importDir } from './upload-file.js';

const JOB = 'import.scheduled';
const body = scheduleInput.extend({
  object: z.string().max(50).default('contacts'),
  source: importSourceSchema,
  mapping: z.record(z.string().max(200), z.string().max(100).nullable()).optional(),
  onMatch: z.enum(['update', 'skip', 'create']).optional(),
  updateMode: z.enum(['fill', 'overwrite']).optional(),
});
const idParams = z.object({ id: z.string().min(1).max(100) });

export const scheduleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['imports'];
  app.post('/imports/schedules', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Run an import from a file in the import folder (RAPPORT_IMPORT_DIR) or a public HTTP(S) URL every day or week', body, response: { 201: scheduleSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    const { object, source, mapping, onMatch, updateMode, ...when } = req.body;
    targetOf(object);
    await checkImportSource(source);
    const payload: ScheduledImportPayload = { object, source, mapping, onMatch, updateMode, actor: { id: actor.id, teamId: actor.teamId, visibility: actor.visibility }, dir: importDir(app.dataDir) };
    const s = await db.kysely.transaction().execute(async (trx) => {
      const created = await createSchedule({ ...db, kysely: trx }, JOB, payload, when, actor.id);
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'schedule', entityId: created.id, after: created });
      return created;
    });
    return reply.status(201).send(s);
  });
  app.get('/imports/schedules', { config: { scope: 'data:read', access: 'admin' }, schema: { tags, summary: 'Scheduled imports', response: { 200: z.object({ data: z.array(scheduleSchema) }) } } }, async (req) => {
    const { db } = requireAdmin(req);
    return { data: await listSchedules(db, JOB) };
  });
  app.post('/imports/schedules/:id/run', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Run a scheduled import now', params: idParams, response: { 202: jobSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    const s = (await listSchedules(db, JOB)).find((x) => x.id === req.params.id);
    if (!s) throw notFound('Scheduled import');
    return reply.status(202).send(await enqueueJob(db, JOB, { ...(s.payload as object), scheduleId: s.id }, actor.id));
  });
  app.delete('/imports/schedules/:id', { config: { scope: 'data:write', access: 'admin' }, schema: { tags, summary: 'Delete a scheduled import', params: idParams } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    const s = (await listSchedules(db, JOB)).find((x) => x.id === req.params.id);
    if (!s) throw notFound('Scheduled import');
    await db.kysely.transaction().execute(async (trx) => {
      await deleteSchedule({ ...db, kysely: trx }, s.id);
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'schedule', entityId: s.id, before: s });
    });
    return reply.status(204).send();
  });
};

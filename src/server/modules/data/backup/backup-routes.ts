// Admin API for backups: start one (a job), list the files, and schedule recurring ones with retention.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import { requireAdmin } from '../../../core/http/request-context.js';
import { enqueueJob, jobSchema } from '../../../core/jobs/job-queue.js';
import { createSchedule, deleteSchedule, listSchedules, scheduleInput, scheduleSchema } from '../../../core/jobs/schedules.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { notFound } from '../../../core/errors.js';
import { listBackups } from './backup-service.js';
import { backupTarget } from './backup-job.js';

const keep = z.number().int().min(1).max(1000);
const backupSchema = z.object({ file: z.string(), engine: z.string(), format: z.string(), createdAt: z.string(), bytes: z.number(), seconds: z.number(), totalRows: z.number(), tables: z.number() });
const backupScheduleSchema = scheduleSchema.extend({ keep: z.number().nullable() });
const toSchedule = (s: z.infer<typeof scheduleSchema>) => ({ ...s, keep: (s.payload as { keep?: number } | null)?.keep ?? null });

export const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['backups'];
  app.post('/backups', { config: { scope: 'admin:backups', access: 'admin' }, schema: { tags, summary: 'Start a backup now (a background job; admin)', body: z.strictObject({ keep: keep.optional() }).optional(), response: { 202: jobSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(202).send(await enqueueJob(db, 'backup', { keep: req.body?.keep }, actor.id));
  });
  app.get('/backups', { config: { scope: 'admin:backups', access: 'admin' }, schema: { tags, summary: 'Backup files in <dataDir>/backups, newest first (admin)', response: { 200: z.object({ data: z.array(backupSchema) }) } } }, async (req) => {
    requireAdmin(req);
    const data = listBackups(backupTarget().dir).map((m) => ({ file: m.file, engine: m.engine, format: m.format, createdAt: m.createdAt, bytes: m.bytes, seconds: m.seconds, totalRows: m.fingerprint.totalRows, tables: Object.keys(m.fingerprint.tables).length }));
    return { data };
  });
  app.get('/backups/schedules', { config: { scope: 'admin:backups', access: 'admin' }, schema: { tags, summary: 'Scheduled backups (admin)', response: { 200: z.object({ data: z.array(backupScheduleSchema) }) } } }, async (req) => {
    const { db } = requireAdmin(req);
    return { data: (await listSchedules(db, 'backup')).map(toSchedule) };
  });
  app.post(
    '/backups/schedules',
    { config: { scope: 'admin:backups', access: 'admin' }, schema: { tags, summary: 'Schedule daily or weekly backups, keeping the newest `keep` (admin)', body: scheduleInput.extend({ keep: keep.default(7) }), response: { 201: backupScheduleSchema } } },
    async (req, reply) => {
      const { db, actor } = requireAdmin(req);
      const { keep: k, ...input } = req.body;
      const s = await db.kysely.transaction().execute(async (trx) => {
        const created = await createSchedule({ ...db, kysely: trx } as Db, 'backup', { keep: k }, input, actor.id);
        await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'backup_schedule', entityId: created.id, after: created });
        return created;
      });
      return reply.status(201).send(toSchedule(s));
    },
  );
  app.delete('/backups/schedules/:id', { config: { scope: 'admin:backups', access: 'admin' }, schema: { tags, summary: 'Stop a backup schedule (admin)', params: z.object({ id: z.string().min(1).max(100) }) } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    const before = (await listSchedules(db, 'backup')).find((s) => s.id === req.params.id);
    if (!before) throw notFound('Backup schedule');
    await db.kysely.transaction().execute(async (trx) => {
      await deleteSchedule({ ...db, kysely: trx } as Db, before.id);
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'backup_schedule', entityId: before.id, before });
    });
    return reply.status(204).send();
  });
};

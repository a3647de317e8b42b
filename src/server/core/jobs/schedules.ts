// Recurring jobs (scheduled imports, backups): a schedule enqueues its job when due, then moves to its next time.
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { enqueueJob } from './job-queue.js';
import { registerPoller } from './worker.js';

export const scheduleInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  frequency: z.enum(['daily', 'weekly']),
  atTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (UTC)'),
  weekday: z.number().int().min(0).max(6).nullable().optional(),
  active: z.boolean().optional(),
});
export type ScheduleInput = z.infer<typeof scheduleInput>;

export const scheduleSchema = z.object({
  id: z.string(),
  name: z.string(),
  jobType: z.string(),
  payload: z.unknown(),
  frequency: z.enum(['daily', 'weekly']),
  atTime: z.string(),
  weekday: z.number().nullable(),
  nextRunAt: z.string(),
  lastJobId: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

/** The first time strictly after `from` that matches the schedule (UTC). */
export function nextRun(s: { frequency: 'daily' | 'weekly'; atTime: string; weekday: number | null }, from: Date): Date {
  const [h, m] = s.atTime.split(':').map(Number) as [number, number];
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), h, m));
  while (d <= from || (s.frequency === 'weekly' && d.getUTCDay() !== (s.weekday ?? 1))) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

type Row = { id: string; name: string; jobType: string; payload: string; frequency: 'daily' | 'weekly'; atTime: string; weekday: number | null; nextRunAt: string; lastJobId: string | null; active: number; createdAt: string };
const toSchedule = (r: Row): Schedule => ({ id: r.id, name: r.name, jobType: r.jobType, payload: JSON.parse(r.payload), frequency: r.frequency, atTime: r.atTime, weekday: r.weekday, nextRunAt: r.nextRunAt, lastJobId: r.lastJobId, active: r.active === 1, createdAt: r.createdAt });

export async function createSchedule(db: Db, jobType: string, payload: unknown, input: ScheduleInput, createdBy: string | null): Promise<Schedule> {
  if (input.frequency === 'weekly' && (input.weekday === undefined || input.weekday === null)) {
    throw new AppError('validation', 'A weekly schedule needs a weekday', [{ path: 'weekday', message: '0 (Sunday) to 6 (Saturday)' }]);
  }
  const weekday = input.frequency === 'weekly' ? input.weekday! : null;
  const row = { id: newId(), name: input.name, jobType, payload: JSON.stringify(payload), frequency: input.frequency, atTime: input.atTime, weekday, nextRunAt: nextRun({ ...input, weekday }, new Date()).toISOString(), lastJobId: null, active: input.active === false ? 0 : 1, createdBy, createdAt: nowIso() };
  await db.kysely.insertInto('schedules').values(row).execute();
  return toSchedule(row);
}

export async function listSchedules(db: Db, jobType?: string): Promise<Schedule[]> {
  let q = db.kysely.selectFrom('schedules').selectAll().orderBy('createdAt');
  if (jobType) q = q.where('jobType', '=', jobType);
  return (await q.execute()).map(toSchedule);
}

export async function deleteSchedule(db: Db, id: string): Promise<void> {
  const res = await db.kysely.deleteFrom('schedules').where('id', '=', id).executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) throw notFound('Schedule');
}

/** Enqueues due schedules; the conditional update on next_run_at makes each run happen once across workers. */
export async function runDueSchedules(db: Db): Promise<number> {
  const now = new Date();
  const due = await db.kysely.selectFrom('schedules').selectAll().where('active', '=', 1).where('nextRunAt', '<=', now.toISOString()).limit(20).execute();
  let n = 0;
  for (const s of due) {
    const next = nextRun(s, now).toISOString();
    const res = await db.kysely.updateTable('schedules').set({ nextRunAt: next }).where('id', '=', s.id).where('nextRunAt', '=', s.nextRunAt).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) continue;
    const job = await enqueueJob(db, s.jobType, { ...JSON.parse(s.payload), scheduleId: s.id }, s.createdBy);
    await db.kysely.updateTable('schedules').set({ lastJobId: job.id }).where('id', '=', s.id).execute();
    n++;
  }
  return n;
}

registerPoller({ name: 'schedules', run: runDueSchedules, idleMs: 30_000 });

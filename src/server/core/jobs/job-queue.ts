// The job queue, kept in the database so jobs survive restarts and run on both engines: imports, dedup,
// exports, backups. A handler checkpoints its progress; a job whose worker died (its lock expired) is
// claimed again and resumes from the last checkpoint.
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../ids.js';
import { registerPoller } from './worker.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export const jobSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  payload: z.unknown(),
  progress: z.record(z.string(), z.unknown()),
  result: z.unknown(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export interface JobContext<P> {
  db: Db;
  job: Job & { payload: P };
  /** Saves progress (a checkpoint to resume from) and extends the job's lock. */
  checkpoint(progress: Record<string, unknown>): Promise<void>;
  /** True once someone cancelled the job: the handler should stop at the next checkpoint. */
  cancelled(): Promise<boolean>;
}

type Handler = (ctx: JobContext<any>) => Promise<unknown>;
const handlers = new Map<string, Handler>();

export const LOCK_MS = () => Number(process.env.RAPPORT_JOB_LOCK_MS ?? 30_000);

export function registerJobHandler<P>(type: string, handler: (ctx: JobContext<P>) => Promise<unknown>): void {
  handlers.set(type, handler as Handler);
}

type JobRow = { id: string; type: string; status: string; payload: string; progress: string; result: string | null; error: string | null; createdBy: string | null; createdAt: string; startedAt: string | null; finishedAt: string | null };

export function toJob(r: JobRow): Job {
  return { ...r, status: r.status as JobStatus, payload: JSON.parse(r.payload), progress: JSON.parse(r.progress), result: r.result ? JSON.parse(r.result) : null };
}

/** `runAt` (ISO) delays the job until then (a scheduled campaign send); default now. */
export async function enqueueJob(db: Db, type: string, payload: unknown, createdBy: string | null, opts: { runAt?: string } = {}): Promise<Job> {
  const now = nowIso();
  const row = { id: newId(), type, status: 'queued', payload: JSON.stringify(payload), progress: '{}', result: null, error: null, createdBy, createdAt: now, updatedAt: now, startedAt: null, finishedAt: null, runAt: opts.runAt ?? now, lockedUntil: null };
  await db.kysely.insertInto('jobs').values(row).execute();
  return toJob(row);
}

export async function getJob(db: Db, id: string): Promise<Job | null> {
  const r = await db.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toJob(r) : null;
}

export async function cancelJob(db: Db, id: string): Promise<boolean> {
  const res = await db.kysely.updateTable('jobs').set({ status: 'cancelled', finishedAt: nowIso(), updatedAt: nowIso() }).where('id', '=', id).where('status', 'in', ['queued', 'running']).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Claims one runnable job: queued and due, or running with an expired lock (its worker died). */
async function claimJob(db: Db): Promise<JobRow | null> {
  const now = nowIso();
  const types = [...handlers.keys()];
  if (types.length === 0) return null;
  const candidates = await db.kysely
    .selectFrom('jobs')
    .selectAll()
    .where('type', 'in', types)
    .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('runAt', '<=', now)]), eb.and([eb('status', '=', 'running'), eb('lockedUntil', '<', now)])]))
    .orderBy('createdAt')
    .limit(5)
    .execute();
  for (const c of candidates) {
    const lockedUntil = new Date(Date.now() + LOCK_MS()).toISOString();
    let q = db.kysely.updateTable('jobs').set({ status: 'running', lockedUntil, startedAt: c.startedAt ?? now, updatedAt: now }).where('id', '=', c.id).where('status', '=', c.status);
    q = c.lockedUntil === null ? q.where('lockedUntil', 'is', null) : q.where('lockedUntil', '=', c.lockedUntil);
    if (Number((await q.executeTakeFirst()).numUpdatedRows) === 1) return { ...c, status: 'running', lockedUntil, startedAt: c.startedAt ?? now } as JobRow;
  }
  return null;
}

export async function runNextJob(db: Db): Promise<number> {
  const row = await claimJob(db);
  if (!row) return 0;
  const job = toJob(row);
  const handler = handlers.get(job.type)!;
  const ctx: JobContext<unknown> = {
    db,
    job,
    async checkpoint(progress) {
      job.progress = progress;
      await db.kysely
        .updateTable('jobs')
        .set({ progress: JSON.stringify(progress), lockedUntil: new Date(Date.now() + LOCK_MS()).toISOString(), updatedAt: nowIso() })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .execute();
    },
    async cancelled() {
      const r = await db.kysely.selectFrom('jobs').select('status').where('id', '=', job.id).executeTakeFirst();
      return r?.status === 'cancelled';
    },
  };
  // While the handler runs, its lock is renewed, so a long step (a backup, a big batch) is never mistaken
  // for a dead worker; a process that really died stops renewing and its job is claimed again.
  const heartbeat = setInterval(() => {
    db.kysely
      .updateTable('jobs')
      .set({ lockedUntil: new Date(Date.now() + LOCK_MS()).toISOString() })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .execute()
      .catch(() => undefined);
  }, Math.max(50, LOCK_MS() / 3));
  heartbeat.unref();
  try {
    const result = await handler(ctx);
    await db.kysely
      .updateTable('jobs')
      .set({ status: 'done', result: JSON.stringify(result ?? null), lockedUntil: null, finishedAt: nowIso(), updatedAt: nowIso() })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .execute();
  } catch (err) {
    await db.kysely
      .updateTable('jobs')
      .set({ status: 'failed', error: (err as Error).message || String(err), lockedUntil: null, finishedAt: nowIso(), updatedAt: nowIso() })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .execute();
  } finally {
    clearInterval(heartbeat);
  }
  return 1;
}

registerPoller({ name: 'jobs', run: runNextJob, idleMs: 500 });

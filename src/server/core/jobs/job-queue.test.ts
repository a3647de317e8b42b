// The job queue: jobs run in the background, report progress, can be cancelled, and resume after a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { enqueueJob, getJob, registerJobHandler, runNextJob } from './job-queue.js';
import { nextRun } from './schedules.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const processed: number[] = [];
let crashAt: number | null = null;

registerJobHandler<{ items: number }>('test.count', async ({ job, checkpoint }) => {
  let next = Number(job.progress.next ?? 0);
  while (next < job.payload.items) {
    if (crashAt === next) {
      crashAt = null;
      throw Object.assign(new Error('simulated crash'), { crash: true });
    }
    processed.push(next);
    next++;
    await checkpoint({ next, total: job.payload.items });
  }
  return { counted: next };
});

let slowRuns = 0;
registerJobHandler('test.slow', async () => {
  slowRuns++;
  await new Promise((r) => setTimeout(r, 900));
  return { ok: true };
});

describe('job queue', () => {
  it('keeps renewing the lock of a long step so no other worker takes the job over', async () => {
    process.env.RAPPORT_JOB_LOCK_MS = '300';
    try {
      const job = await enqueueJob(t.app.db, 'test.slow', {}, null);
      const first = runNextJob(t.app.db);
      await new Promise((r) => setTimeout(r, 600)); // twice the lock time, without a checkpoint
      expect(await runNextJob(t.app.db)).toBe(0);
      await first;
      expect(slowRuns).toBe(1);
      expect((await getJob(t.app.db, job.id))!.status).toBe('done');
    } finally {
      delete process.env.RAPPORT_JOB_LOCK_MS;
    }
  });

  it('runs a job to done with its progress and result, visible over the API', async () => {
    const job = await enqueueJob(t.app.db, 'test.count', { items: 3 }, null);
    expect((await t.json('GET', `/api/v1/jobs/${job.id}`, t.admin)).body.status).toBe('queued');
    await t.app.worker.drain();
    const done = await t.json('GET', `/api/v1/jobs/${job.id}`, t.admin);
    expect(done.body).toMatchObject({ status: 'done', progress: { next: 3, total: 3 }, result: { counted: 3 } });
    expect((await t.json('POST', `/api/v1/jobs/${job.id}/cancel`, t.admin)).status).toBe(409);
  });

  it('resumes from the last checkpoint when its worker died (lock expired), processing nothing twice', async () => {
    processed.length = 0;
    const db = t.app.db;
    const job = await enqueueJob(db, 'test.count', { items: 6 }, null);
    // Simulate a worker that checkpointed up to 3 and then died without finishing: status running, lock expired.
    await db.kysely.updateTable('jobs').set({ status: 'running', progress: JSON.stringify({ next: 3, total: 6 }), lockedUntil: new Date(Date.now() - 1000).toISOString() }).where('id', '=', job.id).execute();
    while (await runNextJob(db)) {}
    expect(processed).toEqual([3, 4, 5]);
    expect((await getJob(db, job.id))!.status).toBe('done');
  });

  it('records a failure with its message', async () => {
    crashAt = 1;
    const job = await enqueueJob(t.app.db, 'test.count', { items: 2 }, null);
    await t.app.worker.drain();
    expect(await getJob(t.app.db, job.id)).toMatchObject({ status: 'failed', error: 'simulated crash', progress: { next: 1 } });
  });

  it('computes the next run of daily and weekly schedules in UTC', () => {
    const from = new Date('2026-11-25T10:00:00Z'); // a Wednesday
    expect(nextRun({ frequency: 'daily', atTime: '09:00', weekday: null }, from).toISOString()).toBe('2026-11-26T09:00:00.000Z');
    expect(nextRun({ frequency: 'daily', atTime: '11:30', weekday: null }, from).toISOString()).toBe('2026-11-25T11:30:00.000Z');
    expect(nextRun({ frequency: 'weekly', atTime: '02:00', weekday: 1 }, from).toISOString()).toBe('2026-11-30T02:00:00.000Z');
  });
});

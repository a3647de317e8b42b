// The "import" background job: runs an import to its end, resuming from its checkpoint after a crash.
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import { nowIso } from '../../../core/ids.js';
import { runImport } from './run-import.js';
import './targets/register-targets.js';

registerJobHandler<{ importId: string }>('import', async ({ db, job, checkpoint, cancelled }) => {
  try {
    return await runImport(db, job.payload.importId, { checkpoint: (p) => checkpoint({ importId: job.payload.importId, ...p }), cancelled });
  } catch (err) {
    // A file that breaks mid-way (malformed XLSX, an unreadable path) fails the import with the reason, visible in its status.
    await db.kysely
      .updateTable('imports')
      .set({ status: 'failed', error: (err as Error).message || String(err), finishedAt: nowIso() })
      .where('id', '=', job.payload.importId)
      .where('status', 'in', ['queued', 'running'])
      .execute();
    throw err;
  }
});

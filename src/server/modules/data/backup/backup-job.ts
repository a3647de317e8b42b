// The 'backup' job (from POST /backups, schedules and the CLI): a backup into <dataDir>/backups, then retention.
import path from 'node:path';
import { loadConfig } from '../../../core/config.js';
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { createBackup, pruneBackups } from './backup-service.js';

export interface BackupPayload {
  /** Keep only this many newest backups afterwards (scheduled backups' retention). */
  keep?: number;
}

let runtime: { databaseUrl: string; dataDir: string } | null = null;

/** The server names its database and data dir here; a bare `rapport worker` falls back to the environment. */
export function configureBackups(c: { databaseUrl: string; dataDir: string }): void {
  runtime = c;
}

export function backupTarget(): { databaseUrl: string; dir: string } {
  const c = runtime ?? loadConfig();
  return { databaseUrl: c.databaseUrl, dir: path.join(c.dataDir, 'backups') };
}

registerJobHandler<BackupPayload>('backup', async ({ db, job, checkpoint }) => {
  const { databaseUrl, dir } = backupTarget();
  await checkpoint({ phase: 'backing up' });
  const m = await createBackup(db, databaseUrl, dir);
  const pruned = job.payload.keep ? pruneBackups(dir, job.payload.keep) : [];
  await db.kysely.transaction().execute((trx) =>
    writeAudit(trx, db.engine, { actorId: job.createdBy, action: 'create', entity: 'backup', entityId: m.file, after: { file: m.file, format: m.format, bytes: m.bytes, totalRows: m.fingerprint.totalRows, pruned } }),
  );
  return { file: m.file, format: m.format, bytes: m.bytes, seconds: m.seconds, totalRows: m.fingerprint.totalRows, pruned };
});

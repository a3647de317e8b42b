// Backup and restore end to end on the real engine: a backup taken while the app runs is restored over later
// changes, and the restored database matches the backup table by table (row counts and content checksums).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, engine, type TestApp } from '../../../test/test-app.js';
import { migrateToLatest } from '../../../core/db/migrate.js';
import { verifyAudit } from '../../../core/audit/verify-audit.js';
import { migrationSets } from '../../../modules.js';
import { backupTarget } from './backup-job.js';
import { createBackup, liveFingerprint, listBackups } from './backup-service.js';
import { restoreBackup } from './restore-backup.js';
import { compareFingerprints } from './db-fingerprint.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const migrate = (db: Parameters<typeof migrateToLatest>[0]) => migrateToLatest(db, migrationSets);

async function someData(prefix: string, n: number) {
  for (let i = 0; i < n; i++) {
    const c = (await t.json('POST', '/api/v1/contacts', t.admin, { displayName: `${prefix}${i} 王芳`, emails: [`${prefix.toLowerCase()}${i}@example.com`], tags: ['备份'] })).body;
    await t.json('POST', '/api/v1/interactions', t.admin, { type: 'note', contactId: c.id, subject: '备注', body: `note ${i}` });
  }
}

describe('backup and restore', () => {
  it('backs up as an admin-only job, lists the file, and restores exactly what was backed up', async () => {
    const mgr = await t.json('POST', '/api/v1/users', t.admin, { email: 'm@example.com', name: 'M', password: 'password-123', role: 'manager' });
    expect(mgr.status).toBe(201);
    const m = await t.login('m@example.com', 'password-123');
    await someData('Before', 5);
    const before = await liveFingerprint(t.app.db);
    expect((await t.json('POST', '/api/v1/backups', m, {})).status).toBe(403);
    expect((await t.json('GET', '/api/v1/backups', m)).status).toBe(403);

    const { started, job: done } = await t.runJob('/api/v1/backups', {});
    expect(started.status).toBe(202);
    expect(done).toMatchObject({ status: 'done', result: { format: engine === 'sqlite' ? 'sqlite' : 'pg_dump' } });
    const list = (await t.json('GET', '/api/v1/backups', t.admin)).body.data;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ file: done.result.file, engine });
    const file = path.join(backupTarget().dir, list[0].file);
    expect(statSync(file).size).toBe(list[0].bytes);
    // The backup equals the state before it, but for the job's own row (running) and session bookkeeping.
    const manifest = listBackups(backupTarget().dir)[0]!;
    expect(differences(before, manifest.fingerprint)).toEqual([]);

    await someData('After', 3); // changes after the backup, which the restore must undo
    const c = (await t.json('GET', '/api/v1/contacts?q=Before0', t.admin)).body.data[0];
    await t.json('DELETE', `/api/v1/contacts/${c.id}`, t.admin);

    const url = engine === 'sqlite' ? `sqlite:${(t.app.db.sqlite as any).name}` : await pgUrl();
    await expect(restoreBackup(url, file, { migrate })).rejects.toThrow(/not empty.*--force/);
    const restored = await restoreBackup(url, file, { force: true, migrate });
    expect(restored.mismatches).toEqual([]);
    expect(restored.fingerprint.totalRows).toBe(manifest.fingerprint.totalRows);

    // The running app sees the restored data: the deleted contact is back, later ones are gone, the chain holds.
    expect((await t.json('GET', `/api/v1/contacts/${c.id}`, t.admin)).body.displayName).toBe('Before0 王芳');
    expect((await t.json('GET', '/api/v1/contacts?q=After', t.admin)).body.data).toEqual([]);
    expect((await t.json('GET', `/api/v1/contacts?q=${encodeURIComponent('王芳')}&limit=100`, t.admin)).body.data).toHaveLength(5);
    expect((await verifyAudit(t.app.db.kysely)).ok).toBe(true);
    expect(differences(before, await liveFingerprint(t.app.db))).toEqual([]);
  });

  it.runIf(engine === 'postgres')('falls back to a logical JSON-lines dump without pg_dump, and restores it verified', async () => {
    process.env.RAPPORT_PG_DUMP = '/nonexistent/pg_dump';
    try {
      const dir = path.join(backupTarget().dir, 'logical');
      const m = await createBackup(t.app.db, await pgUrl(), dir);
      expect(m.format).toBe('jsonl');
      await someData('Later', 2);
      const r = await restoreBackup(await pgUrl(), path.join(dir, m.file), { force: true, migrate });
      expect(r.mismatches).toEqual([]);
      expect((await t.json('GET', '/api/v1/contacts?q=Later', t.admin)).body.data).toEqual([]);
      // Serial ids continue after the restored ones: new audit entries chain on.
      await someData('Next', 1);
      expect((await verifyAudit(t.app.db.kysely)).ok).toBe(true);
    } finally {
      delete process.env.RAPPORT_PG_DUMP;
    }
  });

  it('schedules backups with retention, and prunes to the newest N', async () => {
    const bad = await t.json('POST', '/api/v1/backups/schedules', t.admin, { name: 'Nightly', frequency: 'weekly', atTime: '02:00', keep: 2 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('weekday');
    const s = await t.json('POST', '/api/v1/backups/schedules', t.admin, { name: 'Nightly', frequency: 'daily', atTime: '02:00', keep: 2 });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({ jobType: 'backup', keep: 2 });
    // Make it due now and let the worker run it three times (the backup names carry milliseconds).
    for (let i = 0; i < 3; i++) {
      await t.app.db.kysely.updateTable('schedules').set({ nextRunAt: new Date(Date.now() - 1000).toISOString() }).where('id', '=', s.body.id).execute();
      await t.app.worker.drain();
      await new Promise((r) => setTimeout(r, 5));
    }
    const files = (await t.json('GET', '/api/v1/backups', t.admin)).body.data;
    expect(files).toHaveLength(2);
    expect(files.every((f: any) => existsSync(path.join(backupTarget().dir, f.file)))).toBe(true);
    expect((await t.json('GET', '/api/v1/backups/schedules', t.admin)).body.data).toHaveLength(1);
    expect((await t.json('DELETE', `/api/v1/backups/schedules/${s.body.id}`, t.admin)).status).toBe(204);
    expect((await t.json('GET', '/api/v1/audit?entity=backup_schedule', t.admin)).body.data.map((e: any) => e.action)).toEqual(['delete', 'create']);
  });
});

const differences = (a: Parameters<typeof compareFingerprints>[0], b: Parameters<typeof compareFingerprints>[1]) => compareFingerprints(a, b).filter((x) => !['jobs', 'sessions'].includes(x));

/** The test app's PostgreSQL URL: the harness's server URL plus the app's schema. */
async function pgUrl(): Promise<string> {
  const { PG_URL } = await import('../../../test/test-app.js');
  const { sql } = await import('kysely');
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.app.db.kysely)).rows[0]!.s;
  return `${PG_URL}?schema=${schema}`;
}

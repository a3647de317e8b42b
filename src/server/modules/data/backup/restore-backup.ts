// `rapport restore`: puts a backup back (into an empty database, or over one with force) and proves it by comparing
// the restored database's fingerprint with the one recorded at backup time.
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase, parseDatabaseUrl, type Db } from '../../../core/db/database.js';
import { compareFingerprints, fingerprint, type Fingerprint } from './db-fingerprint.js';
import { readManifest, type BackupManifest } from './backup-service.js';
import { readLogicalDump } from './logical-dump.js';
import { dropSchemaTables, restorePgDump } from './postgres-backup.js';
import { restoreSqlite, sqliteRowsInUse } from './sqlite-backup.js';

export interface RestoreResult {
  manifest: BackupManifest;
  fingerprint: Fingerprint;
  /** Tables whose row count or content checksum differ from the backup's; empty means verified. */
  mismatches: string[];
  seconds: number;
}

export interface RestoreOptions {
  force?: boolean;
  /** Creates the schema (the app's migrations) for a logical restore. */
  migrate(db: Db): Promise<unknown>;
}

async function pgRowsInUse(k: Kysely<any>): Promise<number> {
  const present = (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(k)).rows.map((r) => r.name);
  let n = 0;
  for (const t of ['users', 'contacts', 'companies', 'audit_log'].filter((x) => present.includes(x))) n += Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(k)).rows[0]!.n);
  return n;
}

const notEmpty = (n: number) => new Error(`the target database is not empty (${n} users, contacts, companies and audit entries); restore with --force to replace it`);

export async function restoreBackup(databaseUrl: string, file: string, opts: RestoreOptions): Promise<RestoreResult> {
  const t0 = performance.now();
  const manifest = readManifest(file);
  const { engine, target } = parseDatabaseUrl(databaseUrl);
  if (engine !== manifest.engine) throw new Error(`this is a ${manifest.engine} backup; DATABASE_URL is a ${engine} database`);
  if (engine === 'sqlite') {
    const inUse = sqliteRowsInUse(target);
    if (inUse > 0 && !opts.force) throw notEmpty(inUse);
    await restoreSqlite(file, target);
  }
  const db = openDatabase(databaseUrl);
  try {
    const k = db.kysely.withoutPlugins();
    if (engine === 'postgres') {
      const inUse = await pgRowsInUse(k);
      if (inUse > 0 && !opts.force) throw notEmpty(inUse);
      await dropSchemaTables(k);
      if (manifest.format === 'pg_dump') await restorePgDump(k, databaseUrl, file, manifest.schema ?? 'public', path.join(path.dirname(file), `.${path.basename(file)}.list`));
      else {
        await opts.migrate(db);
        await k.transaction().execute((trx) => readLogicalDump(trx, 'postgres', file));
      }
    }
    const tx = k.transaction();
    const fp = await (engine === 'postgres' ? tx.setIsolationLevel('repeatable read') : tx).execute((trx) => fingerprint(trx, engine));
    return { manifest, fingerprint: fp, mismatches: compareFingerprints(manifest.fingerprint, fp), seconds: (performance.now() - t0) / 1000 };
  } finally {
    await db.close();
  }
}

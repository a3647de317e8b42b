// SQLite backups through the online backup API (consistent while the server keeps writing) and restores the same way.
import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import { fingerprint, type Fingerprint } from './db-fingerprint.js';

/** Copies the live database page by page into `file`, then fingerprints the copy (nobody writes to it). */
export async function backupSqlite(db: Db, file: string): Promise<Fingerprint> {
  if (!db.sqlite) throw new Error('not a SQLite database');
  await db.sqlite.backup(file);
  // The copy inherits WAL mode; a rollback-journal file is one self-contained file to move around.
  const copy = new SqliteDatabase(file);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  return fingerprintSqliteFile(file);
}

export async function fingerprintSqliteFile(file: string): Promise<Fingerprint> {
  const k = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file, { readonly: true, fileMustExist: true }) }) });
  try {
    return await fingerprint(k, 'sqlite');
  } finally {
    await k.destroy();
  }
}

/** Rows in the tables that say a database is in use; 0 for a missing or freshly migrated file. */
export function sqliteRowsInUse(target: string): number {
  if (!existsSync(target)) return 0;
  const s = new SqliteDatabase(target, { readonly: true });
  try {
    const tables = new Set((s.prepare(`select name from sqlite_master where type = 'table'`).pluck().all() as string[]));
    return ['users', 'contacts', 'companies', 'audit_log'].filter((t) => tables.has(t)).reduce((n, t) => n + Number(s.prepare(`select count(*) from ${t}`).pluck().get()), 0);
  } finally {
    s.close();
  }
}

/**
 * Writes the backup over `target` through the backup API, so a server that has the file open sees the restored
 * database on its next read instead of a file swapped under it.
 */
export async function restoreSqlite(file: string, target: string): Promise<void> {
  const src = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    await src.backup(target);
  } finally {
    src.close();
  }
}

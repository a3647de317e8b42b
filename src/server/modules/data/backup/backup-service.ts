// Backups as files in <dataDir>/backups, each with a manifest holding the fingerprint that a restore must match.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../core/db/database.js';
import { fingerprint as fingerprintOf, type Fingerprint } from './db-fingerprint.js';
import { backupSqlite } from './sqlite-backup.js';
import { backupPostgres, hasPgDump } from './postgres-backup.js';

export type BackupFormat = 'sqlite' | 'pg_dump' | 'jsonl';
const extension: Record<BackupFormat, string> = { sqlite: 'sqlite', pg_dump: 'pgdump', jsonl: 'jsonl.gz' };

export interface BackupManifest {
  file: string;
  engine: 'sqlite' | 'postgres';
  format: BackupFormat;
  /** PostgreSQL: the schema the dump was taken from. */
  schema?: string;
  createdAt: string;
  bytes: number;
  seconds: number;
  fingerprint: Fingerprint;
}

export const manifestPath = (backupFile: string) => `${backupFile}.manifest.json`;

/** A consistent backup of the whole database while it serves; returns its manifest (also written beside it). */
export async function createBackup(db: Db, databaseUrl: string, dir: string): Promise<BackupManifest> {
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const createdAt = new Date().toISOString();
  const format: BackupFormat = db.engine === 'sqlite' ? 'sqlite' : hasPgDump() ? 'pg_dump' : 'jsonl';
  const file = path.join(dir, `rapport-${createdAt.replace(/[-:]/g, '').replace('T', '-').replace('.', '-').slice(0, 19)}.${extension[format]}`);
  let fp: Fingerprint;
  let schema: string | undefined;
  if (db.engine === 'sqlite') fp = await backupSqlite(db, file);
  else ({ fingerprint: fp, schema } = await backupPostgres(db.kysely.withoutPlugins(), databaseUrl, file, format as 'pg_dump' | 'jsonl'));
  const manifest: BackupManifest = { file: path.basename(file), engine: db.engine, format, schema, createdAt, bytes: statSync(file).size, seconds: (performance.now() - t0) / 1000, fingerprint: fp };
  writeFileSync(manifestPath(file), JSON.stringify(manifest, null, 2));
  return manifest;
}

export function readManifest(backupFile: string): BackupManifest {
  try {
    return JSON.parse(readFileSync(manifestPath(backupFile), 'utf8')) as BackupManifest;
  } catch {
    throw new Error(`no readable manifest beside ${backupFile} (expected ${manifestPath(backupFile)})`);
  }
}

/** Backups in the directory, newest first. */
export function listBackups(dir: string): BackupManifest[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.manifest.json'))
    .flatMap((n) => {
      try {
        const m = JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as BackupManifest;
        return statSync(path.join(dir, m.file)).isFile() ? [m] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Retention: keeps the newest `keep` backups, deletes the rest (file and manifest); returns the deleted names. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(Math.max(keep, 1));
  for (const m of old) {
    rmSync(path.join(dir, m.file), { force: true });
    rmSync(manifestPath(path.join(dir, m.file)), { force: true });
  }
  return old.map((m) => m.file);
}

/** Fingerprint of a live database, read in one transaction. */
export async function liveFingerprint(db: Db): Promise<Fingerprint> {
  // Read only: on SQLite that keeps a deferred BEGIN, so counting every table does not hold other processes' writes up.
  const tx = db.kysely.withoutPlugins().transaction().setAccessMode('read only');
  return (db.engine === 'postgres' ? tx.setIsolationLevel('repeatable read') : tx).execute((trx) => fingerprintOf(trx, db.engine));
}

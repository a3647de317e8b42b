// PostgreSQL backups: pg_dump -Fc of the schema at an exported snapshot (the fingerprint reads the same snapshot),
// restored with pg_restore; without pg_dump, a logical JSON-lines dump taken in the same kind of snapshot.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { parseDatabaseUrl } from '../../../core/db/database.js';
import { fingerprint, type Fingerprint } from './db-fingerprint.js';
import { writeLogicalDump } from './logical-dump.js';

export const pgDumpBin = () => process.env.RAPPORT_PG_DUMP ?? 'pg_dump';
export const pgRestoreBin = () => process.env.RAPPORT_PG_RESTORE ?? 'pg_restore';

export function hasPgDump(): boolean {
  const r = spawnSync(pgDumpBin(), ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

function run(bin: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${bin} exited with ${code}: ${err.trim()}`))));
  });
}

export async function currentSchema(db: Kysely<any>): Promise<string> {
  return (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s;
}

/** Dumps (pg_dump or logical) and fingerprints one repeatable-read snapshot, so the two describe the same state. */
export async function backupPostgres(db: Kysely<any>, url: string, file: string, format: 'pg_dump' | 'jsonl'): Promise<{ fingerprint: Fingerprint; schema: string }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const schema = await currentSchema(trx);
      if (format === 'jsonl') {
        await writeLogicalDump(trx, 'postgres', file);
      } else {
        const snapshot = (await sql<{ s: string }>`select pg_export_snapshot() as s`.execute(trx)).rows[0]!.s;
        await run(pgDumpBin(), ['--format=custom', `--schema=${schema}`, '--no-owner', '--no-acl', `--snapshot=${snapshot}`, `--file=${file}`, parseDatabaseUrl(url).target]);
      }
      return { fingerprint: await fingerprint(trx, 'postgres'), schema };
    });
}

/** Drops every table of the current schema (restore --force); sequences owned by them go with them. */
export async function dropSchemaTables(db: Kysely<any>): Promise<void> {
  const tables = (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows;
  for (const t of tables) await sql`drop table if exists ${sql.table(t.name)} cascade`.execute(db);
}

/** pg_restore into the schema the dump was taken from, which must be the target's (objects are schema-qualified). */
export async function restorePgDump(db: Kysely<any>, url: string, file: string, schema: string, listFile: string): Promise<void> {
  const target = parseDatabaseUrl(url).schema ?? 'public';
  if (target !== schema) throw new Error(`this backup is of PostgreSQL schema "${schema}"; DATABASE_URL points at "${target}" (use ?schema=${schema})`);
  await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  await sql`create extension if not exists pg_trgm with schema public`.execute(db).catch(() => {});
  // The schema itself already exists: restore everything in it but its CREATE SCHEMA entry.
  const list = (await run(pgRestoreBin(), ['--list', file])).split('\n').filter((l) => !/^\d+; \d+ \d+ SCHEMA - /.test(l));
  writeFileSync(listFile, list.join('\n'));
  await run(pgRestoreBin(), ['--no-owner', '--no-acl', '--exit-on-error', `--use-list=${listFile}`, `--dbname=${parseDatabaseUrl(url).target}`, file]);
}

// Proof that a restore gives back exactly what was backed up: per table, the row count and an order-independent
// 128-bit sum of row hashes (so rows may come back in any physical order), read in keyset pages of rowid / ctid.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../../core/db/database.js';

export interface TableFingerprint {
  rows: number;
  hash: string;
}
export interface Fingerprint {
  tables: Record<string, TableFingerprint>;
  totalRows: number;
}

/** The tables that hold data: not migration bookkeeping, not SQLite's FTS index (rebuilt from search_index). */
export async function dataTables(db: Kysely<any>, engine: Engine): Promise<string[]> {
  if (engine === 'sqlite') {
    const rows = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)).rows;
    const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name);
    return rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_') && !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
  }
  const rows = (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)).rows;
  return rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_'));
}

const MASK = (1n << 64n) - 1n;

/** Canonical row text: values by sorted column name, so column order in the table does not matter. */
export function rowText(row: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(row).sort().map((k) => row[k]));
}

export async function tableFingerprint(db: Kysely<any>, engine: Engine, table: string, page = 5000): Promise<TableFingerprint> {
  let a = 0n;
  let b = 0n;
  let rows = 0;
  let after: string | number = engine === 'sqlite' ? -(2 ** 53) : '(0,0)';
  for (;;) {
    const batch =
      engine === 'sqlite'
        ? (await sql<Record<string, unknown>>`select rowid as "__k", * from ${sql.table(table)} where rowid > ${after} order by rowid limit ${page}`.execute(db)).rows
        : (await sql<Record<string, unknown>>`select ctid::text as "__k", * from ${sql.table(table)} where ctid > ${after}::tid order by ctid limit ${page}`.execute(db)).rows;
    if (batch.length === 0) break;
    for (const r of batch) {
      after = r.__k as string | number;
      delete r.__k;
      const d = createHash('sha256').update(rowText(r)).digest();
      a = (a + d.readBigUInt64BE(0)) & MASK;
      b = (b + d.readBigUInt64BE(8)) & MASK;
      rows++;
    }
  }
  return { rows, hash: a.toString(16).padStart(16, '0') + b.toString(16).padStart(16, '0') };
}

/** Must run inside one snapshot (a transaction, or a file nobody writes) to describe one consistent state. */
export async function fingerprint(db: Kysely<any>, engine: Engine): Promise<Fingerprint> {
  const tables: Record<string, TableFingerprint> = {};
  let totalRows = 0;
  for (const t of await dataTables(db, engine)) {
    tables[t] = await tableFingerprint(db, engine, t);
    totalRows += tables[t].rows;
  }
  return { tables, totalRows };
}

/** The tables whose count or hash differ (empty when the two states are the same). */
export function compareFingerprints(expected: Fingerprint, actual: Fingerprint): string[] {
  const names = new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)]);
  return [...names].filter((n) => expected.tables[n]?.rows !== actual.tables[n]?.rows || expected.tables[n]?.hash !== actual.tables[n]?.hash).sort();
}

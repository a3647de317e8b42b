// Multi-row inserts and updates for imports, executed through Kysely as precompiled statements: one statement per
// chunk on SQLite (within its 32,766 parameter limit), one unnest() of column arrays per batch on PostgreSQL.
import { CompiledQuery } from 'kysely';
import type { DbOrTrx, Engine } from '../../../core/db/database.js';

export interface BulkColumn {
  name: string; // snake_case, as in the database
  /** PostgreSQL type of the column: text, integer, bigint or text[] (sent as space-joined text). */
  pg: 'text' | 'integer' | 'bigint' | 'text[]';
}

const SQLITE_MAX_PARAMS = 32_000;
const sqlCache = new Map<string, string>();

function sqliteInsert(table: string, cols: BulkColumn[], rows: number, conflict: string): string {
  const key = `${table}|${cols.length}|${rows}|${conflict}`;
  let text = sqlCache.get(key);
  if (!text) {
    const one = `(${cols.map(() => '?').join(',')})`;
    text = `insert into ${table} (${cols.map((c) => `"${c.name}"`).join(',')}) values ${Array.from({ length: rows }, () => one).join(',')}${conflict}`;
    if (sqlCache.size > 200) sqlCache.clear();
    sqlCache.set(key, text);
  }
  return text;
}

export interface BulkInsertOptions {
  ignoreConflicts?: boolean;
  /** Upsert: on a conflict on these columns, set the `set` columns to the new row's values. */
  upsert?: { on: string[]; set: string[] };
}

function conflictClause(opts: BulkInsertOptions): string {
  if (opts.upsert) return ` on conflict (${opts.upsert.on.map((c) => `"${c}"`).join(',')}) do update set ${opts.upsert.set.map((c) => `"${c}" = excluded."${c}"`).join(',')}`;
  return opts.ignoreConflicts ? ' on conflict do nothing' : '';
}

export async function bulkInsert(db: DbOrTrx, engine: Engine, table: string, cols: BulkColumn[], rows: unknown[][], opts: BulkInsertOptions = {}): Promise<void> {
  if (rows.length === 0) return;
  const conflict = conflictClause(opts);
  if (engine === 'sqlite') {
    const per = Math.max(1, Math.floor(SQLITE_MAX_PARAMS / cols.length));
    for (let at = 0; at < rows.length; at += per) {
      const chunk = rows.slice(at, at + per);
      await db.executeQuery(CompiledQuery.raw(sqliteInsert(table, cols, chunk.length, conflict), chunk.flat()));
    }
    return;
  }
  const { arrays, select, unnest } = pgColumns(cols, rows);
  const text = `insert into ${table} (${cols.map((c) => `"${c.name}"`).join(',')}) select ${select} from unnest(${unnest}) as t(${cols.map((_, i) => `c${i}`).join(',')})${conflict}`;
  await db.executeQuery(CompiledQuery.raw(text, arrays));
}

/** PostgreSQL: one array parameter per column, and the select list turning them back into values. */
function pgColumns(cols: BulkColumn[], rows: unknown[][]) {
  const arrays = cols.map((c, i) => rows.map((r) => (c.pg === 'text[]' ? ((r[i] as string[] | null) ?? []).join(' ') : r[i])));
  const exprs = cols.map((c, i) => (c.pg === 'text[]' ? `string_to_array(c${i}, ' ')` : `c${i}`));
  const unnest = cols.map((c, i) => `$${i + 1}::${c.pg === 'text[]' ? 'text' : c.pg}[]`).join(',');
  return { arrays, select: exprs.join(','), exprs, unnest };
}

/**
 * Updates many rows by key in one statement per chunk: `rows` are [key, ...values of cols[1..]]; cols[0] is the key
 * column. Rows whose key is gone are left alone (never re-inserted).
 */
export async function bulkUpdate(db: DbOrTrx, engine: Engine, table: string, cols: BulkColumn[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const [key, ...set] = cols;
  if (!key || set.length === 0) throw new Error('bulkUpdate needs a key column and at least one column to set');
  if (engine === 'sqlite') {
    // A VALUES list names its columns column1, column2, …
    const assignments = set.map((c, i) => `"${c.name}" = v.column${i + 2}`).join(',');
    const per = Math.max(1, Math.floor(SQLITE_MAX_PARAMS / cols.length));
    for (let at = 0; at < rows.length; at += per) {
      const chunk = rows.slice(at, at + per);
      const one = `(${cols.map(() => '?').join(',')})`;
      const text = `update ${table} set ${assignments} from (values ${Array.from({ length: chunk.length }, () => one).join(',')}) as v where ${table}."${key.name}" = v.column1`;
      await db.executeQuery(CompiledQuery.raw(text, chunk.flat()));
    }
    return;
  }
  const { arrays, exprs, unnest } = pgColumns(cols, rows);
  const names = cols.map((_, i) => `c${i}`);
  const text = `update ${table} set ${set.map((c, i) => `"${c.name}" = v.c${i + 1}`).join(',')} from (select ${exprs.map((e, i) => `${e} as c${i}`).join(',')} from unnest(${unnest}) as t(${names.join(',')})) as v where ${table}."${key.name}" = v.c0`;
  await db.executeQuery(CompiledQuery.raw(text, arrays));
}

/** Runs `fn` on slices of `items` small enough for an IN (...) list on both engines. */
export async function inChunks<T, R>(items: T[], fn: (chunk: T[]) => Promise<R[]>, size = 500): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await fn(items.slice(i, i + size))));
  return out;
}

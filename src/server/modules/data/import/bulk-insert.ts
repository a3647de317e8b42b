// Multi-row inserts for imports, executed through Kysely as precompiled statements: one statement per chunk on
// SQLite (within its 32,766 parameter limit), one unnest() of column arrays per batch on PostgreSQL.
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

export async function bulkInsert(db: DbOrTrx, engine: Engine, table: string, cols: BulkColumn[], rows: unknown[][], opts: { ignoreConflicts?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return;
  const conflict = opts.ignoreConflicts ? ' on conflict do nothing' : '';
  if (engine === 'sqlite') {
    const per = Math.max(1, Math.floor(SQLITE_MAX_PARAMS / cols.length));
    for (let at = 0; at < rows.length; at += per) {
      const chunk = rows.slice(at, at + per);
      await db.executeQuery(CompiledQuery.raw(sqliteInsert(table, cols, chunk.length, conflict), chunk.flat()));
    }
    return;
  }
  const arrays = cols.map((c, i) => rows.map((r) => (c.pg === 'text[]' ? ((r[i] as string[] | null) ?? []).join(' ') : r[i])));
  const select = cols.map((c, i) => (c.pg === 'text[]' ? `string_to_array(c${i}, ' ')` : `c${i}`)).join(',');
  const unnest = cols.map((c, i) => `$${i + 1}::${c.pg === 'text[]' ? 'text' : c.pg}[]`).join(',');
  const text = `insert into ${table} (${cols.map((c) => `"${c.name}"`).join(',')}) select ${select} from unnest(${unnest}) as t(${cols.map((_, i) => `c${i}`).join(',')})${conflict}`;
  await db.executeQuery(CompiledQuery.raw(text, arrays));
}

/** Runs `fn` on slices of `items` small enough for an IN (...) list on both engines. */
export async function inChunks<T, R>(items: T[], fn: (chunk: T[]) => Promise<R[]>, size = 500): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await fn(items.slice(i, i + size))));
  return out;
}

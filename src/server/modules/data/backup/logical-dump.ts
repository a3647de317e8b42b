// A logical dump: every data table as gzipped JSON lines ({"table",…} then one array of values per row),
// parents before children so a restore satisfies foreign keys; used when pg_dump is not installed.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../../core/db/database.js';
import { dataTables } from './db-fingerprint.js';

/** Tables ordered so every table comes after the tables its foreign keys point at. */
export async function tablesInDependencyOrder(db: Kysely<any>, engine: Engine): Promise<string[]> {
  const tables = await dataTables(db, engine);
  const deps = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const t of tables) {
    const parents =
      engine === 'sqlite'
        ? (await sql<{ p: string }>`select "table" as p from pragma_foreign_key_list(${t})`.execute(db)).rows
        : (await sql<{ p: string }>`select pc.relname as p from pg_constraint c join pg_class cc on cc.oid = c.conrelid join pg_class pc on pc.oid = c.confrelid
            join pg_namespace n on n.oid = cc.relnamespace where c.contype = 'f' and n.nspname = current_schema() and cc.relname = ${t}`.execute(db)).rows;
    for (const { p } of parents) if (p !== t && deps.has(p)) deps.get(t)!.add(p);
  }
  const out: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (out.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const p of deps.get(t) ?? []) visit(p, seen);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

export async function writeLogicalDump(db: Kysely<any>, engine: Engine, file: string): Promise<void> {
  const gz = createGzip({ level: 6 });
  const out = gz.pipe(createWriteStream(file));
  const write = async (line: string) => {
    if (!gz.write(line + '\n')) await once(gz, 'drain');
  };
  for (const table of await tablesInDependencyOrder(db, engine)) {
    const key = engine === 'sqlite' ? sql`rowid` : sql`ctid`;
    let after: unknown = engine === 'sqlite' ? -(2 ** 53) : '(0,0)';
    let columns: string[] | null = null;
    for (;;) {
      const cond = engine === 'sqlite' ? sql`rowid > ${after}` : sql`ctid > ${after}::tid`;
      const rows = (await sql<Record<string, unknown>>`select ${key} as "__k", * from ${sql.table(table)} where ${cond} order by ${key} limit 5000`.execute(db)).rows;
      if (columns === null) {
        columns = rows.length ? Object.keys(rows[0]!).filter((c) => c !== '__k') : [];
        await write(JSON.stringify({ table, columns }));
      }
      if (rows.length === 0) break;
      for (const r of rows) {
        after = engine === 'sqlite' ? r.__k : String(r.__k);
        await write(JSON.stringify(columns.map((c) => r[c])));
      }
    }
  }
  gz.end();
  await finished(out);
}

/** Inserts a logical dump into migrated, emptied tables; then moves serial sequences past the restored ids. */
export async function readLogicalDump(db: Kysely<any>, engine: Engine, file: string): Promise<number> {
  let table = '';
  let columns: string[] = [];
  let batch: Record<string, unknown>[] = [];
  let n = 0;
  const flush = async () => {
    if (batch.length) await db.insertInto(table).values(batch).execute();
    n += batch.length;
    batch = [];
  };
  const tables: string[] = [];
  // Children before parents, so no foreign key sees its parent vanish first.
  for (const t of (await tablesInDependencyOrder(db, engine)).reverse()) await db.deleteFrom(t).execute();
  // Opened only now: a readline interface left unread while we awaited would drop its lines.
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const v = JSON.parse(line);
    if (!Array.isArray(v)) {
      await flush();
      ({ table, columns } = v as { table: string; columns: string[] });
      tables.push(table);
      continue;
    }
    batch.push(Object.fromEntries(columns.map((c, i) => [c, v[i]])));
    if (batch.length * Math.max(columns.length, 1) >= 20_000) await flush();
  }
  await flush();
  if (engine === 'postgres') {
    const serials = (await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema() and column_default like 'nextval(%'`.execute(db)).rows;
    for (const s of serials.filter((x) => tables.includes(x.t))) {
      await sql`select setval(pg_get_serial_sequence(${s.t}, ${s.c}), coalesce((select max(${sql.ref(s.c)}) from ${sql.table(s.t)}), 0) + 1, false)`.execute(db);
    }
  }
  return n;
}

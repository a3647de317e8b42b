// A large synthetic data set (`rapport seed --contacts N`) for benchmarks: bulk inserts, no audit trail.
// Rows are indexed for search exactly as the API indexes them (contactSearchSource / companySearchSource).
// On SQLite a large load drops the secondary indexes and the FTS insert trigger, loads, then rebuilds them
// (sorting once is much cheaper than a million random B-tree inserts); on PostgreSQL it inserts with unnest().
import { randomFillSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../core/db/database.js';
import { gramsValue, searchDocument, shortGrams, lifecycleStages, sortName } from '../modules/customers/index.js';
import { cnCities, cnCompanyPrefix, cnCompanySuffix, cnFamily, cnGiven, enCompanyWords, enCompanySuffix, enFamily, enGiven, industries, pick, rng, sources, titles } from './names.js';

/** Rows generated at a time: small enough that each batch dies young (a cheap scavenge, not an old-generation GC). */
const BATCH = 1_000;
/** Rows per PostgreSQL insert and per message to the FTS worker. */
const CHUNK = 10_000;

const contactCols = ['id', 'display_name', 'given_name', 'family_name', 'title', 'company_id', 'emails', 'phones', 'primary_email', 'primary_phone', 'address', 'birthday', 'source', 'lifecycle_stage', 'owner_id', 'team_id', 'consent_email', 'consent_sms', 'consent_phone', 'custom', 'created_at', 'updated_at', 'sort_name'] as const;
const companyCols = ['id', 'name', 'domain', 'industry', 'size', 'annual_revenue', 'currency', 'address', 'owner_id', 'team_id', 'custom', 'created_at', 'updated_at', 'sort_name'] as const;
const searchCols = ['entity', 'entity_id', 'doc', 'grams'] as const;
type Row = unknown[];

/** Phase timings on stderr when RAPPORT_SEED_TIMINGS is set (used by the benchmark notes). */
const timings = process.env.RAPPORT_SEED_TIMINGS ? (label: string, t0: number) => console.error(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s`) : () => {};

/** UUIDv7 at a given millisecond with random bits from a pooled buffer (one crypto call per 4,096 ids, not per id). */
function uuidV7Factory(): (msecs: number) => string {
  const pool = Buffer.alloc(10 * 4096);
  let at = pool.length;
  const hex = (b: number) => (b < 16 ? '0' : '') + b.toString(16);
  return (msecs) => {
    if (at >= pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    const ts = msecs.toString(16).padStart(12, '0');
    const b = pool.subarray(at, (at += 10));
    const randA = ((b[0]! & 0x0f) << 8) | b[1]!;
    const variant = hex((b[2]! & 0x3f) | 0x80) + hex(b[3]!);
    let tail = '';
    for (let i = 4; i < 10; i++) tail += hex(b[i]!);
    return `${ts.slice(0, 8)}-${ts.slice(8)}-7${randA.toString(16).padStart(3, '0')}-${variant}-${tail}`;
  };
}

interface Generated {
  contacts: Row[];
  search: Row[];
}

export async function seedSynthetic(db: Db, count: number, seed = 42): Promise<number> {
  const r = rng(seed);
  const uuid = uuidV7Factory();
  const users = await db.kysely.selectFrom('users').select(['id', 'teamId']).execute();
  const start = Date.now() - 3 * 365 * 86400_000;
  const companyCount = Math.max(10, Math.floor(count / 100));
  const existing = Number((await db.kysely.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const companies: { id: string; name: string }[] = [];
  const companyRows: Row[] = [];
  const companySearch: Row[] = [];
  for (let i = 0; i < companyCount; i++) {
    const cn = r() < 0.7;
    const name = cn ? `${pick(r, cnCities)}${pick(r, cnCompanyPrefix)}${pick(r, cnCompanyPrefix)}${pick(r, cnCompanySuffix)}有限公司 ${existing + i}` : `${pick(r, enCompanyWords)} ${pick(r, enCompanySuffix)} ${existing + i}`;
    const at = start + Math.floor((i / companyCount) * 86400_000 * 30);
    const id = uuid(at);
    const owner = users.length ? pick(r, users) : null;
    const industry = pick(r, industries);
    const iso = new Date(at).toISOString();
    companies.push({ id, name });
    companyRows.push([id, name, null, industry, pick(r, ['1-10', '11-50', '51-200', '201-1000', '1000+']), Math.floor(r() * 1e10), 'CNY', null, owner?.id ?? null, owner?.teamId ?? null, '{}', iso, iso, sortName(name)]);
    // companySearchSource in company-service.ts: names [name], extra [domain, industry].
    companySearch.push(['company', id, searchDocument({ names: [name], extra: [null, industry] }), gramsValue(db.engine, shortGrams([name]))]);
  }

  const addresses = { cn: cnCities.map((c) => JSON.stringify({ city: c, country: 'CN' })), en: JSON.stringify({ city: 'New York', country: 'US' }) };
  const span = Date.now() - start;
  // A few thousand distinct names repeat across a million contacts: their short grams are worked out once each.
  const gramsByName = new Map<string, string | string[]>();
  const gramsOf = (displayName: string, given: string, family: string) => {
    const key = `${family}\u0001${given}`;
    let g = gramsByName.get(key);
    if (g === undefined) gramsByName.set(key, (g = gramsValue(db.engine, shortGrams([displayName, given, family]))));
    return g;
  };
  /** The next batch of contacts and their search rows, generated on demand so memory stays flat. */
  function generate(done: number): Generated {
    const n = Math.min(BATCH, count - done);
    const contacts: Row[] = new Array(n);
    const search: Row[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const i = done + k;
      const at = start + Math.floor((i / count) * span);
      const id = uuid(at);
      const cn = r() < 0.7;
      const family = cn ? pick(r, cnFamily) : pick(r, enFamily);
      const given = cn ? pick(r, cnGiven) : pick(r, enGiven);
      const displayName = cn ? family + given : `${given} ${family}`;
      const email = `${cn ? 'user' : given.toLowerCase()}.${existing + i}@example${i % 50}.com`;
      const phone = cn ? `+861${3 + Math.floor(r() * 6)}${String(Math.floor(r() * 1e9)).padStart(9, '0')}` : `+1415${String(Math.floor(r() * 1e7)).padStart(7, '0')}`;
      const company = r() < 0.8 ? companies[Math.floor(r() * companies.length)]! : null;
      const owner = users.length ? pick(r, users) : null;
      const title = pick(r, titles);
      const iso = new Date(at).toISOString();
      contacts[k] = [
        id, displayName, given, family, title, company?.id ?? null, `["${email}"]`, `["${phone}"]`, email, phone,
        cn ? pick(r, addresses.cn) : addresses.en, null, pick(r, sources), pick(r, lifecycleStages), owner?.id ?? null, owner?.teamId ?? null,
        r() < 0.6 ? 1 : 0, r() < 0.3 ? 1 : 0, 0, '{}', iso, iso, sortName(displayName),
      ];
      // contactSearchSource in contact-service.ts: names [displayName, companyName], shortNames [displayName, given, family], emails, phones, extra [title].
      search[k] = ['contact', id, searchDocument({ names: [displayName, company?.name], emails: [email], phones: [phone], extra: [title] }), gramsOf(displayName, given, family)];
    }
    return { contacts, search };
  }

  if (db.sqlite) await loadSqlite(db.sqlite, count, existing, companyRows, companySearch, generate);
  else await loadPostgres(db, count, companyRows, companySearch, generate);
  return count;
}

type Sqlite = NonNullable<Db['sqlite']>;

/**
 * Builds the FTS5 index of the new search rows on a second core: a worker thread indexes them into a scratch database
 * with the same FTS5 table while this thread inserts rows and builds the B-tree indexes; the finished index (its shadow
 * tables) is then copied in. Only for an empty search index, where the copied index is the whole index.
 */
class SideFtsBuilder {
  private readonly worker: Worker;
  private readonly done: Promise<void>;
  private batch: Row[] = [];

  constructor(readonly file: string, createSql: string) {
    const source = `
      const { parentPort, workerData } = require('node:worker_threads');
      const Database = require(workerData.driver);
      const db = new Database(workerData.file);
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.exec(workerData.createSql);
      db.exec("insert into search_fts(search_fts, rank) values ('hashsize', ${256 * 2 ** 20})");
      const ins = db.prepare('insert into search_fts(rowid, doc, grams) values (?, ?, ?)');
      db.exec('begin');
      parentPort.on('message', (rows) => {
        if (rows !== null) for (const r of rows) ins.run(r);
        else { db.exec('commit'); db.close(); parentPort.postMessage('done'); }
      });`;
    this.worker = new Worker(source, { eval: true, workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file, createSql } });
    this.done = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the FTS worker stopped (exit ${code})`)));
    });
    this.done.catch(() => {}); // observed in finish()
  }

  add(rid: number, doc: unknown, grams: unknown): void {
    this.batch.push([rid, doc, grams]);
    if (this.batch.length >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.batch.length) this.worker.postMessage(this.batch);
    this.batch = [];
  }

  /** Waits for the worker, then replaces the (empty) index of `s` with the one built on the side. */
  async finish(s: Sqlite): Promise<void> {
    this.flush();
    this.worker.postMessage(null);
    await this.done;
    await this.worker.terminate();
    const side = new Database(this.file, { readonly: true });
    // FTS5 shadow tables are read-only in SQLite's defensive mode, which better-sqlite3's unsafe mode lifts.
    s.unsafeMode(true);
    try {
      for (const table of ['search_fts_data', 'search_fts_idx', 'search_fts_docsize']) {
        const select = side.prepare(`select * from ${table}`).raw();
        const width = select.columns().length;
        const insert = s.prepare(`insert into ${table} values (${Array(width).fill('?').join(',')})`);
        s.exec(`delete from ${table}`);
        for (const row of select.iterate()) insert.run(row as unknown[]);
      }
    } finally {
      s.unsafeMode(false);
      side.close();
    }
  }

  cancel(): void {
    void this.worker.terminate();
  }
}

async function loadSqlite(s: Sqlite, count: number, existing: number, companyRows: Row[], companySearch: Row[], generate: (done: number) => Generated): Promise<void> {
  const t0 = performance.now();
  const insert = (table: string, cols: readonly string[]) => s.prepare(`insert into ${table} (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`);
  const insContact = insert('contacts', contactCols);
  const insCompany = insert('companies', companyCols);
  const insSearch = insert('search_index', ['rid', ...searchCols]);
  // Rebuilding indexes costs a sort of the whole table: worth it only when the load is large next to what is there.
  const rebuild = count >= 50_000 && count >= existing;
  const saved = { sync: s.pragma('synchronous', { simple: true }), cache: s.pragma('cache_size', { simple: true }) };
  s.pragma('synchronous = OFF');
  s.pragma('cache_size = -524288');
  s.pragma('temp_store = MEMORY');
  s.pragma('threads = 4'); // CREATE INDEX sorts with helper threads
  // Generated rows reference only companies inserted just before them; checking each key costs a lookup per row.
  const foreignKeys = s.pragma('foreign_keys', { simple: true });
  s.pragma('foreign_keys = OFF');
  const dropped = rebuild ? schemaOf(s, "type = 'index' and tbl_name = 'contacts' and sql is not null") : [];
  // The FTS insert trigger is dropped and the new rows indexed in one go afterwards; all in one write transaction,
  // so no other writer can slip an unindexed row in between.
  const trigger = schemaOf(s, "type = 'trigger' and name = 'search_index_ai'");
  // Row ids are given explicitly: the FTS index built on the side must know them before the rows are inserted here.
  const lastRid = Number(s.prepare("select max(coalesce((select max(rid) from search_index), 0), coalesce((select seq from sqlite_sequence where name = 'search_index'), 0))").pluck().get());
  const emptyIndex = s.prepare('select count(*) from search_index').pluck().get() === 0;
  const side = rebuild && emptyIndex ? new SideFtsBuilder(path.join(os.tmpdir(), `rapport-seed-fts-${process.pid}-${Date.now()}.db`), schemaOf(s, "name = 'search_fts'")[0]!.sql) : null;
  let rid = lastRid;
  const addSearch = (row: Row) => {
    insSearch.run(++rid, ...row);
    side?.add(rid, row[2], row[3]);
  };
  try {
    s.exec('begin immediate');
    for (const idx of dropped) s.exec(`drop index ${idx.name}`);
    if (trigger.length) s.exec('drop trigger search_index_ai');
    for (const row of companyRows) insCompany.run(row);
    companySearch.forEach(addSearch);
    for (let done = 0; done < count; done += BATCH) {
      const { contacts, search } = generate(done);
      for (const row of contacts) insContact.run(row);
      search.forEach(addSearch);
    }
    timings('rows', t0);
    const t1 = performance.now();
    for (const idx of dropped) s.exec(idx.sql);
    timings('contact indexes', t1);
    const t2 = performance.now();
    if (side) await side.finish(s);
    else {
      // FTS5 flushes its in-memory terms every 1 MB by default, leaving hundreds of segments to merge; one big
      // buffer writes a few large segments instead. Restored right after: the server's small writes do not need it.
      s.exec(`insert into search_fts(search_fts, rank) values ('hashsize', ${256 * 2 ** 20})`);
      s.prepare('insert into search_fts(rowid, doc, grams) select rid, doc, grams from search_index where rid > ?').run(lastRid);
      s.exec(`insert into search_fts(search_fts, rank) values ('hashsize', ${2 ** 20})`);
    }
    for (const t of trigger) s.exec(t.sql);
    timings(side ? 'search index (waiting for the side build, copying it in)' : 'search index', t2);
    s.exec('commit');
  } catch (err) {
    side?.cancel();
    if (s.inTransaction) s.exec('rollback');
    throw err;
  } finally {
    if (side) rmSync(side.file, { force: true });
    s.pragma(`synchronous = ${saved.sync}`);
    s.pragma(`cache_size = ${saved.cache}`);
    s.pragma(`foreign_keys = ${foreignKeys}`);
  }
  const t3 = performance.now();
  // Planner statistics for the new data; sampling keeps ANALYZE to a fraction of a second on millions of rows.
  s.pragma('analysis_limit = 2000');
  s.exec('analyze');
  s.pragma('wal_checkpoint(TRUNCATE)');
  timings('analyze + checkpoint', t3);
}

function schemaOf(s: Sqlite, where: string): { name: string; sql: string }[] {
  return s.prepare(`select name, sql from sqlite_master where ${where}`).all() as { name: string; sql: string }[];
}

/**
 * PostgreSQL: one insert per 10,000 rows with an array parameter per column, unnested back into rows, all in one
 * transaction. A large load drops the secondary indexes of contacts and search_index (the trigram GIN index above all)
 * and builds them again at the end, which is much cheaper than maintaining them row by row.
 */
async function loadPostgres(db: Db, count: number, companyRows: Row[], companySearch: Row[], generate: (done: number) => Generated): Promise<void> {
  const t0 = performance.now();
  const types = await columnTypes(db);
  const existing = Number((await sql<{ n: number }>`select count(*) as n from search_index`.execute(db.kysely)).rows[0]?.n ?? 0);
  await db.kysely.transaction().execute(async (trx) => {
    const insert = async (table: string, cols: readonly string[], rows: Row[]) => {
      if (rows.length === 0) return;
      // unnest() flattens a text[][]; array columns (search_index.grams) travel as space-joined text and are split back.
      const udts = cols.map((c) => types.get(`${table}.${c}`)!);
      const args = cols.map((_, i) => {
        const values = rows.map((row) => (udts[i]!.startsWith('_') ? (row[i] as string[]).join(' ') : row[i]));
        return sql`${values}::${sql.raw(udts[i]!.startsWith('_') ? 'text' : udts[i]!)}[]`;
      });
      const names = cols.map((_, i) => sql.raw(`c${i}`));
      const exprs = cols.map((_, i) => (udts[i]!.startsWith('_') ? sql`string_to_array(${names[i]}, ' ')` : names[i]!));
      await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))})
        select ${sql.join(exprs)} from unnest(${sql.join(args)}) as t(${sql.join(names)})`.execute(trx);
    };
    // Indexes that back a constraint (primary keys, unique constraints) stay; the others are rebuilt.
    const dropped =
      count >= 50_000 && count >= existing
        ? (
            await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes
              where schemaname = current_schema() and tablename in ('contacts', 'search_index')
              and indexname not in (select conname from pg_constraint where connamespace = current_schema()::regnamespace)`.execute(trx)
          ).rows
        : [];
    for (const idx of dropped) await sql`drop index ${sql.ref(idx.indexname)}`.execute(trx);
    await insert('companies', companyCols, companyRows);
    await insert('search_index', searchCols, companySearch);
    for (let done = 0; done < count; done += CHUNK) {
      const contacts: Row[] = [];
      const search: Row[] = [];
      for (let d = done; d < Math.min(done + CHUNK, count); d += BATCH) {
        const g = generate(d);
        contacts.push(...g.contacts);
        search.push(...g.search);
      }
      await insert('contacts', contactCols, contacts);
      await insert('search_index', searchCols, search);
    }
    timings('rows', t0);
    const t1 = performance.now();
    await sql`set local maintenance_work_mem = '512MB'`.execute(trx);
    for (const idx of dropped) await sql.raw(idx.indexdef).execute(trx);
    timings('indexes', t1);
  });
  const t2 = performance.now();
  await sql`analyze contacts, companies, search_index`.execute(db.kysely);
  timings('analyze', t2);
}

async function columnTypes(db: Db): Promise<Map<string, string>> {
  const rows = await sql<{ tableName: string; columnName: string; udtName: string }>`select table_name, column_name, udt_name from information_schema.columns
    where table_schema = current_schema() and table_name in ('contacts', 'companies', 'search_index')`.execute(db.kysely);
  return new Map(rows.rows.map((r) => [`${r.tableName}.${r.columnName}`, r.udtName]));
}

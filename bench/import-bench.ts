// Import benchmark: generates a CSV of BENCH_IMPORT_ROWS contacts (1,000,000) in a temp dir, imports it through the
// real import path (sniff, stream, cleanse, match, bulk write, checkpoints) into a fresh database, and beside it
// inserts the same rows raw (prepared batched inserts of the contact and search rows, no parsing or cleansing).
// Reports rows/s for both and the import's peak RSS. BENCH_IMPORT_DATABASE_URL: a PostgreSQL URL to run on instead.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Db } from '../src/server/core/db/database.js';
import { migrateToLatest } from '../src/server/core/db/migrate.js';
import { newId, nowIso } from '../src/server/core/ids.js';
import { migrationSets } from '../src/server/modules.js';
import { gramsValue, searchDocument, shortGrams } from '../src/server/modules/customers/index.js';
import { importFileFromCli } from '../src/server/modules/data/index.js';
import { bulkInsert } from '../src/server/modules/data/import/bulk-insert.js';

const family = ['张', '王', '李', '赵', '刘', '陈', 'Smith', 'Brown', 'Lee', 'Garcia'];
const given = ['伟', '芳', '娜', '敏', '静', 'John', 'Mary', 'Wei', 'Anna', 'Tom'];
const titles = ['CEO', 'CTO', 'Sales Manager', '销售经理', '采购', 'Engineer'];

/** Row i of the benchmark file, as cells: the same values feed the CSV and the raw insert. */
function person(i: number, companies: number) {
  const f = family[i % family.length]!;
  const g = given[(i * 7) % given.length]!;
  return { given: g, family: f, email: `user${i}@bench${i % 97}.example.com`, phone: `+86 139${String(i).padStart(8, '0')}`, company: `Company ${i % companies}`, title: titles[i % titles.length]!, city: i % 2 ? '上海' : 'Beijing' };
}

/** The file; `retitled` gives every row another job title, so importing it again changes every contact. */
async function writeCsv(file: string, rows: number, companies: number, retitled = false) {
  const out = createWriteStream(file);
  out.write('First Name,Last Name,Email,Mobile Phone,Company,Job Title,City\n');
  for (let i = 0; i < rows; i++) {
    const p = person(i, companies);
    const title = retitled ? `${p.title} (2027)` : p.title;
    if (!out.write(`${p.given},${p.family},${p.email},${p.phone},${p.company},${title},${p.city}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function freshDb(dir: string, name: string, pgUrl?: string): Promise<{ db: Db; drop(): Promise<void> }> {
  if (!pgUrl) {
    const db = openDatabase(`sqlite:${path.join(dir, `${name}.db`)}`);
    await migrateToLatest(db, migrationSets);
    return { db, drop: async () => db.close() };
  }
  const schema = `bench_import_${name}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDatabase(`${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`);
  await migrateToLatest(db, migrationSets);
  return {
    db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

const text = (name: string) => ({ name, pg: 'text' as const });
const contactCols = [...['id', 'display_name', 'given_name', 'family_name', 'title', 'company_id', 'emails', 'phones', 'primary_email', 'primary_phone', 'address', 'lifecycle_stage'].map(text), ...['consent_email', 'consent_sms', 'consent_phone'].map((name) => ({ name, pg: 'integer' as const })), ...['custom', 'created_at', 'updated_at'].map(text)];

/** The floor: the same contacts and search rows, inserted in 2,000-row transactions with nothing else done. */
async function rawInsert(db: Db, rows: number, companies: number): Promise<number> {
  const t0 = performance.now();
  const now = nowIso();
  const searchCols = [text('entity'), text('entity_id'), text('doc'), { name: 'grams', pg: db.engine === 'postgres' ? ('text[]' as const) : ('text' as const) }];
  for (let at = 0; at < rows; at += 2000) {
    const contacts: unknown[][] = [];
    const search: unknown[][] = [];
    for (let i = at; i < Math.min(rows, at + 2000); i++) {
      const p = person(i, companies);
      const id = newId();
      const name = /[\u3400-\u9fff]/.test(p.given + p.family) ? p.family + p.given : `${p.given} ${p.family}`;
      const phone = p.phone.replace(/ /g, '');
      contacts.push([id, name, p.given, p.family, p.title, null, JSON.stringify([p.email]), JSON.stringify([phone]), p.email, phone, JSON.stringify({ city: p.city }), 'lead', 0, 0, 0, '{}', now, now]);
      search.push(['contact', id, searchDocument({ names: [name, p.company], emails: [p.email], phones: [phone], extra: [p.title] }), gramsValue(db.engine, shortGrams([name, p.given, p.family]))]);
    }
    await db.kysely.transaction().execute(async (trx) => {
      await bulkInsert(trx, db.engine, 'contacts', contactCols, contacts);
      await bulkInsert(trx, db.engine, 'search_index', searchCols, search);
    });
  }
  return (performance.now() - t0) / 1000;
}

export interface ImportBenchResult {
  engine: string;
  rows: number;
  importSeconds: number;
  importRowsPerSecond: number;
  rawSeconds: number;
  rawRowsPerSecond: number;
  ratio: number;
  /** The same rows imported again with another title each: every contact matched and updated (overwrite). */
  updateSeconds: number;
  updateRowsPerSecond: number;
  peakRssMb: number;
  baseRssMb: number;
}

export async function runImportBench(): Promise<ImportBenchResult> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
  const pgUrl = process.env.BENCH_IMPORT_DATABASE_URL;
  const companies = Math.max(10, Math.floor(rows / 100));
  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-import-bench-'));
  try {
    const file = path.join(dir, 'contacts.csv');
    const g0 = performance.now();
    await writeCsv(file, rows, companies);
    console.log(`# import bench: ${rows.toLocaleString('en')} rows, ${companies.toLocaleString('en')} companies (${pgUrl ? 'PostgreSQL' : 'SQLite'}); CSV written in ${((performance.now() - g0) / 1000).toFixed(1)} s`);

    const target = await freshDb(dir, 'import', pgUrl);
    global.gc?.();
    const baseRss = process.memoryUsage().rss;
    let peak = baseRss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const p = await importFileFromCli(target.db, { file, object: 'contacts' }, { log: () => {}, err: () => {} });
    const importSeconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    if (p.created !== rows) throw new Error(`the import created ${p.created} contacts of ${rows} (failed ${p.failed})`);
    const retitled = path.join(dir, 'contacts-retitled.csv');
    await writeCsv(retitled, rows, companies, true);
    const u0 = performance.now();
    const u = await importFileFromCli(target.db, { file: retitled, object: 'contacts', onMatch: 'update', updateMode: 'overwrite' }, { log: () => {}, err: () => {} });
    const updateSeconds = (performance.now() - u0) / 1000;
    if (u.updated !== rows) throw new Error(`the second import updated ${u.updated} contacts of ${rows}`);
    await target.drop();

    const raw = await freshDb(dir, 'raw', pgUrl);
    const rawSeconds = await rawInsert(raw.db, rows, companies);
    await raw.drop();
    const r: ImportBenchResult = {
      engine: pgUrl ? 'postgres' : 'sqlite', rows, importSeconds, importRowsPerSecond: Math.round(rows / importSeconds), rawSeconds, rawRowsPerSecond: Math.round(rows / rawSeconds),
      ratio: rawSeconds / importSeconds, updateSeconds, updateRowsPerSecond: Math.round(rows / updateSeconds), peakRssMb: Math.round(peak / 2 ** 20), baseRssMb: Math.round(baseRss / 2 ** 20),
    };
    console.log(`import ${r.rows} contacts: ${r.importSeconds.toFixed(1)} s, ${r.importRowsPerSecond} rows/s, peak RSS ${r.peakRssMb} MB (${r.baseRssMb} MB before)`);
    console.log(`raw batched insert of the same rows: ${r.rawSeconds.toFixed(1)} s, ${r.rawRowsPerSecond} rows/s; import = ${(r.ratio * 100).toFixed(0)}% of raw`);
    console.log(`the same rows again with a new title each (every contact updated): ${r.updateSeconds.toFixed(1)} s, ${r.updateRowsPerSecond} rows/s`);
    return r;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runImportBench();

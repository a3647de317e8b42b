// The ceiling of an import on this machine: BENCH_CEILING_ROWS (100,000) precomputed contact and search rows inserted
// with prepared better-sqlite3 statements in 5,000-row transactions into a fresh, migrated database — with every index
// and the FTS5 trigger, without the trigger, without the contact indexes, and into bare tables. Nothing is parsed or
// cleansed, so no import of the same rows can beat these rates. Run: npx tsx bench/insert-ceiling.ts
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/core/db/database.js';
import { migrateToLatest } from '../src/server/core/db/migrate.js';
import { newId, nowIso } from '../src/server/core/ids.js';
import { migrationSets } from '../src/server/modules.js';
import { searchDocument, shortGrams } from '../src/server/modules/customers/index.js';

const BATCH = 5_000;
const PER_STATEMENT = 1_000;
// Whole statements only: every multi-row statement is prepared for exactly PER_STATEMENT rows.
const N = Math.max(1, Math.round(Number(process.env.BENCH_CEILING_ROWS ?? 100_000) / PER_STATEMENT)) * PER_STATEMENT;
const family = ['张', '王', '李', '赵', '刘', '陈', 'Smith', 'Brown', 'Lee', 'Garcia'];
const given = ['伟', '芳', '娜', '敏', '静', 'John', 'Mary', 'Wei', 'Anna', 'Tom'];
const cols = ['id', 'display_name', 'given_name', 'family_name', 'title', 'company_id', 'emails', 'phones', 'primary_email', 'primary_phone', 'address', 'lifecycle_stage', 'consent_email', 'consent_sms', 'consent_phone', 'custom', 'created_at', 'updated_at'];

function rows(): { contacts: unknown[][]; search: unknown[][] } {
  const now = nowIso();
  const contacts: unknown[][] = [];
  const search: unknown[][] = [];
  for (let i = 0; i < N; i++) {
    const f = family[i % 10]!;
    const g = given[(i * 7) % 10]!;
    const id = newId();
    const name = `${g} ${f}`;
    const email = `user${i}@bench${i % 97}.example.com`;
    const phone = `+86139${String(i).padStart(8, '0')}`;
    contacts.push([id, name, g, f, 'CEO', null, JSON.stringify([email]), JSON.stringify([phone]), email, phone, '{"city":"上海"}', 'lead', 0, 0, 0, '{}', now, now]);
    search.push(['contact', id, searchDocument({ names: [name, `Company ${i % 1000}`], emails: [email], phones: [phone], extra: ['CEO'] }), shortGrams([name, g, f]).join(' ')]);
  }
  return { contacts, search };
}

const dropContactIndexes = (d: Database.Database) => {
  const names = d.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'contacts' and sql is not null").all() as { name: string }[];
  for (const { name } of names) d.exec(`drop index ${name}`);
};
const variants: [string, (d: Database.Database) => void][] = [
  ['every index + FTS5 trigger', () => {}],
  ['without the FTS5 trigger', (d) => d.exec('drop trigger search_index_ai')],
  ['without the contact indexes', dropContactIndexes],
  ['bare tables', (d) => (d.exec('drop trigger search_index_ai'), dropContactIndexes(d))],
];

const dir = mkdtempSync(path.join(tmpdir(), 'rapport-ceiling-'));
try {
  const base = path.join(dir, 'base.db');
  const db = openDatabase(`sqlite:${base}`);
  await migrateToLatest(db, migrationSets);
  await db.close();
  const data = rows();
  console.log(`# insert ceiling: ${N.toLocaleString('en')} precomputed contacts + search rows, ${BATCH}-row transactions`);
  for (const [label, prepare] of variants) {
    const file = path.join(dir, `${label.replace(/\W+/g, '-')}.db`);
    copyFileSync(base, file);
    const d = new Database(file);
    d.pragma('journal_mode = WAL');
    d.pragma('synchronous = NORMAL');
    d.pragma('cache_size = -65536');
    prepare(d);
    const contacts = d.prepare(`insert into contacts (${cols.join(',')}) values ${Array.from({ length: PER_STATEMENT }, () => `(${cols.map(() => '?').join(',')})`).join(',')}`);
    const search = d.prepare(`insert into search_index (entity, entity_id, doc, grams) values ${Array.from({ length: PER_STATEMENT }, () => '(?,?,?,?)').join(',')}`);
    const t0 = performance.now();
    for (let at = 0; at < N; at += BATCH) {
      d.transaction(() => {
        for (let c = at; c < Math.min(N, at + BATCH); c += PER_STATEMENT) {
          contacts.run(data.contacts.slice(c, c + PER_STATEMENT).flat());
          search.run(data.search.slice(c, c + PER_STATEMENT).flat());
        }
      })();
    }
    const s = (performance.now() - t0) / 1000;
    console.log(`${label.padEnd(30)} ${s.toFixed(2)} s  ${Math.round(N / s).toLocaleString('en')} rows/s`);
    d.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

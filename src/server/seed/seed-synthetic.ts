// A large synthetic data set (`rapport seed --contacts N`) for benchmarks: bulk inserts, no audit trail.
import { v7 } from 'uuid';
import type { Db } from '../core/db/database.js';
import { gramsValue, searchDocument, shortGrams, lifecycleStages } from '../modules/customers/index.js';
import { cnCities, cnCompanyPrefix, cnCompanySuffix, cnFamily, cnGiven, enCompanyWords, enCompanySuffix, enFamily, enGiven, industries, pick, rng, sources, titles } from './names.js';

const BATCH = 2000;

interface Gen {
  contacts: Record<string, unknown>[];
  search: { entity: string; entityId: string; doc: string; grams: string | string[] }[];
}

export async function seedSynthetic(db: Db, count: number, seed = 42): Promise<number> {
  const r = rng(seed);
  const users = await db.kysely.selectFrom('users').select(['id', 'teamId']).execute();
  const start = Date.now() - 3 * 365 * 86400_000;
  const companyCount = Math.max(10, Math.floor(count / 100));
  const companies: { id: string; name: string }[] = [];
  const companyRows: Record<string, unknown>[] = [];
  const companySearch: Gen['search'] = [];
  const existing = Number((await db.kysely.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  for (let i = 0; i < companyCount; i++) {
    const cn = r() < 0.7;
    const name = cn ? `${pick(r, cnCities)}${pick(r, cnCompanyPrefix)}${pick(r, cnCompanyPrefix)}${pick(r, cnCompanySuffix)}有限公司 ${existing + i}` : `${pick(r, enCompanyWords)} ${pick(r, enCompanySuffix)} ${existing + i}`;
    const at = start + Math.floor((i / companyCount) * 86400_000 * 30);
    const id = v7({ msecs: at });
    const owner = users.length ? pick(r, users) : null;
    companies.push({ id, name });
    companyRows.push({ id, name, domain: null, industry: pick(r, industries), size: pick(r, ['1-10', '11-50', '51-200', '201-1000', '1000+']), annual_revenue: Math.floor(r() * 1e10), currency: 'CNY', address: null, owner_id: owner?.id ?? null, team_id: owner?.teamId ?? null, custom: '{}', created_at: new Date(at).toISOString(), updated_at: new Date(at).toISOString() });
    companySearch.push({ entity: 'company', entityId: id, doc: searchDocument({ names: [name] }), grams: gramsValue(db.engine, shortGrams([name])) });
  }
  await insertRows(db, 'companies', companyRows);
  await insertRows(db, 'search_index', companySearch.map((s) => ({ entity: s.entity, entity_id: s.entityId, doc: s.doc, grams: s.grams })));

  const span = Date.now() - start;
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    const rows: Record<string, unknown>[] = [];
    const search: Record<string, unknown>[] = [];
    for (let k = 0; k < n; k++) {
      const i = done + k;
      const at = start + Math.floor((i / count) * span);
      const id = v7({ msecs: at });
      const cn = r() < 0.7;
      const family = cn ? pick(r, cnFamily) : pick(r, enFamily);
      const given = cn ? pick(r, cnGiven) : pick(r, enGiven);
      const displayName = cn ? family + given : `${given} ${family}`;
      const email = `${cn ? 'user' : given.toLowerCase()}.${existing + i}@example${i % 50}.com`;
      const phone = cn ? `+861${3 + Math.floor(r() * 6)}${String(Math.floor(r() * 1e9)).padStart(9, '0')}` : `+1415${String(Math.floor(r() * 1e7)).padStart(7, '0')}`;
      const company = r() < 0.8 ? companies[Math.floor(r() * companies.length)]! : null;
      const owner = users.length ? pick(r, users) : null;
      const iso = new Date(at).toISOString();
      rows.push({
        id, display_name: displayName, given_name: given, family_name: family, title: pick(r, titles), company_id: company?.id ?? null,
        emails: JSON.stringify([email]), phones: JSON.stringify([phone]), primary_email: email, primary_phone: phone,
        address: JSON.stringify({ city: cn ? pick(r, cnCities) : 'New York', country: cn ? 'CN' : 'US' }), birthday: null,
        source: pick(r, sources), lifecycle_stage: pick(r, lifecycleStages), owner_id: owner?.id ?? null, team_id: owner?.teamId ?? null,
        consent_email: r() < 0.6 ? 1 : 0, consent_sms: r() < 0.3 ? 1 : 0, consent_phone: 0, custom: '{}', created_at: iso, updated_at: iso,
      });
      search.push({ entity: 'contact', entity_id: id, doc: searchDocument({ names: [displayName, company?.name], emails: [email], phones: [phone] }), grams: gramsValue(db.engine, shortGrams([displayName, given, family])) });
    }
    await insertRows(db, 'contacts', rows);
    await insertRows(db, 'search_index', search);
  }
  return count;
}

/** Bulk insert: prepared statements in one transaction on SQLite, multi-row inserts on PostgreSQL. */
async function insertRows(db: Db, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  if (db.sqlite) {
    const stmt = db.sqlite.prepare(`insert into ${table} (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`);
    db.sqlite.transaction((list: Record<string, unknown>[]) => {
      for (const row of list) stmt.run(...cols.map((c) => row[c]));
    })(rows);
    return;
  }
  const { sql } = await import('kysely');
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = sql.join(chunk.map((row) => sql`(${sql.join(cols.map((c) => sql`${row[c]}`))})`));
    await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values ${values}`.execute(db.kysely);
  }
}

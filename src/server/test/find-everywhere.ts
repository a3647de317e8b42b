// For erasure tests: every (table, column) whose text contains a value, over every table of the test database.
import { sql } from 'kysely';
import type { DbOrTrx } from '../core/db/database.js';
import { engine } from './test-app.js';

export async function findEverywhere(db: DbOrTrx, value: string): Promise<string[]> {
  const hits: string[] = [];
  const tables =
    engine === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows.map((r) => r.name);
  for (const table of tables) {
    const cols =
      engine === 'sqlite'
        ? (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)).rows.map((r) => r.name)
        : (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} and data_type in ('text', 'character varying', 'ARRAY', 'jsonb', 'json')`.execute(db)).rows.map((r) => r.name);
    for (const col of cols) {
      const c = engine === 'sqlite' ? sql`cast(${sql.ref(col)} as text)` : sql`${sql.ref(col)}::text`;
      const n = (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${c} like ${'%' + value + '%'}`.execute(db)).rows[0]!.n;
      if (Number(n) > 0) hits.push(`${table}.${col}`);
    }
  }
  return hits;
}

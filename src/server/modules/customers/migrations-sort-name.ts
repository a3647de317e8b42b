// Migrations '0070-…' and '0071-…' (with the saved_views table of saved-views.ts): the stored pinyin sort key of contacts' and companies' names (see sort-name.ts),
// backfilled in keyset chunks (a million rows stay a few thousand at a time in memory), and the name indexes moved to it.
import { sql, type Kysely } from 'kysely';
import type { MigrationSet } from '../../core/db/migrate.js';
import type { Engine } from '../../core/db/database.js';
import { sortName } from './sort-name.js';

const CHUNK = 2000;
const targets = [
  { table: 'contacts', name: 'display_name' },
  { table: 'companies', name: 'name' },
] as const;

/** Fills sort_name for every row, CHUNK rows per statement (one multi-row update through a values list). */
export async function backfillSortNames(db: Kysely<any>, engine: Engine, table: 'contacts' | 'companies', nameCol: string, chunk = CHUNK): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (await sql<{ id: string; n: string | null }>`select id, ${sql.ref(nameCol)} as n from ${sql.table(table)} where id > ${after} order by id limit ${chunk}`.execute(db)).rows;
    if (!rows.length) break;
    for (let i = 0; i < rows.length; i += 400) {
      const part = rows.slice(i, i + 400);
      const values = sql.join(part.map((r) => sql`(${r.id}, ${sortName(r.n)})`));
      if (engine === 'postgres') await sql`update ${sql.table(table)} t set sort_name = v.s from (values ${values}) as v(id, s) where t.id = v.id`.execute(db);
      else await sql`with v(id, s) as (values ${values}) update ${sql.table(table)} set sort_name = (select s from v where v.id = ${sql.table(table)}.id) where id in (select id from v)`.execute(db);
    }
    after = rows[rows.length - 1]!.id;
  }
}

export const sortNameMigrations: MigrationSet = {
  '0070-sort-name': {
    async up(db, engine) {
      for (const t of targets) {
        // Binary order on PostgreSQL too ("C"), as SQLite compares, so both engines page the same list the same way.
        if (engine === 'postgres') await sql`alter table ${sql.table(t.table)} add column sort_name text collate "C" not null default ''`.execute(db);
        else await sql`alter table ${sql.table(t.table)} add column sort_name text not null default ''`.execute(db);
        await backfillSortNames(db, engine, t.table, t.name);
      }
    },
  },
  '0071-sort-name-indexes-saved-views': {
    async up(db) {
      await db.schema
        .createTable('saved_views')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('team_id', 'text')
        .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('object', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('saved_views_owner').on('saved_views').columns(['owner_id', 'object']).execute();
      await db.schema.createIndex('saved_views_team').on('saved_views').columns(['team_id', 'object', 'shared']).execute();
      // [table, index dropped, index created, columns]. companies_name stays: imports and lead capture look names up.
      const swap: [string, string | null, string, string[]][] = [
        ['contacts', 'contacts_display_name', 'contacts_sort_name', ['sort_name', 'id']],
        ['contacts', 'contacts_stage_name', 'contacts_stage_sort_name', ['lifecycle_stage', 'sort_name', 'id']],
        ['contacts', 'contacts_owner_name', 'contacts_owner_sort_name', ['owner_id', 'sort_name', 'id']],
        ['companies', null, 'companies_sort_name', ['sort_name', 'id']],
        ['companies', 'companies_industry_name', 'companies_industry_sort_name', ['industry', 'sort_name', 'id']],
        ['companies', 'companies_owner_name', 'companies_owner_sort_name', ['owner_id', 'sort_name', 'id']],
      ];
      for (const [table, old, created, columns] of swap) {
        if (old) await db.schema.dropIndex(old).ifExists().execute();
        await db.schema.createIndex(created).ifNotExists().on(table).columns(columns).execute();
      }
    },
  },
};

// Migrations of the customers module: contacts, companies, tags, custom fields, and the search index
// (FTS5 trigram on SQLite, pg_trgm + a GIN array of short grams on PostgreSQL).
import { sql } from 'kysely';
import type { MigrationSet } from '../../core/db/migrate.js';
import { addSerialPk } from '../../core/db/column-types.js';
import { listIndexMigrations } from './migrations-list-indexes.js';

export const customerMigrations: MigrationSet = {
  '0020-customers': {
    async up(db, engine) {
      await db.schema
        .createTable('companies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('domain', 'text')
        .addColumn('industry', 'text')
        .addColumn('size', 'text')
        .addColumn('annual_revenue', 'bigint')
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('owner_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('custom', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      for (const col of ['name', 'owner_id', 'team_id', 'industry', 'updated_at', 'annual_revenue']) {
        await db.schema.createIndex(`companies_${col}`).on('companies').columns([col, 'id']).execute();
      }
      await db.schema.createIndex('companies_domain').on('companies').column('domain').execute();
      await db.schema
        .createTable('contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('given_name', 'text')
        .addColumn('family_name', 'text')
        .addColumn('title', 'text')
        .addColumn('company_id', 'text', (c) => c.references('companies.id').onDelete('set null'))
        .addColumn('emails', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('phones', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('primary_email', 'text')
        .addColumn('primary_phone', 'text')
        .addColumn('address', 'text')
        .addColumn('birthday', 'text')
        .addColumn('source', 'text')
        .addColumn('lifecycle_stage', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('consent_email', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('consent_sms', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('consent_phone', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('custom', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      for (const col of ['display_name', 'owner_id', 'team_id', 'company_id', 'lifecycle_stage', 'updated_at', 'source']) {
        await db.schema.createIndex(`contacts_${col}`).on('contacts').columns([col, 'id']).execute();
      }
      await db.schema.createIndex('contacts_primary_email').on('contacts').column('primary_email').execute();
      await db.schema.createIndex('contacts_primary_phone').on('contacts').column('primary_phone').execute();
      await db.schema
        .createTable('tags')
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tags_pk', ['entity', 'entity_id', 'tag'])
        .execute();
      await db.schema.createIndex('tags_by_tag').on('tags').columns(['entity', 'tag', 'entity_id']).execute();
      await db.schema
        .createTable('custom_fields')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('object', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('custom_fields_key', ['object', 'key'])
        .execute();
      await addSerialPk(db.schema.createTable('search_index'), 'rid', engine)
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .addColumn('grams', engine === 'postgres' ? sql`text[]` : 'text')
        .addUniqueConstraint('search_index_entity', ['entity', 'entity_id'])
        .execute();
      if (engine === 'sqlite') {
        await sql`create virtual table search_fts using fts5(doc, grams, content='search_index', content_rowid='rid', tokenize='trigram')`.execute(db);
        await sql`create trigger search_index_ai after insert on search_index begin
          insert into search_fts(rowid, doc, grams) values (new.rid, new.doc, new.grams); end`.execute(db);
        await sql`create trigger search_index_ad after delete on search_index begin
          insert into search_fts(search_fts, rowid, doc, grams) values ('delete', old.rid, old.doc, old.grams); end`.execute(db);
        await sql`create trigger search_index_au after update on search_index begin
          insert into search_fts(search_fts, rowid, doc, grams) values ('delete', old.rid, old.doc, old.grams);
          insert into search_fts(rowid, doc, grams) values (new.rid, new.doc, new.grams); end`.execute(db);
      } else {
        await sql`create index search_index_doc_trgm on search_index using gin (doc public.gin_trgm_ops)`.execute(db);
        await sql`create index search_index_grams on search_index using gin (grams)`.execute(db);
      }
    },
  },
  ...listIndexMigrations,
};

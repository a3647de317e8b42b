// Migrations of the import tables (0041-imports).
import type { MigrationSet } from '../../../core/db/migrate.js';

export const importMigrations: MigrationSet = {
  '0041-imports': {
    async up(db) {
      await db.schema
        .createTable('imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('object', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_path', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('encoding', 'text', (c) => c.notNull())
        .addColumn('delimiter', 'text', (c) => c.notNull())
        .addColumn('headers', 'text', (c) => c.notNull())
        .addColumn('mapping', 'text')
        .addColumn('mapping_source', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text')
        .addColumn('schedule_id', 'text')
        .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('duplicates', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('companies_created', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('bytes_total', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('bytes_done', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('imports_created').on('imports').columns(['created_at', 'id']).execute();
      await db.schema
        .createTable('import_errors')
        .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('column', 'text', (c) => c.notNull())
        .addColumn('value', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('import_errors_by_import').on('import_errors').columns(['import_id', 'row_number']).execute();
      await db.schema
        .createTable('import_mappings')
        .addColumn('object', 'text', (c) => c.notNull())
        .addColumn('header_key', 'text', (c) => c.notNull())
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('import_mappings_pk', ['object', 'header_key'])
        .execute();
      await db.schema
        .createTable('import_keys')
        .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('import_keys_pk', ['import_id', 'key'])
        .execute();
    },
  },
  '0068-import-fidelity': {
    async up(db) {
      await db.schema.alterTable('import_errors').addColumn('severity', 'text', (c) => c.notNull().defaultTo('error')).execute();
      await db.schema.alterTable('imports').addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema
        .createTable('import_records')
        .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('import_records_pk', ['import_id', 'entity', 'entity_id'])
        .execute();
    },
  },
};

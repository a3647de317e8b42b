// Migrations of the core tables: audit log, outbox, settings.
import type { MigrationSet } from './db/migrate.js';
import { addSerialPk } from './db/column-types.js';

export const coreMigrations: MigrationSet = {
  '0001-core': {
    async up(db, engine) {
      await addSerialPk(db.schema.createTable('audit_log'), 'seq', engine)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id', 'seq']).execute();
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('processed_at', 'text')
        .execute();
      await db.schema.createIndex('outbox_pending').on('outbox').columns(['processed_at', 'id']).execute();
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002-outbox-cursors': {
    async up(db) {
      await db.schema
        .createTable('outbox_cursors')
        .addColumn('consumer', 'text', (c) => c.primaryKey())
        .addColumn('last_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('outbox_created').on('outbox').columns(['id', 'created_at']).execute();
    },
  },
};

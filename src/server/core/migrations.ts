// Migrations of the core tables: audit log, outbox, settings.
import type { MigrationSet } from './db/migrate.js';
import { addSerialPk } from './db/column-types.js';
import { notificationMigrations } from './notifications/notification-migrations.js';
import { mailMigrations } from './mail/mail-migrations.js';

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
  '0003-jobs': {
    async up(db) {
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('progress', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .execute();
      await db.schema.createIndex('jobs_runnable').on('jobs').columns(['status', 'run_at']).execute();
      await db.schema.createIndex('jobs_type').on('jobs').columns(['type', 'created_at']).execute();
      await db.schema
        .createTable('schedules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('job_type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('frequency', 'text', (c) => c.notNull())
        .addColumn('at_time', 'text', (c) => c.notNull())
        .addColumn('weekday', 'integer')
        .addColumn('next_run_at', 'text', (c) => c.notNull())
        .addColumn('last_job_id', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('schedules_due').on('schedules').columns(['active', 'next_run_at']).execute();
    },
  },
  ...notificationMigrations,
  ...mailMigrations,
  // Per-record events of a bulk operation name it, so webhooks deliver them only to subscribers that opted in.
  '0008-outbox-bulk': {
    async up(db) {
      await db.schema.alterTable('outbox').addColumn('bulk', 'text').execute();
    },
  },
  // Settings → Audit log filtered by user: that user's entries newest first straight from an index, instead of walking
  // the whole log backwards and skipping everyone else's.
  '0135-audit-log-by-actor': {
    async up(db) {
      await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'seq']).execute();
    },
  },
};

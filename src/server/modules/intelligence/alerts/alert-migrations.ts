// Migrations of alerts ('0181'): one row per alert; unique open key (one open alert per rule and subject) and source key.
import type { MigrationSet } from '../../../core/db/migrate.js';

export const alertMigrations: MigrationSet = {
  '0181-alerts': {
    async up(db) {
      await db.schema
        .createTable('alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text')
        .addColumn('owner_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('facts', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('open_key', 'text')
        .addColumn('source_key', 'text', (c) => c.notNull())
        .addColumn('snoozed_until', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('task_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // NULLs never collide, so decided alerts leave the key free for the next one.
      await db.schema.createIndex('alerts_open_key').on('alerts').column('open_key').unique().execute();
      await db.schema.createIndex('alerts_source').on('alerts').columns(['rule', 'source_key']).unique().execute();
      await db.schema.createIndex('alerts_owner_status').on('alerts').columns(['owner_id', 'status', 'created_at']).execute();
      await db.schema.createIndex('alerts_contact').on('alerts').column('contact_id').execute();
    },
  },
};

// Migration of the IM channels: outbound deliveries to connectors (0116).
import type { MigrationSet } from '../../../core/db/migrate.js';

export const imMigrations: MigrationSet = {
  '0116-service-channel-deliveries': {
    async up(db) {
      await db.schema
        .createTable('channel_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('message_id', 'text', (c) => c.notNull().unique())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('last_status_code', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('channel_deliveries_due').on('channel_deliveries').columns(['status', 'next_attempt_at']).execute();
    },
  },
};

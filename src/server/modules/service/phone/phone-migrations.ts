// Migration of the phone channel: the calls table (0115).
import type { MigrationSet } from '../../../core/db/migrate.js';

export const phoneMigrations: MigrationSet = {
  '0115-service-calls': {
    async up(db) {
      await db.schema
        .createTable('calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('external_id', 'text', (c) => c.notNull().unique())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('from_number', 'text', (c) => c.notNull())
        .addColumn('to_number', 'text', (c) => c.notNull())
        .addColumn('customer_number', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text')
        .addColumn('agent_id', 'text')
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('duration_seconds', 'integer', (c) => c.notNull())
        .addColumn('recording_url', 'text')
        .addColumn('transcript', 'text')
        .addColumn('interaction_id', 'text')
        .addColumn('conversation_id', 'text')
        .addColumn('message_id', 'text')
        .addColumn('task_id', 'text')
        .addColumn('inbound_raw_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('calls_contact').on('calls').columns(['contact_id', 'started_at']).execute();
      await db.schema.createIndex('calls_customer_number').on('calls').columns(['customer_number', 'started_at']).execute();
    },
  },
};

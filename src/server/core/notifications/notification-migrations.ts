// Migration of the core notifications table.
import type { MigrationSet } from '../db/migrate.js';

export const notificationMigrations: MigrationSet = {
  '0004-notifications': {
    async up(db) {
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('entity', 'text')
        .addColumn('entity_id', 'text')
        .addColumn('read_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at', 'id']).execute();
    },
  },
  '0005-notification-params': {
    async up(db) {
      // Title and body stay English (API, e-mail); params let the UI say them in the reader's language.
      await db.schema.alterTable('notifications').addColumn('params', 'text').execute();
    },
  },
};

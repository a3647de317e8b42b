// Migrations of the inbox and widget part ('0095-…' to '0099-…'): the unfiltered inbox order, widget visitors and
// the contact a visitor is matched to.
import type { MigrationSet } from '../../../core/db/migrate.js';

export const inboxMigrations: MigrationSet = {
  '0095-inbox-widget': {
    async up(db) {
      // "All conversations, newest first" (no status filter) is answered from this index on both engines.
      await db.schema.createIndex('conversations_recent').on('conversations').columns(['last_message_at', 'id']).execute();
      await db.schema.createIndex('conversations_channel').on('conversations').columns(['channel_kind', 'last_message_at', 'id']).execute();
      await db.schema
        .createTable('widget_visitors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel_id', 'text', (c) => c.notNull().references('service_channels.id').onDelete('cascade'))
        .addColumn('external_user_id', 'text')
        .addColumn('name', 'text')
        .addColumn('email', 'text')
        .addColumn('language', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0096-widget-visitor-contact': {
    async up(db) {
      // The contact a visitor was matched to by the e-mail of the pre-chat form or the site's identity.
      await db.schema.alterTable('widget_visitors').addColumn('contact_id', 'text').execute();
    },
  },
};

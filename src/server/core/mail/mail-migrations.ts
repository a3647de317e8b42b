// Migration of the outgoing mail queue (0076, the number of the tasks work that added it; it was briefly 0077, so
// it tolerates a table that already exists).
import type { MigrationSet } from '../db/migrate.js';

export const mailMigrations: MigrationSet = {
  '0076-mail-outbox': {
    async up(db) {
      await db.schema
        .createTable('mail_outbox')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('mail_outbox_due').ifNotExists().on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
    },
  },
  // E-mail from records and replies to customers (service module): sender, cc, HTML, threading headers, attachments, and
  // the message it delivers (refId), so the sender can report the outcome back.
  '0110-mail-outbox-threading': {
    async up(db) {
      for (const col of ['from_address', 'cc', 'html', 'headers', 'attachments', 'message_id', 'ref_id']) {
        await db.schema.alterTable('mail_outbox').addColumn(col, 'text').execute();
      }
      await db.schema.createIndex('mail_outbox_ref').on('mail_outbox').columns(['ref_id']).execute();
    },
  },
};

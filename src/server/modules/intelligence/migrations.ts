// Migrations of the intelligence module ('0120-…' to '0124-…'): sentiment results and corrections.
import type { MigrationSet } from '../../core/db/migrate.js';

export const intelligenceMigrations: MigrationSet = {
  '0120-sentiment': {
    async up(db) {
      await db.schema
        .createTable('sentiment_results')
        .addColumn('item_kind', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text')
        .addColumn('sentiment', 'text', (c) => c.notNull())
        .addColumn('score', 'real', (c) => c.notNull())
        .addColumn('emotion', 'text', (c) => c.notNull())
        .addColumn('confidence', 'real', (c) => c.notNull())
        .addColumn('cues', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('corrected_by', 'text')
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('analysed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sentiment_results_pk', ['item_kind', 'item_id'])
        .execute();
      await db.schema.createIndex('sentiment_results_contact').on('sentiment_results').columns(['contact_id', 'occurred_at']).execute();

      await db.schema
        .createTable('sentiment_corrections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('item_kind', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('sentiment', 'text', (c) => c.notNull())
        .addColumn('emotion', 'text', (c) => c.notNull())
        .addColumn('previous_sentiment', 'text')
        .addColumn('previous_emotion', 'text')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sentiment_corrections_item').on('sentiment_corrections').columns(['item_kind', 'item_id']).execute();
    },
  },
};

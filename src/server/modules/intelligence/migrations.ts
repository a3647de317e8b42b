// Migrations of the intelligence module ('0120-…' to '0129-…'): sentiment results and corrections, product co-purchase, RFM scores.
import type { MigrationSet } from '../../core/db/migrate.js';
import { modelMigrations } from './models/model-migrations.js';
import { valueMigrations } from './value/value-migrations.js';
import { alertMigrations } from './alerts/alert-migrations.js';

export const intelligenceMigrations: MigrationSet = {
  ...modelMigrations,
  ...valueMigrations,
  ...alertMigrations,
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
  },  '0125-recommendations-rfm': {
    async up(db) {
      await db.schema
        .createTable('product_associations')
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('other_id', 'text', (c) => c.notNull())
        .addColumn('together', 'integer', (c) => c.notNull())
        .addColumn('buyers', 'integer', (c) => c.notNull())
        .addColumn('support', 'real', (c) => c.notNull())
        .addColumn('confidence', 'real', (c) => c.notNull())
        .addColumn('lift', 'real', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('product_associations_pk', ['product_id', 'other_id'])
        .execute();
      await db.schema
        .createTable('rfm_scores')
        .addColumn('contact_id', 'text', (c) => c.primaryKey())
        .addColumn('last_order_at', 'text', (c) => c.notNull())
        .addColumn('recency_days', 'integer', (c) => c.notNull())
        .addColumn('orders', 'integer', (c) => c.notNull())
        .addColumn('monetary', 'real', (c) => c.notNull())
        .addColumn('r', 'integer', (c) => c.notNull())
        .addColumn('f', 'integer', (c) => c.notNull())
        .addColumn('m', 'integer', (c) => c.notNull())
        .addColumn('segment', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rfm_scores_cell').on('rfm_scores').columns(['r', 'f']).execute();
    },
  },
};

// Migrations of duplicate detection and merging (kept beside the code, spread into the data module's set).
import type { MigrationSet } from '../../../core/db/migrate.js';

export const dedupMigrations: MigrationSet = {
  '0045-dedup-merges': {
    async up(db) {
      await db.schema
        .createTable('duplicate_pairs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('a_id', 'text', (c) => c.notNull())
        .addColumn('b_id', 'text', (c) => c.notNull())
        .addColumn('score', 'real', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('detected_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addUniqueConstraint('duplicate_pairs_once', ['entity', 'a_id', 'b_id'])
        .execute();
      // The queue is read best-first per status; merges look pairs up by either side.
      await db.schema.createIndex('duplicate_pairs_queue').on('duplicate_pairs').columns(['status', 'entity', 'score', 'id']).execute();
      await db.schema.createIndex('duplicate_pairs_b').on('duplicate_pairs').column('b_id').execute();
      await db.schema
        .createTable('merges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('survivor_id', 'text', (c) => c.notNull())
        .addColumn('merged_ids', 'text', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('merged_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('undone_at', 'text')
        .addColumn('undone_by', 'text')
        .execute();
      await db.schema.createIndex('merges_survivor').on('merges').columns(['survivor_id', 'created_at']).execute();
    },
  },
  // Companies are merged too: a merge records which kind of record it joined (existing merges joined contacts).
  '0047-merges-entity': {
    async up(db) {
      await db.schema.alterTable('merges').addColumn('entity', 'text', (c) => c.notNull().defaultTo('contact')).execute();
    },
  },
};

// Migrations of predictive models ('0170-…' to '0179-…'): models, versions, contact scores, label overrides.
import type { MigrationSet } from '../../../core/db/migrate.js';

export const modelMigrations: MigrationSet = {
  '0170-predictive-models': {
    async up(db) {
      await db.schema
        .createTable('predictive_models')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('threshold', 'real', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_message', 'text')
        .addColumn('active_version', 'integer')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('model_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('model_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('message', 'text')
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('positives', 'integer', (c) => c.notNull())
        .addColumn('weights', 'text')
        .addColumn('card', 'text', (c) => c.notNull())
        .addColumn('trained_at', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text')
        .addUniqueConstraint('model_versions_model_version', ['model_id', 'version'])
        .execute();
      await db.schema
        .createTable('contact_model_scores')
        .addColumn('model_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('score', 'real', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('scored_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_model_scores_pk', ['model_id', 'contact_id'])
        .execute();
      // The scored list (highest first) and "high risk" filters read this; the 360° view reads by contact.
      await db.schema.createIndex('contact_model_scores_rank').on('contact_model_scores').columns(['model_id', 'score', 'contact_id']).execute();
      await db.schema.createIndex('contact_model_scores_contact').on('contact_model_scores').columns(['contact_id']).execute();
      await db.schema
        .createTable('model_label_overrides')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('model_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('label', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('score_then', 'real')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('model_label_overrides_contact').on('model_label_overrides').columns(['model_id', 'contact_id', 'created_at']).execute();
    },
  },
};

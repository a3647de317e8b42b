// Migrations of leads, lead scoring and lead assignment (keys 0050–0054 of the sales module).
import { sql } from 'kysely';
import type { MigrationSet } from '../../../core/db/migrate.js';

export const leadMigrations: MigrationSet = {
  '0050-leads': {
    async up(db) {
      await db.schema
        .createTable('lead_details')
        .addColumn('contact_id', 'text', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('source', 'text')
        .addColumn('utm_source', 'text')
        .addColumn('utm_medium', 'text')
        .addColumn('utm_campaign', 'text')
        .addColumn('utm_term', 'text')
        .addColumn('utm_content', 'text')
        .addColumn('form_name', 'text')
        .addColumn('message', 'text')
        .addColumn('assignment_status', 'text', (c) => c.notNull())
        .addColumn('assignment_rule_id', 'text')
        .addColumn('assignment_explanation', 'text')
        .addColumn('assigned_at', 'text')
        .addColumn('reassign_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_touched_at', 'text')
        .addColumn('converted_at', 'text')
        .addColumn('deal_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('lead_details_assignment').on('lead_details').columns(['assignment_status', 'contact_id']).execute();
      await db.schema.createIndex('lead_details_stale').on('lead_details').columns(['status', 'assigned_at']).execute();
      await db.schema.createIndex('lead_details_source').on('lead_details').columns(['source', 'contact_id']).execute();
      await db.schema
        .createTable('lead_activity')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('source_event_id', 'text', (c) => c.unique())
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('lead_activity_contact').on('lead_activity').columns(['contact_id', 'occurred_at']).execute();
    },
  },
  '0051-lead-scoring': {
    async up(db) {
      await db.schema
        .createTable('lead_scoring_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('field', 'text')
        .addColumn('operator', 'text')
        .addColumn('value', 'text')
        .addColumn('event', 'text')
        .addColumn('points', 'double precision', (c) => c.notNull())
        .addColumn('half_life_days', 'double precision')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('lead_scores')
        .addColumn('contact_id', 'text', (c) => c.primaryKey())
        .addColumn('score', 'double precision', (c) => c.notNull())
        .addColumn('rule_score', 'double precision', (c) => c.notNull())
        .addColumn('predictive_score', 'double precision')
        .addColumn('breakdown', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('lead_scores_score').on('lead_scores').columns(['score', 'contact_id']).execute();
    },
  },
  '0052-lead-assignment': {
    async up(db) {
      await db.schema
        .createTable('lead_assignment_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('conditions', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text')
        .addColumn('strategy', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('last_user_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0054-lead-assignment-steps': {
    async up(db) {
      // The explanation as steps, so the UI can say it in Chinese too; older rows keep their English line only.
      await db.schema.alterTable('lead_details').addColumn('assignment_steps', 'text').execute();
    },
  },
  '0053-lead-list-indexes': {
    async up(db) {
      // The leads list sorts by creation (this index) or by score (lead_scores_score), so both walk an index.
      await db.schema.createIndex('lead_details_created').on('lead_details').columns(['created_at', 'contact_id']).execute();
      await sql`insert into lead_scores (contact_id, score, rule_score, predictive_score, breakdown, computed_at)
        select d.contact_id, 0, 0, null, '[]', d.updated_at from lead_details d where not exists (select 1 from lead_scores s where s.contact_id = d.contact_id)`.execute(db);
    },
  },
  // Today's "my new leads", newest first: read by status and creation time instead of every contact the rep owns.
  '0079-lead-status-created-index': {
    async up(db) {
      await db.schema.createIndex('lead_details_status_created').ifNotExists().on('lead_details').columns(['status', 'created_at', 'contact_id']).execute();
    },
  },
};

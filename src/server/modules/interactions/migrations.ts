// Migrations of the interactions module.
import type { MigrationSet } from '../../core/db/migrate.js';

export const interactionMigrations: MigrationSet = {
  '0030-interactions': {
    async up(db) {
      await db.schema
        .createTable('interactions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        // Deleting a contact or company deletes its timeline with it.
        .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('cascade'))
        .addColumn('company_id', 'text', (c) => c.references('companies.id').onDelete('cascade'))
        .addColumn('subject', 'text')
        .addColumn('body', 'text')
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('direction', 'text')
        .addColumn('duration_seconds', 'integer')
        .addColumn('outcome', 'text')
        .addColumn('starts_at', 'text')
        .addColumn('ends_at', 'text')
        .addColumn('attendees', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('due_at', 'text')
        .addColumn('assignee_id', 'text')
        .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text')
        .addColumn('team_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('interactions_contact').on('interactions').columns(['contact_id', 'occurred_at', 'id']).execute();
      await db.schema.createIndex('interactions_company').on('interactions').columns(['company_id', 'occurred_at', 'id']).execute();
      await db.schema.createIndex('interactions_tasks').on('interactions').columns(['assignee_id', 'done', 'due_at']).execute();
    },
  },
  // Today's meetings are found by their start time.
  '0073-interaction-meetings-index': {
    async up(db) {
      await db.schema.createIndex('interactions_starts').on('interactions').columns(['type', 'starts_at']).ifNotExists().execute();
    },
  },
  // Activity logged against a deal (the sales module checks the deal; no foreign key across modules).
  '0074-interaction-deal': {
    async up(db) {
      await db.schema.alterTable('interactions').addColumn('deal_id', 'text').execute();
      await db.schema.createIndex('interactions_deal').on('interactions').columns(['deal_id', 'occurred_at', 'id']).ifNotExists().execute();
    },
  },
  // Task reminders: when to remind the assignee, and when it was done (so it fires once; reset on reschedule).
  '0076-task-reminders': {
    async up(db) {
      await db.schema.alterTable('interactions').addColumn('reminder_at', 'text').execute();
      await db.schema.alterTable('interactions').addColumn('reminded_at', 'text').execute();
      await db.schema.createIndex('interactions_reminders').on('interactions').columns(['reminded_at', 'reminder_at']).ifNotExists().execute();
    },
  },
  // Today's "recent activity on my records" reads the last days' entries newest first and keeps those on my records,
  // instead of probing every contact a rep owns (50,000 at a million contacts) for entries (bench/workday.ts).
  '0079-interaction-occurred-index': {
    async up(db) {
      await db.schema.createIndex('interactions_occurred').on('interactions').columns(['occurred_at', 'id']).ifNotExists().execute();
    },
  },
};

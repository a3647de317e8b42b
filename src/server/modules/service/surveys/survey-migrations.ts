// Migration of satisfaction surveys (0117).
import type { MigrationSet } from '../../../core/db/migrate.js';

export const surveyMigrations: MigrationSet = {
  '0117-service-surveys': {
    async up(db) {
      await db.schema
        .createTable('surveys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ticket_id', 'text', (c) => c.notNull().unique().references('tickets.id').onDelete('cascade'))
        .addColumn('contact_id', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('sent_via', 'text')
        .addColumn('language', 'text')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('csat', 'integer')
        .addColumn('nps', 'integer')
        .addColumn('comment', 'text')
        .addColumn('answered_at', 'text')
        .addColumn('follow_up_task_id', 'text')
        .addColumn('assignee_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('surveys_state').on('surveys').columns(['state', 'created_at']).execute();
      await db.schema.createIndex('surveys_answered').on('surveys').columns(['answered_at']).execute();
      await db.schema.createIndex('surveys_contact').on('surveys').columns(['contact_id', 'answered_at']).execute();
    },
  },
};

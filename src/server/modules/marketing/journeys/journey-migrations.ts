// Migrations of journeys (numbers 0160–0169): definitions, enrolments, step runs, webhook calls, e-mail engagement,
// and the daily check of date triggers as a core schedule.
import type { MigrationSet } from '../../../core/db/migrate.js';
import { newId, nowIso } from '../../../core/ids.js';
import { nextRun } from '../../../core/jobs/schedules.js';

export const journeyMigrations: MigrationSet = {
  '0160-journeys': {
    async up(db) {
      await db.schema
        .createTable('journeys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('goal', 'text')
        .addColumn('reentry', 'text', (c) => c.notNull())
        .addColumn('reentry_days', 'integer')
        .addColumn('webhook_secret', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('activated_at', 'text')
        .execute();
      await db.schema.createIndex('journeys_status').on('journeys').columns(['status', 'id']).execute();
      await db.schema
        .createTable('journey_enrolments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id').onDelete('cascade'))
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('step_id', 'text')
        .addColumn('next_run_at', 'text')
        .addColumn('locked_until', 'text')
        .addColumn('trigger_ref', 'text', (c) => c.notNull())
        .addColumn('exit_reason', 'text')
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      // The runner's claim query: active enrolments that are due.
      await db.schema.createIndex('journey_enrolments_due').on('journey_enrolments').columns(['status', 'next_run_at']).execute();
      await db.schema.createIndex('journey_enrolments_journey').on('journey_enrolments').columns(['journey_id', 'status', 'step_id']).execute();
      await db.schema.createIndex('journey_enrolments_contact').on('journey_enrolments').columns(['contact_id', 'journey_id', 'entered_at']).execute();
      await db.schema.createIndex('journey_enrolments_once').on('journey_enrolments').columns(['journey_id', 'contact_id', 'trigger_ref']).unique().execute();
      await db.schema
        .createTable('journey_step_runs')
        .addColumn('enrolment_id', 'text', (c) => c.notNull().references('journey_enrolments.id').onDelete('cascade'))
        .addColumn('step_id', 'text', (c) => c.notNull())
        .addColumn('journey_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('ran_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('journey_step_runs_pk', ['enrolment_id', 'step_id'])
        .execute();
      await db.schema.createIndex('journey_step_runs_journey').on('journey_step_runs').columns(['journey_id', 'step_id', 'outcome']).execute();
      await db.schema.createIndex('journey_step_runs_contact').on('journey_step_runs').columns(['contact_id', 'ran_at']).execute();
      await db.schema
        .createTable('journey_webhook_calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('enrolment_id', 'text', (c) => c.notNull().references('journey_enrolments.id').onDelete('cascade'))
        .addColumn('step_id', 'text', (c) => c.notNull())
        .addColumn('journey_id', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('last_status_code', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .execute();
      await db.schema.createIndex('journey_webhook_calls_once').on('journey_webhook_calls').columns(['enrolment_id', 'step_id']).unique().execute();
      await db.schema.createIndex('journey_webhook_calls_due').on('journey_webhook_calls').columns(['status', 'next_attempt_at']).execute();
      await db.schema
        .createTable('journey_email_events')
        .addColumn('enrolment_id', 'text', (c) => c.notNull().references('journey_enrolments.id').onDelete('cascade'))
        .addColumn('step_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('journey_email_events_pk', ['enrolment_id', 'step_id', 'kind'])
        .execute();
      const schedule = { frequency: 'daily' as const, atTime: '06:00', weekday: null };
      await db
        .insertInto('schedules')
        .values({ id: newId(), name: 'Enrol contacts on date triggers of journeys', job_type: 'marketing.journeys.dates', payload: '{}', frequency: schedule.frequency, at_time: schedule.atTime, weekday: null, next_run_at: nextRun(schedule, new Date()).toISOString(), last_job_id: null, active: 1, created_by: null, created_at: nowIso() })
        .execute();
    },
  },
};

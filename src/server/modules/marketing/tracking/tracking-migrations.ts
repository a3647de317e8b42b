// Migrations of web tracking and forms (numbers 0150–0159): sites, intake, visitors, events, roll-ups, rejection
// counts, forms and submissions, and the daily roll-up + retention schedule.
import type { MigrationSet } from '../../../core/db/migrate.js';
import { newId, nowIso } from '../../../core/ids.js';
import { nextRun } from '../../../core/jobs/schedules.js';

export const trackingMigrations: MigrationSet = {
  '0150-web-tracking': {
    async up(db) {
      await db.schema
        .createTable('web_sites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('site_key', 'text', (c) => c.notNull().unique())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('allowed_origins', 'text', (c) => c.notNull())
        .addColumn('require_consent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('web_intake')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('claimed_until', 'text')
        .execute();
      await db.schema
        .createTable('web_visitors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('web_sites.id').onDelete('cascade'))
        .addColumn('visitor_key', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text')
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('identified_at', 'text')
        .addUniqueConstraint('web_visitors_site_key', ['site_id', 'visitor_key'])
        .execute();
      await db.schema.createIndex('web_visitors_contact').on('web_visitors').columns(['contact_id']).execute();
      await db.schema
        .createTable('web_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('visitor_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('url', 'text')
        .addColumn('path', 'text')
        .addColumn('title', 'text')
        .addColumn('referrer', 'text')
        .addColumn('utm', 'text')
        .addColumn('props', 'text')
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('web_events_contact').on('web_events').columns(['contact_id', 'kind', 'occurred_at']).execute();
      await db.schema.createIndex('web_events_visitor').on('web_events').columns(['visitor_id', 'occurred_at']).execute();
      await db.schema.createIndex('web_events_occurred').on('web_events').columns(['occurred_at']).execute();
      await db.schema
        .createTable('web_daily')
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('web_daily_pk', ['day', 'site_id', 'contact_id', 'kind', 'key'])
        .execute();
      await db.schema.createIndex('web_daily_contact').on('web_daily').columns(['contact_id', 'kind', 'day']).execute();
      await db.schema
        .createTable('web_rejections')
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('web_rejections_pk', ['site_id', 'day', 'reason'])
        .execute();
      const schedule = { frequency: 'daily' as const, atTime: '01:15', weekday: null };
      await db
        .insertInto('schedules')
        .values({ id: newId(), name: 'Web tracking: daily roll-up and retention', job_type: 'marketing.web.daily', payload: '{}', frequency: schedule.frequency, at_time: schedule.atTime, weekday: null, next_run_at: nextRun(schedule, new Date()).toISOString(), last_job_id: null, active: 1, created_by: null, created_at: nowIso() })
        .execute();
    },
  },
  '0151-web-forms': {
    async up(db) {
      await db.schema
        .createTable('web_forms')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('site_id', 'text', (c) => c.references('web_sites.id').onDelete('set null'))
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('consent_text', 'text')
        .addColumn('double_opt_in', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
        .addColumn('submit_label', 'text', (c) => c.notNull())
        .addColumn('success_message', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('web_form_submissions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('form_id', 'text', (c) => c.notNull().references('web_forms.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('context', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text')
        .addColumn('error', 'text')
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('processed_at', 'text')
        .addColumn('confirmed_at', 'text')
        .execute();
      await db.schema.createIndex('web_form_submissions_form').on('web_form_submissions').columns(['form_id', 'received_at']).execute();
      await db.schema.createIndex('web_form_submissions_status').on('web_form_submissions').columns(['status', 'received_at']).execute();
      await db.schema.createIndex('web_form_submissions_contact').on('web_form_submissions').columns(['contact_id']).execute();
    },
  },
};

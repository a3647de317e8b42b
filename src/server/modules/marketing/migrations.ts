// Migrations of the marketing module (numbers 0130–0134 for segments): segments, members, snapshots, and the nightly
// full re-evaluation as a core schedule.
import type { MigrationSet } from '../../core/db/migrate.js';
import { newId, nowIso } from '../../core/ids.js';
import { nextRun } from '../../core/jobs/schedules.js';
import { campaignMigrations } from './campaigns/campaign-migrations.js';
import { journeyMigrations } from './journeys/journey-migrations.js';
import { trackingMigrations } from './tracking/tracking-migrations.js';
import { segmentIndexMigrations } from './segments/segment-index-migrations.js';

export const marketingMigrations: MigrationSet = {
  ...journeyMigrations,
  ...trackingMigrations,
  ...campaignMigrations,
  ...segmentIndexMigrations,
  '0130-segments': {
    async up(db) {
      await db.schema
        .createTable('segments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('rules', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text')
        .addColumn('member_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('stale', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('evaluated_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('segments_name').on('segments').columns(['name', 'id']).execute();
      await db.schema
        .createTable('segment_members')
        .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id').onDelete('cascade'))
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('segment_members_pk', ['segment_id', 'contact_id'])
        .execute();
      await db.schema.createIndex('segment_members_contact').on('segment_members').columns(['contact_id', 'segment_id']).execute();
      await db.schema
        .createTable('segment_snapshots')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id').onDelete('cascade'))
        .addColumn('member_count', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('segment_snapshots_segment').on('segment_snapshots').columns(['segment_id', 'created_at']).execute();
      await db.schema
        .createTable('segment_snapshot_members')
        .addColumn('snapshot_id', 'text', (c) => c.notNull().references('segment_snapshots.id').onDelete('cascade'))
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('segment_snapshot_members_pk', ['snapshot_id', 'contact_id'])
        .execute();
      // Time-relative rules ("within the last 30 days") drift without any event: every dynamic segment is re-evaluated nightly.
      const schedule = { frequency: 'daily' as const, atTime: '02:30', weekday: null };
      await db
        .insertInto('schedules')
        .values({ id: newId(), name: 'Re-evaluate dynamic segments', job_type: 'marketing.segments.refresh', payload: '{}', frequency: schedule.frequency, at_time: schedule.atTime, weekday: null, next_run_at: nextRun(schedule, new Date()).toISOString(), last_job_id: null, active: 1, created_by: null, created_at: nowIso() })
        .execute();
    },
  },
};

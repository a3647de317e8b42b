// Migrations of SLA and routing (numbers 0085–0094): calendars and policies, ticket timers, routing rules, agent status.
import type { MigrationSet } from '../../../core/db/migrate.js';

export const slaRoutingMigrations: MigrationSet = {
  '0085-sla-policies': {
    async up(db) {
      await db.schema
        .createTable('business_calendars')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('week', 'text', (c) => c.notNull())
        .addColumn('holidays', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sla_policies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('priorities', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('tiers', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('calendar_id', 'text', (c) => c.references('business_calendars.id').onDelete('set null'))
        .addColumn('first_response_minutes', 'integer')
        .addColumn('resolution_minutes', 'integer')
        .addColumn('warn_before_minutes', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('pause_when_pending', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('queue_team_id', 'text')
        .addColumn('reassign_on_breach', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('escalation_team_id', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0086-ticket-sla': {
    async up(db) {
      let t = db.schema
        .createTable('ticket_sla')
        .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
        .addColumn('policy_id', 'text', (c) => c.notNull())
        .addColumn('policy_name', 'text', (c) => c.notNull())
        .addColumn('calendar_id', 'text');
      for (const target of ['first_response', 'resolution']) {
        t = t.addColumn(`${target}_minutes`, 'integer');
        for (const col of ['warn_at', 'due_at', 'warned_at', 'breached_at', 'met_at']) t = t.addColumn(`${target}_${col}`, 'text');
        t = t.addColumn(`${target}_left_minutes`, 'double precision');
      }
      await t
        .addColumn('paused_at', 'text')
        .addColumn('next_check_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ticket_sla_next_check').on('ticket_sla').columns(['next_check_at']).execute();
    },
  },
  '0087-ticket-routing': {
    async up(db) {
      await db.schema
        .createTable('routing_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('conditions', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('team_id', 'text', (c) => c.notNull())
        .addColumn('priority', 'text')
        .addColumn('strategy', 'text', (c) => c.notNull())
        .addColumn('skill', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('last_user_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('agent_status')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('capacity', 'integer')
        .addColumn('away', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0133-ticket-sla-paused-minutes': {
    async up(db) {
      // Business minutes the clocks stood still (pending customer), so a new policy's targets count them out too.
      // Pauses that ended before this migration are not known: those tickets start from 0.
      await db.schema.alterTable('ticket_sla').addColumn('paused_minutes', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
};

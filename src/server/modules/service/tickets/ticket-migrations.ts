// Migrations of the tickets part ('0081-…' to '0084-…'): the number counter, macros, viewers and ticket merges.
import { sql } from 'kysely';
import type { MigrationSet } from '../../../core/db/migrate.js';

export const ticketMigrations: MigrationSet = {
  '0081-tickets': {
    async up(db) {
      await db.schema
        .createTable('ticket_counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      // Numbers start at #1001; tickets written before this migration keep theirs.
      const max = await sql<{ n: number | null }>`select max(number) as n from tickets`.execute(db);
      await db.insertInto('ticket_counters').values({ name: 'ticket', value: Math.max(1000, Number(max.rows[0]?.n ?? 0)) }).execute();

      await db.schema
        .createTable('macros')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('body_en', 'text', (c) => c.notNull())
        .addColumn('body_zh', 'text')
        .addColumn('actions', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('macros_name').on('macros').columns(['name', 'id']).execute();

      await db.schema
        .createTable('ticket_viewers')
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ticket_viewers_pk', ['ticket_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('ticket_merges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('undone_at', 'text')
        .execute();
      await db.schema.createIndex('ticket_merges_source').on('ticket_merges').columns(['source_id', 'created_at']).execute();
      await db.schema.createIndex('tickets_merged_into').on('tickets').columns(['merged_into_id']).execute();
    },
  },
};

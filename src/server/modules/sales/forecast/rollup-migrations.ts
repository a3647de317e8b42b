// Migrations '0063-…' to '0066-…': the running totals of the board and the forecast, and covering indexes for the forecast's deal reads.
import type { MigrationSet } from '../../../core/db/migrate.js';
import { rebuildRollups } from './rollups.js';

export const rollupMigrations: MigrationSet = {
  '0063-sales-rollups': {
    async up(db) {
      await db.schema
        .createTable('deal_stage_totals')
        .addColumn('stage_id', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('n', 'bigint', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('deal_stage_totals_pk', ['stage_id', 'currency'])
        .execute();
      await db.schema
        .createTable('order_month_totals')
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text', (c) => c.notNull())
        .addColumn('n', 'bigint', (c) => c.notNull())
        .addColumn('total', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('order_month_totals_pk', ['month', 'currency', 'owner_id', 'team_id'])
        .execute();
      // The forecast reads open deals by close date, and by owner and creation day, from these alone.
      await db.schema.createIndex('deals_open_close').on('deals').columns(['status', 'currency', 'expected_close_date', 'forecast_category', 'stage_id', 'amount', 'owner_id', 'team_id', 'pipeline_id']).execute();
      await db.schema.createIndex('deals_open_created').on('deals').columns(['status', 'currency', 'owner_id', 'created_at', 'forecast_category', 'amount', 'team_id', 'pipeline_id']).execute();
    },
  },
  '0064-deal-scope-indexes': {
    async up(db) {
      // A rep's board totals (own or team deals) read two covering ranges instead of every deal of the pipeline.
      await db.schema.createIndex('deals_owner_totals').on('deals').columns(['owner_id', 'pipeline_id', 'stage_id', 'currency', 'amount', 'expected_close_date']).execute();
      await db.schema.createIndex('deals_team_totals').on('deals').columns(['team_id', 'pipeline_id', 'stage_id', 'currency', 'amount', 'expected_close_date']).execute();
    },
  },
  '0065-deal-close-month-index': {
    async up(db) {
      // Board totals filtered by close month read this range alone.
      await db.schema.createIndex('deals_close_month_totals').on('deals').columns(['pipeline_id', 'expected_close_date', 'stage_id', 'currency', 'amount', 'owner_id', 'team_id']).execute();
    },
  },
  '0066-deal-owner-stage-totals': {
    async up(db) {
      // Board totals keyed by owner and team too, so a rep's board reads a few rows as the admin's does.
      await db.schema.dropTable('deal_stage_totals').execute();
      await db.schema
        .createTable('deal_owner_stage_totals')
        .addColumn('stage_id', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text', (c) => c.notNull())
        .addColumn('n', 'bigint', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('deal_owner_stage_totals_pk', ['stage_id', 'currency', 'owner_id', 'team_id'])
        .execute();
      await rebuildRollups(db as never);
    },
  },
};

// Migrations of pipelines and deals ('0060-…'), with the default pipeline created here so every install has one.
import type { MigrationSet } from '../../../core/db/migrate.js';
import { newId, nowIso } from '../../../core/ids.js';

export const defaultStages = [
  { name: 'Qualification', probability: 10, kind: 'open' },
  { name: 'Needs analysis', probability: 30, kind: 'open' },
  { name: 'Proposal', probability: 60, kind: 'open' },
  { name: 'Negotiation', probability: 80, kind: 'open' },
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
] as const;

export const dealMigrations: MigrationSet = {
  '0060-pipelines-deals': {
    async up(db, engine) {
      const float = engine === 'sqlite' ? 'real' : 'double precision';
      await db.schema
        .createTable('pipelines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('pipeline_stages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('probability', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pipeline_stages_pipeline').on('pipeline_stages').columns(['pipeline_id', 'position']).execute();
      await db.schema
        .createTable('deals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id'))
        .addColumn('stage_id', 'text', (c) => c.notNull().references('pipeline_stages.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('expected_close_date', 'text')
        .addColumn('owner_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('company_id', 'text', (c) => c.references('companies.id').onDelete('set null'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('forecast_category', 'text', (c) => c.notNull())
        .addColumn('position', float, (c) => c.notNull())
        .addColumn('stage_entered_at', 'text', (c) => c.notNull())
        .addColumn('close_reason', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('cycle_days', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Board: a column's page walks (stage_id, position, id); totals read (pipeline_id, stage_id, currency, amount) only.
      await db.schema.createIndex('deals_column').on('deals').columns(['stage_id', 'position', 'id']).execute();
      await db.schema.createIndex('deals_totals').on('deals').columns(['pipeline_id', 'stage_id', 'currency', 'amount']).execute();
      await db.schema.createIndex('deals_owner_column').on('deals').columns(['owner_id', 'stage_id', 'position', 'id']).execute();
      await db.schema.createIndex('deals_close_date').on('deals').columns(['pipeline_id', 'expected_close_date']).execute();
      await db.schema.createIndex('deals_forecast').on('deals').columns(['status', 'expected_close_date']).execute();
      await db.schema.createIndex('deals_closed').on('deals').columns(['status', 'closed_at']).execute();
      await db.schema.createIndex('deals_company').on('deals').columns(['company_id']).execute();
      await db.schema
        .createTable('deal_contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
        .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
        .addColumn('role', 'text')
        .execute();
      await db.schema.createIndex('deal_contacts_deal').on('deal_contacts').columns(['deal_id']).execute();
      await db.schema.createIndex('deal_contacts_contact').on('deal_contacts').columns(['contact_id']).execute();
      await db.schema
        .createTable('deal_line_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
        .addColumn('product_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('unit_price', 'bigint', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('deal_line_items_deal').on('deal_line_items').columns(['deal_id', 'position']).execute();
      await db.schema
        .createTable('deal_stage_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
        .addColumn('stage_id', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .addColumn('left_at', 'text')
        .addColumn('actor_id', 'text')
        .execute();
      await db.schema.createIndex('deal_stage_history_deal').on('deal_stage_history').columns(['deal_id', 'entered_at']).execute();
      await db.schema.createIndex('deal_stage_history_entered').on('deal_stage_history').columns(['entered_at']).execute();

      const now = nowIso();
      const pipelineId = newId();
      await db.insertInto('pipelines').values({ id: pipelineId, name: 'Sales', is_default: 1, position: 0, created_at: now, updated_at: now }).execute();
      await db
        .insertInto('pipeline_stages')
        .values(defaultStages.map((s, i) => ({ id: newId(), pipeline_id: pipelineId, name: s.name, position: i, probability: s.probability, kind: s.kind })))
        .execute();
    },
  },
  // Won/lost reasons offered when a deal is closed, managed by admins (an install starts with none: only free text).
  '0075-deal-close-reasons': {
    async up(db) {
      await db.schema
        .createTable('deal_close_reasons')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('deal_close_reasons_kind_label').on('deal_close_reasons').columns(['kind', 'label']).unique().execute();
    },
  },
  // The Today page's deal cards read one rep's open deals by expected close or by time in stage: an index range each,
  // instead of every open deal of the month (or every open deal) filtered and sorted (bench/workday.ts).
  '0079-deal-owner-today-indexes': {
    async up(db) {
      await db.schema.createIndex('deals_owner_status_close').ifNotExists().on('deals').columns(['owner_id', 'status', 'expected_close_date', 'id']).execute();
      await db.schema.createIndex('deals_owner_status_stage_entered').ifNotExists().on('deals').columns(['owner_id', 'status', 'stage_entered_at', 'id']).execute();
    },
  },
};

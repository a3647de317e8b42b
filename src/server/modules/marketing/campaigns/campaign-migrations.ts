// Migrations of e-mail campaigns (numbers 0140–0149): campaigns, recipients with their delivery state, links, events,
// and the suppression list.
import type { MigrationSet } from '../../../core/db/migrate.js';

export const campaignMigrations: MigrationSet = {
  '0140-campaigns': {
    async up(db) {
      await db.schema
        .createTable('campaigns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('segment_id', 'text')
        .addColumn('snapshot_id', 'text')
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('preheader', 'text')
        .addColumn('blocks', 'text', (c) => c.notNull())
        .addColumn('compiled', 'text')
        .addColumn('from_name', 'text')
        .addColumn('scheduled_at', 'text')
        .addColumn('time_zone', 'text')
        .addColumn('throttle_per_minute', 'integer', (c) => c.notNull())
        .addColumn('cost', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('attribution_days', 'integer', (c) => c.notNull())
        .addColumn('job_id', 'text')
        .addColumn('ab_subject', 'text')
        .addColumn('ab_share_percent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('ab_metric', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('ab_wait_minutes', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('ab_winner', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('campaigns_created').on('campaigns').columns(['created_at', 'id']).execute();
      await db.schema
        .createTable('campaign_recipients')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('skip_reason', 'text')
        .addColumn('variant', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('uncertain', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('opened_at', 'text')
        .addColumn('clicked_at', 'text')
        .addColumn('unsubscribed_at', 'text')
        .addColumn('bounced_at', 'text')
        .execute();
      await db.schema.createIndex('campaign_recipients_contact').on('campaign_recipients').columns(['campaign_id', 'contact_id']).unique().execute();
      await db.schema.createIndex('campaign_recipients_status').on('campaign_recipients').columns(['campaign_id', 'status', 'id']).execute();
      await db.schema.createIndex('campaign_recipients_by_contact').on('campaign_recipients').columns(['contact_id', 'sent_at']).execute();
      await db.schema.createIndex('campaign_recipients_message').on('campaign_recipients').columns(['message_id']).execute();
      await db.schema
        .createTable('campaign_links')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('campaign_links_pk', ['campaign_id', 'idx'])
        .execute();
      await db.schema
        .createTable('campaign_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('recipient_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('detail', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('campaign_events_campaign').on('campaign_events').columns(['campaign_id', 'kind', 'at']).execute();
      await db.schema.createIndex('campaign_events_contact').on('campaign_events').columns(['contact_id', 'at']).execute();
      await db.schema
        .createTable('email_suppressions')
        .addColumn('email', 'text', (c) => c.primaryKey())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'text')
        .addColumn('campaign_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

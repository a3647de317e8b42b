// Migrations of the service module ('0080-…'); each part adds its own set below and keeps to its number range.
import type { MigrationSet } from '../../core/db/migrate.js';
import { emailMigrations } from './email/email-migrations.js';
import { ticketMigrations } from './tickets/ticket-migrations.js';
import { inboxMigrations } from './inbox/inbox-migrations.js';
import { phoneMigrations } from './phone/phone-migrations.js';
import { imMigrations } from './im/im-migrations.js';
import { surveyMigrations } from './surveys/survey-migrations.js';
import { slaRoutingMigrations } from './sla/sla-migrations.js';
import { listIndexMigrations } from './list-index-migrations.js';

const base: MigrationSet = {
  '0080-service-base': {
    async up(db) {
      await db.schema
        .createTable('tickets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'integer', (c) => c.notNull().unique())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        // The customer side has no foreign keys across modules: the customers module's erasure/merge participants
        // (registered by the tickets part) keep these ids right.
        .addColumn('contact_id', 'text')
        .addColumn('company_id', 'text')
        .addColumn('assignee_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('deal_id', 'text')
        .addColumn('order_id', 'text')
        .addColumn('merged_into_id', 'text')
        .addColumn('routing', 'text')
        .addColumn('first_responded_at', 'text')
        .addColumn('solved_at', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tickets_status').on('tickets').columns(['status', 'created_at', 'id']).execute();
      await db.schema.createIndex('tickets_assignee').on('tickets').columns(['assignee_id', 'status', 'created_at']).execute();
      await db.schema.createIndex('tickets_team').on('tickets').columns(['team_id', 'status', 'created_at']).execute();
      await db.schema.createIndex('tickets_contact').on('tickets').columns(['contact_id', 'created_at']).execute();
      await db.schema.createIndex('tickets_company').on('tickets').columns(['company_id', 'created_at']).execute();
      await db.schema.createIndex('tickets_created').on('tickets').columns(['created_at', 'id']).execute();

      await db.schema
        .createTable('ticket_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('body', 'text')
        .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'created_at', 'id']).execute();

      await db.schema
        .createTable('service_channels')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('secret', 'text')
        .addColumn('team_id', 'text')
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('conversations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel_kind', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.references('service_channels.id').onDelete('set null'))
        .addColumn('contact_id', 'text')
        .addColumn('visitor_id', 'text')
        .addColumn('subject', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('set null'))
        .addColumn('external_thread_id', 'text')
        .addColumn('language', 'text')
        .addColumn('last_message_at', 'text', (c) => c.notNull())
        .addColumn('last_message_preview', 'text')
        .addColumn('unread_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('conversations_status').on('conversations').columns(['status', 'last_message_at', 'id']).execute();
      await db.schema.createIndex('conversations_assignee').on('conversations').columns(['assignee_id', 'status', 'last_message_at']).execute();
      await db.schema.createIndex('conversations_team').on('conversations').columns(['team_id', 'status', 'last_message_at']).execute();
      await db.schema.createIndex('conversations_thread').on('conversations').columns(['channel_kind', 'external_thread_id']).execute();
      await db.schema.createIndex('conversations_contact').on('conversations').columns(['contact_id', 'last_message_at']).execute();
      await db.schema.createIndex('conversations_ticket').on('conversations').columns(['ticket_id']).execute();
      await db.schema.createIndex('conversations_visitor').on('conversations').columns(['visitor_id']).execute();

      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('author_kind', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text')
        .addColumn('body_text', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text')
        .addColumn('external_id', 'text')
        .addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('messages_conversation').on('messages').columns(['conversation_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('messages_external').on('messages').columns(['external_id']).execute();

      await db.schema
        .createTable('inbound_raw')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel_id', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('processed_at', 'text')
        .execute();
      await db.schema.createIndex('inbound_raw_pending').on('inbound_raw').columns(['state', 'received_at']).execute();
    },
  },
};

export const serviceMigrations: MigrationSet = { ...base, ...emailMigrations, ...ticketMigrations, ...phoneMigrations, ...imMigrations, ...surveyMigrations, ...slaRoutingMigrations, ...inboxMigrations, ...listIndexMigrations };

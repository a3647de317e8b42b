// Migrations of the service lists' indexes ('0132-…' to '0139-…'): every default ticket and inbox list (a status, a
// status with an assignee or a team, a rep's "mine or my team's" split into one range per alternative) is one index
// range read in key order with its LIMIT, never a sort of every matching row. The id ends each index because the
// lists order by (key, id) and tickets/conversations are rowid tables on SQLite (an index ends in the rowid there).
import { sql } from 'kysely';
import type { MigrationSet } from '../../core/db/migrate.js';

export const listIndexMigrations: MigrationSet = {
  '0132-service-list-indexes': {
    async up(db) {
      await db.schema.dropIndex('tickets_assignee').execute();
      await db.schema.dropIndex('tickets_team').execute();
      await db.schema.createIndex('tickets_assignee').on('tickets').columns(['assignee_id', 'status', 'created_at', 'id']).execute();
      await db.schema.createIndex('tickets_team').on('tickets').columns(['team_id', 'status', 'created_at', 'id']).execute();
      await db.schema.createIndex('tickets_assignee_created').on('tickets').columns(['assignee_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('tickets_team_created').on('tickets').columns(['team_id', 'created_at', 'id']).execute();
      // A team's unassigned queue (a rep sees "assigned to nobody" only through their team).
      await db.schema.createIndex('tickets_team_assignee').on('tickets').columns(['team_id', 'assignee_id', 'status', 'created_at', 'id']).execute();

      await db.schema.dropIndex('conversations_assignee').execute();
      await db.schema.dropIndex('conversations_team').execute();
      await db.schema.createIndex('conversations_assignee').on('conversations').columns(['assignee_id', 'status', 'last_message_at', 'id']).execute();
      await db.schema.createIndex('conversations_team').on('conversations').columns(['team_id', 'status', 'last_message_at', 'id']).execute();
      await db.schema.createIndex('conversations_assignee_recent').on('conversations').columns(['assignee_id', 'last_message_at', 'id']).execute();
      await db.schema.createIndex('conversations_team_recent').on('conversations').columns(['team_id', 'last_message_at', 'id']).execute();
      await db.schema.createIndex('conversations_team_assignee').on('conversations').columns(['team_id', 'assignee_id', 'status', 'last_message_at', 'id']).execute();
    },
  },
  '0134-conversations-unread-index': {
    async up(db) {
      // The unread badges (inbox-repository UNREAD_OPEN, the same terms) count at most 999 rows per view from these small indexes (only open or pending conversations
      // with unread messages), index-only; without them PostgreSQL scanned the table until 999 matches turned up.
      const unread = sql<boolean>`status in ('open', 'pending') and unread_count > 0`;
      await db.schema.createIndex('conversations_unread_assignee').on('conversations').columns(['assignee_id', 'team_id', 'id']).where(unread).execute();
      await db.schema.createIndex('conversations_unread_team').on('conversations').columns(['team_id', 'assignee_id', 'id']).where(unread).execute();
    },
  },
};

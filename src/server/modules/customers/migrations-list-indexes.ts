// Migrations adding (filter, sort, id) indexes (0021), so a filtered and sorted list reads its page, and its keyset cursor,
// straight from one index instead of sorting every row that passes the filter. Only the common pairs (stage or owner
// by name): every index on contacts costs each write and the bulk seed a sort of the whole table.
import type { MigrationSet } from '../../core/db/migrate.js';

const indexes: { table: string; name: string; columns: string[] }[] = [
  { table: 'contacts', name: 'contacts_stage_name', columns: ['lifecycle_stage', 'display_name', 'id'] },
  { table: 'contacts', name: 'contacts_owner_name', columns: ['owner_id', 'display_name', 'id'] },
  { table: 'companies', name: 'companies_industry_name', columns: ['industry', 'name', 'id'] },
  { table: 'companies', name: 'companies_owner_name', columns: ['owner_id', 'name', 'id'] },
];

export const listIndexMigrations: MigrationSet = {
  '0021-list-sort-indexes': {
    async up(db) {
      for (const i of indexes) await db.schema.createIndex(i.name).ifNotExists().on(i.table).columns(i.columns).execute();
    },
  },
  // A company's contacts by company, with their owner and team beside: the companies list counts each company's
  // contacts a sales rep may see from the index alone (it read every contact row: 50 companies × 100 contacts a page).
  '0079-contacts-company-visibility-index': {
    async up(db) {
      await db.schema.dropIndex('contacts_company_id').ifExists().execute();
      await db.schema.createIndex('contacts_company_id').on('contacts').columns(['company_id', 'owner_id', 'team_id', 'id']).execute();
    },
  },
};

// Migration adding what imports keep from the source system: when the record was created there, and phone numbers
// kept as typed because they are not valid numbers for their country (never stored as if they were).
import type { MigrationSet } from '../../core/db/migrate.js';

export const sourceFieldMigrations: MigrationSet = {
  '0067-contacts-source-created-raw-phones': {
    async up(db) {
      await db.schema.alterTable('contacts').addColumn('source_created_at', 'text').execute();
      await db.schema.alterTable('contacts').addColumn('raw_phones', 'text').execute();
    },
  },
};

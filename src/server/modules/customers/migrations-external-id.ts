// Migration adding the external id another system knows a contact by (for the inbound upsert).
import type { MigrationSet } from '../../core/db/migrate.js';

export const externalIdMigrations: MigrationSet = {
  '0022-contacts-external-id': {
    async up(db) {
      await db.schema.alterTable('contacts').addColumn('external_id', 'text').execute();
      await db.schema.createIndex('contacts_external_id').on('contacts').column('external_id').unique().execute();
    },
  },
};

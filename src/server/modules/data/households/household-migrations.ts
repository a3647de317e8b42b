// Migrations of households (kept beside the code, spread into the data module's set).
import type { MigrationSet } from '../../../core/db/migrate.js';

export const householdMigrations: MigrationSet = {
  '0046-households': {
    async up(db) {
      await db.schema
        .createTable('households')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('households_name').on('households').columns(['name', 'id']).execute();
      await db.schema
        .createTable('household_members')
        .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
        .addColumn('contact_id', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('household_members_pk', ['household_id', 'contact_id'])
        .execute();
      await db.schema.createIndex('household_members_contact').on('household_members').column('contact_id').execute();
    },
  },
};

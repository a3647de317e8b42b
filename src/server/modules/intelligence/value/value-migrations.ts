// Migrations of customer value ('0180'): each buying contact's historical and predicted value.
import type { MigrationSet } from '../../../core/db/migrate.js';

export const valueMigrations: MigrationSet = {
  '0180-contact-values': {
    async up(db) {
      await db.schema
        .createTable('contact_values')
        .addColumn('contact_id', 'text', (c) => c.primaryKey())
        .addColumn('orders', 'integer', (c) => c.notNull())
        .addColumn('first_order_at', 'text', (c) => c.notNull())
        .addColumn('last_order_at', 'text', (c) => c.notNull())
        .addColumn('revenue', 'real', (c) => c.notNull())
        .addColumn('product_cost', 'real', (c) => c.notNull())
        .addColumn('tickets', 'integer', (c) => c.notNull())
        .addColumn('service_cost', 'real', (c) => c.notNull())
        .addColumn('margin', 'real', (c) => c.notNull())
        .addColumn('probability_alive', 'real')
        .addColumn('expected_orders', 'real')
        .addColumn('expected_order_value', 'real')
        .addColumn('predicted_value', 'real')
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('contact_values_margin').on('contact_values').column('margin').execute();
      await db.schema.createIndex('contact_values_predicted').on('contact_values').column('predicted_value').execute();
    },
  },
};

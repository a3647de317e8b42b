// Migrations of products, price books, orders, order items ('0061-…') and quotas ('0062-…').
import type { MigrationSet } from '../../../core/db/migrate.js';
import { rollupMigrations } from '../forecast/rollup-migrations.js';

export const orderMigrations: MigrationSet = {
  '0061-products-orders': {
    async up(db) {
      await db.schema
        .createTable('products')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sku', 'text', (c) => c.notNull().unique())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_zh', 'text')
        .addColumn('category', 'text')
        .addColumn('price', 'bigint', (c) => c.notNull())
        .addColumn('cost', 'bigint')
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('products_category').on('products').columns(['category', 'sku']).execute();
      await db.schema
        .createTable('product_prices')
        .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('price', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('product_prices_pk', ['product_id', 'currency'])
        .execute();
      await db.schema
        .createTable('orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('external_id', 'text', (c) => c.unique())
        .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
        .addColumn('company_id', 'text', (c) => c.references('companies.id').onDelete('set null'))
        .addColumn('deal_id', 'text', (c) => c.references('deals.id').onDelete('set null'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('total', 'bigint', (c) => c.notNull())
        .addColumn('ordered_at', 'text', (c) => c.notNull())
        .addColumn('fulfilled_at', 'text')
        .addColumn('owner_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('orders_contact').on('orders').columns(['contact_id', 'ordered_at']).execute();
      await db.schema.createIndex('orders_company').on('orders').columns(['company_id', 'ordered_at']).execute();
      await db.schema.createIndex('orders_deal').on('orders').columns(['deal_id']).execute();
      // The forecast's revenue side reads only this index (covering) for a date range.
      await db.schema.createIndex('orders_revenue').on('orders').columns(['ordered_at', 'currency', 'status', 'total', 'deal_id', 'owner_id', 'team_id']).execute();
      await db.schema
        .createTable('order_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
        .addColumn('product_id', 'text')
        .addColumn('sku', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('unit_price', 'bigint', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('order_items_order').on('order_items').columns(['order_id']).execute();
    },
  },
  '0062-quotas': {
    async up(db) {
      await db.schema
        .createTable('quotas')
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('quotas_pk', ['target', 'month'])
        .execute();
    },
  },
  ...rollupMigrations,
};

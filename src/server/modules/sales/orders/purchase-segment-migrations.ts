// '0131-orders-by-contact': a covering index of orders per contact (status, total, time), so a segment's purchase
// rules (count, total, last order per contact) read the index alone, never the order rows.
import type { MigrationSet } from '../../../core/db/migrate.js';

export const purchaseSegmentMigrations: MigrationSet = {
  '0131-orders-by-contact': {
    async up(db) {
      await db.schema.createIndex('orders_contact_purchases').on('orders').columns(['contact_id', 'status', 'total', 'ordered_at']).execute();
    },
  },
};

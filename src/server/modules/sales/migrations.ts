// Migrations of the sales module; each part adds its own keys ('0050-…', '0051-…', …).
import type { MigrationSet } from '../../core/db/migrate.js';

import { dealMigrations } from './deals/deal-migrations.js';
import { orderMigrations } from './orders/order-migrations.js';
import { leadMigrations } from './leads/lead-migrations.js';
import { purchaseSegmentMigrations } from './orders/purchase-segment-migrations.js';

export const salesMigrations: MigrationSet = { ...dealMigrations, ...orderMigrations, ...leadMigrations, ...purchaseSegmentMigrations };

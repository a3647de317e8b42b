// Migrations of the sales module; each part adds its own keys ('0050-…', '0051-…', …).
import type { MigrationSet } from '../../core/db/migrate.js';

export const salesMigrations: MigrationSet = {};

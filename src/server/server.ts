// Opens the database, migrates it, creates the admin from the environment and builds the app.
import type { FastifyInstance } from 'fastify';
import { loadConfig, type ConfigOverrides } from './core/config.js';
import { openDatabase } from './core/db/database.js';
import { migrateToLatest } from './core/db/migrate.js';
import { ensureAdminFromEnv } from './modules/accounts/index.js';
import { migrationSets } from './modules.js';
import { buildApp } from './app.js';

export async function createServer(overrides: ConfigOverrides = {}): Promise<FastifyInstance> {
  const config = loadConfig(overrides);
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db, migrationSets);
  await ensureAdminFromEnv(db, config.adminEmail, config.adminPassword);
  const app = await buildApp({ db, logLevel: config.logLevel, webDir: config.webDir });
  app.addHook('onClose', async () => db.close());
  return app;
}

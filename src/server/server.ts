// Opens the database, migrates it, creates the admin from the environment, builds the app and starts the worker.
import type { FastifyInstance } from 'fastify';
import { loadConfig, type ConfigOverrides } from './core/config.js';
import { openDatabase } from './core/db/database.js';
import { migrateToLatest } from './core/db/migrate.js';
import { startWorker, type Worker } from './core/jobs/worker.js';
import { ensureAdminFromEnv } from './modules/accounts/index.js';
import { migrationSets } from './modules.js';
import { configureBackups } from './modules/data/index.js';
import { configureOutbound } from './core/net/outbound-policy.js';
import { configureImportFolder } from './core/files/import-folder.js';
import { configureSecretKey } from './core/secrets/secret-box.js';
import { configureDataDir } from './core/files/data-dir.js';
import { buildApp } from './app.js';

declare module 'fastify' {
  interface FastifyInstance {
    worker: Worker;
  }
}

export interface ServerOptions extends ConfigOverrides {
  /** false: serve only; background work runs in `rapport worker` processes. Tests pass 'manual' and call app.worker.drain(). */
  worker?: boolean | 'manual';
}

export async function createServer(opts: ServerOptions = {}): Promise<FastifyInstance> {
  const config = loadConfig(opts);
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db, migrationSets);
  await ensureAdminFromEnv(db, config.adminEmail, config.adminPassword);
  configureBackups({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  configureOutbound(config.outboundAllow);
  configureImportFolder({ importDir: config.importDir, dataDir: config.dataDir });
  configureSecretKey(config.secretKey);
  configureDataDir(config.dataDir);
  const app = await buildApp({ db, logLevel: config.logLevel, webDir: config.webDir, dataDir: config.dataDir, publicUrl: config.publicUrl, trustProxy: config.trustProxy });
  const mode = opts.worker ?? true;
  const worker = startWorker(db, app.log, { loop: mode === true });
  app.decorate('worker', worker);
  app.addHook('onClose', async () => {
    await worker.stop();
    await db.close();
  });
  return app;
}

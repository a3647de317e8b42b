// Reads Rapport's configuration from the environment (DESIGN.md "Config").
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  secretKey: string;
  adminEmail?: string;
  adminPassword?: string;
  logLevel: string;
  webDir: string;
}

export interface ConfigOverrides {
  port?: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  adminEmail?: string;
  adminPassword?: string;
  logLevel?: string;
  webDir?: string;
}

/** The secret key lives in the data dir when RAPPORT_SECRET_KEY is not set, created on first use. */
function loadSecretKey(dataDir: string): string {
  if (process.env.RAPPORT_SECRET_KEY) return process.env.RAPPORT_SECRET_KEY;
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

export function loadConfig(overrides: ConfigOverrides = {}): Config {
  const env = process.env;
  const dataDir = path.resolve(overrides.dataDir ?? env.RAPPORT_DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  return {
    port: overrides.port ?? Number(env.PORT ?? 3000),
    host: overrides.host ?? env.HOST ?? '0.0.0.0',
    databaseUrl: overrides.databaseUrl ?? env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'rapport.db')}`,
    dataDir,
    secretKey: loadSecretKey(dataDir),
    adminEmail: overrides.adminEmail ?? env.RAPPORT_ADMIN_EMAIL,
    adminPassword: overrides.adminPassword ?? env.RAPPORT_ADMIN_PASSWORD,
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    webDir: overrides.webDir ?? path.resolve(import.meta.dirname, '../../../dist/web'),
  };
}

// Reads Rapport's configuration from the environment (DESIGN.md "Config").
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseCidr } from './net/ip-ranges.js';

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
  /** The address users reach Rapport at (https://crm.example.com): its origin is trusted for CSRF, https makes cookies Secure. */
  publicUrl?: string;
  /** Which proxies' X-Forwarded-* headers to believe; false unless the operator says so (they are trivially forged). */
  trustProxy: TrustProxy;
  /** RAPPORT_IMPORT_DIR: the only folder scheduled imports may read server files from; unset, they read none. */
  importDir?: string;
  /** RAPPORT_OUTBOUND_ALLOW: hosts and CIDRs that may be fetched although private or loopback (tests, intranets). */
  outboundAllow: string[];
}

export type TrustProxy = boolean | number | string[];

export interface ConfigOverrides {
  port?: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  adminEmail?: string;
  adminPassword?: string;
  logLevel?: string;
  webDir?: string;
  publicUrl?: string;
  trustProxy?: TrustProxy;
  importDir?: string;
  /** Comma-separated like RAPPORT_OUTBOUND_ALLOW; '' allows nothing extra. */
  outboundAllow?: string;
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

/** RAPPORT_TRUST_PROXY: unset/false, true, a hop count, or comma-separated addresses/CIDRs (Fastify's trustProxy). */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** RAPPORT_PUBLIC_URL must be an http(s) URL; a typo fails start-up rather than silently refusing every login. */
export function parsePublicUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const url = URL.canParse(value.trim()) ? new URL(value.trim()) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new Error(`RAPPORT_PUBLIC_URL must be an http:// or https:// URL (got "${value}")`);
  return url.href;
}

/** RAPPORT_OUTBOUND_ALLOW: comma-separated host names, addresses and CIDRs; a typo fails start-up rather than silently allowing nothing. */
export function parseOutboundAllow(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const e of entries) {
    if (!parseCidr(e) && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/.test(e)) {
      throw new Error(`RAPPORT_OUTBOUND_ALLOW takes host names, IP addresses and CIDRs such as 10.0.0.0/8 (got "${e}")`);
    }
  }
  return entries;
}

/** RAPPORT_IMPORT_DIR, resolved; unset or empty means importing server files is off. */
export function parseImportDir(value: string | undefined): string | undefined {
  return value?.trim() ? path.resolve(value.trim()) : undefined;
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
    publicUrl: parsePublicUrl(overrides.publicUrl ?? env.RAPPORT_PUBLIC_URL),
    trustProxy: overrides.trustProxy ?? parseTrustProxy(env.RAPPORT_TRUST_PROXY),
    importDir: parseImportDir('importDir' in overrides ? overrides.importDir : env.RAPPORT_IMPORT_DIR),
    outboundAllow: parseOutboundAllow(overrides.outboundAllow ?? env.RAPPORT_OUTBOUND_ALLOW),
  };
}

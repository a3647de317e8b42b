// The benchmark's data set: a data dir seeded once with `rapport seed --contacts N` and reused while N is unchanged.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServer } from '../src/server/server.js';
import { createTeam, createUser } from '../src/server/modules/accounts/index.js';
import type { Db } from '../src/server/core/db/database.js';

export const ADMIN = { email: 'bench-admin@example.com', password: 'bench-password-1' };
export const REPS = 20;
export const REP_PASSWORD = 'bench-rep-password-1';

export interface BenchData {
  dataDir: string;
  databaseUrl: string;
  contacts: number;
  /** Seconds `rapport seed` took, measured when this run seeded; null when the data set was reused. */
  seedSeconds: number | null;
  seedOutput: string;
}

interface Marker {
  contacts: number;
  /** Digest of the seed and the search index layout: a data set seeded by other code is seeded again. */
  layout: string;
  databaseUrl: string;
  seedSeconds: number;
  seedOutput: string;
}

export async function prepareData(dataDir: string, contacts: number, databaseUrl?: string): Promise<BenchData> {
  const url = databaseUrl ?? `sqlite:${path.join(dataDir, 'rapport.db')}`;
  const markerFile = path.join(dataDir, 'bench-seed.json');
  const hash = createHash('sha256');
  for (const f of ['../src/server/seed/seed-synthetic.ts', '../src/server/modules/customers/search-index.ts']) hash.update(readFileSync(path.resolve(import.meta.dirname, f)));
  const layout = hash.digest('hex').slice(0, 16);
  if (existsSync(markerFile)) {
    const m = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
    if (m.contacts === contacts && m.databaseUrl === url && m.layout === layout) return { dataDir, databaseUrl: url, contacts, seedSeconds: null, seedOutput: m.seedOutput };
  }
  mkdirSync(dataDir, { recursive: true });
  if (!databaseUrl) for (const f of ['rapport.db', 'rapport.db-wal', 'rapport.db-shm', 'bench-seed.json']) rmSync(path.join(dataDir, f), { force: true });
  else if (!databaseUrl.includes('schema=')) throw new Error('BENCH_DATABASE_URL must name an empty schema (?schema=...) that the bench may fill');

  // Sales reps in four teams own the contacts, so owner and team filters select a realistic share.
  const app = await createServer({ databaseUrl: url, dataDir, logLevel: 'warn', worker: false, adminEmail: ADMIN.email, adminPassword: ADMIN.password, webDir: path.join(dataDir, 'no-web') });
  const db = (app as unknown as { db: Db }).db;
  const admin = await db.kysely.selectFrom('users').select(['id', 'name', 'teamId']).where('email', '=', ADMIN.email).executeTakeFirstOrThrow();
  const actor = { ...admin, role: 'admin' as const, visibility: 'all' as const };
  const teams = [];
  for (const name of ['North', 'South', 'East', 'West']) teams.push(await createTeam(db, actor, { name }));
  for (let i = 0; i < REPS; i++) {
    await createUser(db, actor, { email: `rep${i}@example.com`, name: `Rep ${i}`, password: REP_PASSWORD, role: 'sales', teamId: teams[i % teams.length]!.id });
  }
  await app.close();

  const t0 = performance.now();
  const bin = path.resolve(import.meta.dirname, '../bin/rapport.mjs');
  const run = spawnSync(process.execPath, [bin, 'seed', '--contacts', String(contacts)], {
    env: { ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: url, RAPPORT_SEED_TIMINGS: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`rapport seed failed:\n${run.stdout}\n${run.stderr}`);
  const seedOutput = `${run.stdout.trim()}\n${run.stderr.trim()}`.trim();
  const seedSeconds = (performance.now() - t0) / 1000;
  writeFileSync(markerFile, JSON.stringify({ contacts, layout, databaseUrl: url, seedSeconds, seedOutput } satisfies Marker, null, 2));
  return { dataDir, databaseUrl: url, contacts, seedSeconds, seedOutput };
}

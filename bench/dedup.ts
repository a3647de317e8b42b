// The dedup benchmark: N synthetic contacts with planted duplicates (BENCH_DEDUP_CONTACTS, default 1,000,000) in a
// fresh database, the real 'dedup' job run in-process, and precision/recall of the suggested pairs against the truth.
// BENCH_DEDUP_DATABASE_URL runs it on a PostgreSQL schema (?schema=…, emptied first) instead of a SQLite file.
// BENCH_DEDUP_KEEP=1 keeps the generated SQLite data set (and its truth) and reuses it on the next run of the same size.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createServer } from '../src/server/server.js';
import type { Db } from '../src/server/core/db/database.js';
import { enqueueJob, getJob, runNextJob } from '../src/server/core/jobs/job-queue.js';
import { generateDedupData, variantKinds, type VariantKind } from './dedup-data.js';

export interface DedupBenchResult {
  engine: string;
  contacts: number;
  planted: number;
  generateSeconds: number;
  jobSeconds: number;
  cpuSeconds: number;
  job: unknown;
  suggested: number;
  precision: number;
  recall: number;
  recallByKind: Record<string, number>;
  peakRssMb: number;
}

export async function runDedupBench(env = process.env): Promise<DedupBenchResult> {
  const n = Number(env.BENCH_DEDUP_CONTACTS ?? 1_000_000);
  const dir = path.join(tmpdir(), `rapport-bench-dedup-${n}`);
  const url = env.BENCH_DEDUP_DATABASE_URL ?? `sqlite:${path.join(dir, 'dedup.db')}`;
  const truthFile = path.join(dir, 'truth.json');
  const reuse = !url.startsWith('postgres') && existsSync(truthFile);
  if (!reuse) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  if (url.startsWith('postgres')) await resetSchema(url);
  const app = await createServer({ databaseUrl: url, dataDir: dir, logLevel: 'warn', worker: false, webDir: path.join(dir, 'no-web'), adminEmail: 'bench@example.com', adminPassword: 'bench-password-1' });
  const db = (app as unknown as { db: Db }).db;
  console.log(`# dedup bench: ${n.toLocaleString('en')} contacts on ${db.engine}`);
  const t0 = performance.now();
  let truth: Awaited<ReturnType<typeof generateDedupData>>;
  if (reuse) {
    const saved = JSON.parse(readFileSync(truthFile, 'utf8')) as { contacts: number; pairs: [string, VariantKind][] };
    truth = { contacts: saved.contacts, pairs: new Map(saved.pairs) };
    await db.kysely.deleteFrom('duplicatePairs').execute();
  } else {
    truth = await generateDedupData(db, n);
    if (env.BENCH_DEDUP_KEEP && !url.startsWith('postgres')) writeFileSync(truthFile, JSON.stringify({ contacts: truth.contacts, pairs: [...truth.pairs] }));
  }
  const generateSeconds = (performance.now() - t0) / 1000;
  console.log(`${reuse ? 'reused' : 'generated'} ${truth.contacts.toLocaleString('en')} contacts with ${truth.pairs.size.toLocaleString('en')} planted duplicates in ${generateSeconds.toFixed(1)} s`);

  const job = await enqueueJob(db, 'dedup', { autoMerge: false }, null);
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  await runNextJob(db);
  const jobSeconds = (performance.now() - t1) / 1000;
  // CPU time tells what the job costs when the machine is shared (wall time then includes waiting for a core).
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const done = (await getJob(db, job.id))!;
  if (done.status !== 'done') throw new Error(`dedup job ${done.status}: ${done.error}`);

  const found = await db.kysely.selectFrom('duplicatePairs').select(['aId', 'bId']).where('status', '=', 'open').execute();
  let hits = 0;
  const hitsByKind = new Map<VariantKind, number>();
  for (const p of found) {
    const kind = truth.pairs.get(`${p.aId}|${p.bId}`);
    if (kind) {
      hits++;
      hitsByKind.set(kind, (hitsByKind.get(kind) ?? 0) + 1);
    }
  }
  const plantedByKind = new Map<VariantKind, number>();
  for (const k of truth.pairs.values()) plantedByKind.set(k, (plantedByKind.get(k) ?? 0) + 1);
  const recallByKind = Object.fromEntries(variantKinds.map((k) => [k, round((hitsByKind.get(k) ?? 0) / (plantedByKind.get(k) || 1))]));
  const result: DedupBenchResult = {
    engine: db.engine,
    contacts: truth.contacts,
    planted: truth.pairs.size,
    generateSeconds,
    jobSeconds,
    cpuSeconds,
    job: done.result,
    suggested: found.length,
    precision: round(found.length ? hits / found.length : 1),
    recall: round(hits / truth.pairs.size),
    recallByKind,
    // The job blocks the event loop on SQLite, so a sampling timer would not run: the process's own high-water mark.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log(`dedup job: ${jobSeconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (${JSON.stringify(done.result)})`);
  console.log(`suggested ${found.length} pairs: precision ${result.precision}, recall ${result.recall}; recall by kind ${JSON.stringify(recallByKind)}; peak RSS ${result.peakRssMb} MB`);
  await app.close();
  if (!url.startsWith('postgres') && !env.BENCH_DEDUP_KEEP) rmSync(dir, { recursive: true, force: true });
  return result;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

async function resetSchema(url: string): Promise<void> {
  const schema = new URL(url).searchParams.get('schema');
  if (!schema) throw new Error('BENCH_DEDUP_DATABASE_URL must name a schema (?schema=...) that the bench may empty');
  const u = new URL(url);
  u.searchParams.delete('schema');
  const { Kysely, PostgresDialect } = await import('kysely');
  const pg = (await import('pg')).default;
  const k = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: u.toString(), max: 1 }) }) });
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(k);
  await sql`create schema ${sql.id(schema)}`.execute(k);
  await k.destroy();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runDedupBench().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

// `npm run bench`: seeds (or reuses) a data set, starts the real server in this process on a random port,
// and measures list/search/overview latency, req/s against a bare Fastify route, and memory. The server runs without
// its background worker (like `rapport serve` beside separate `rapport worker` processes), so only requests load it.
// Knobs: BENCH_CONTACTS (1000000), BENCH_DIR (tmp/rapport-bench-<N>), BENCH_REQUESTS per scenario (200),
// BENCH_PAGES (200), BENCH_SECONDS per req/s run (5), BENCH_CONCURRENCY (8), BENCH_DATABASE_URL (PostgreSQL
// schema instead of SQLite), BENCH_OUT (JSON results file), BENCH_PLANS=1 (print every query plan).
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import Fastify from 'fastify';
import { createServer } from '../src/server/server.js';
import type { Db } from '../src/server/core/db/database.js';
import { ADMIN, REP_PASSWORD, prepareData } from './prepare-data.js';
import { request, throughput } from './http-client.js';
import { installCapture } from './query-plans.js';
import { runPaging, runScenario, sampleValues, scenarios, type Ctx, type ScenarioResult } from './list-search.js';
import { checkSeedMatchesApi } from './seed-consistency.js';
import { runExportBackupBench } from './export-backup.js';
import { runDedupBench } from './dedup.js';
import { runImportBench } from './import-bench.js';
import { runSalesBench } from './sales.js';
import { runWorkdayBench } from './workday.js';
import { runEmailParseBench } from './email-parse.js';
import { runSentimentBench } from './sentiment.js';
import { runInboxBench } from './inbox.js';
import { runSegmentBench } from './segments.js';
import { runCampaignBench } from './campaigns.js';
import { runRecommendationBench } from './recommendations.js';
import { runClvBench } from './clv.js';
import { runModelBench } from './models.js';
import { runWebTrackingBench } from './web-tracking.js';
import { runJourneyBench } from './journeys.js';

const env = process.env;
const contacts = Number(env.BENCH_CONTACTS ?? 1_000_000);
const dataDir = path.resolve(env.BENCH_DIR ?? path.join(tmpdir(), `rapport-bench-${contacts}`));
const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);

async function login(base: string, email: string, password: string): Promise<Record<string, string>> {
  const r = await request('POST', base, '/api/v1/auth/login', {}, { email, password });
  if (r.status !== 200) throw new Error(`login as ${email} answered ${r.status}: ${r.body}`);
  return { authorization: `Bearer ${(JSON.parse(r.body) as { token: string }).token}` };
}

async function main() {
  if (env.BENCH_ONLY === 'dedup') return void (await runDedupBench()); // BENCH_DEDUP_CONTACTS sets its size
  if (env.BENCH_ONLY === 'import') return void (await runImportBench()); // BENCH_IMPORT_ROWS sets its size
  if (env.BENCH_ONLY === 'email') return void (await runEmailParseBench()); // BENCH_EMAILS sets its size
  if (env.BENCH_ONLY === 'sentiment') return void (await runSentimentBench()); // held-out accuracy per language and messages/s
  if (env.BENCH_ONLY === 'inbox') return void (await runInboxBench()); // inbox list + widget sockets (bench/inbox.ts)
  if (env.BENCH_ONLY === 'recommendations') return void (await runRecommendationBench()); // hit-rate@5 on a time split (bench/recommendations.ts)
  if (env.BENCH_ONLY === 'clv') return void (await runClvBench()); // BG/NBD + Gamma-Gamma fit at 100,000 customers (bench/clv.ts)
  if (env.BENCH_ONLY === 'models') return void (await runModelBench()); // churn model: training at 100k, scoring every contact (bench/models.ts)
  if (env.BENCH_ONLY === 'web-tracking') return void (await runWebTrackingBench()); // ingestion: batched, single-event, bare route, raw inserts (bench/web-tracking.ts)
  if (env.BENCH_ONLY === 'journeys') return void (await runJourneyBench()); // journey step throughput (bench/journeys.ts)
  if (env.BENCH_ONLY === 'segments') return void (await runSegmentBench()); // three-rule segment count (bench/segments.ts)
  if (env.BENCH_ONLY === 'campaigns') return void (await runCampaignBench()); // personalising and queueing 100,000 campaign e-mails (bench/campaigns.ts)
  installCapture();
  console.log(`# Rapport bench: ${contacts.toLocaleString('en')} contacts in ${dataDir}`);
  const data = await prepareData(dataDir, contacts, env.BENCH_DATABASE_URL);
  console.log(data.seedSeconds === null ? 'reusing the seeded data set' : `seeded in ${data.seedSeconds.toFixed(1)} s (rapport seed, wall clock)`);
  console.log(data.seedOutput);

  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const app = await createServer({ databaseUrl: data.databaseUrl, dataDir, logLevel: 'warn', worker: false, webDir: path.join(dataDir, 'no-web'), adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const db = (app as unknown as { db: Db }).db;
  const rssAfterStart = process.memoryUsage().rss;

  const admin = await login(base, ADMIN.email, ADMIN.password);
  const rep = await login(base, 'rep0@example.com', REP_PASSWORD);
  const ctx: Ctx = { base, db, admin, rep, requests: Number(env.BENCH_REQUESTS ?? 200), pages: Number(env.BENCH_PAGES ?? 200) };
  const values = await sampleValues(db);

  const consistency = await checkSeedMatchesApi(base, admin, db, values.ids.slice(0, 20));
  if (consistency.mismatches.length) console.log(`SEEDED SEARCH ROWS DIFFER FROM THE API'S in ${consistency.mismatches.length} of ${consistency.checked} contacts, e.g. ${consistency.mismatches[0]}`);
  else console.log(`seeded search rows match what the API writes: ${consistency.checked} contacts checked`);

  const results: ScenarioResult[] = [];
  const report = (r: ScenarioResult) => {
    results.push(r);
    const bad = r.plans?.flatMap((p) => p.problems) ?? [];
    console.log(`${r.name.padEnd(52)} p50 ${fmt(r.latency.p50).padStart(7)} ms  p99 ${fmt(r.latency.p99).padStart(7)} ms  max ${fmt(r.latency.max).padStart(7)} ms  cpu ${r.cpuMs === undefined ? '   -' : fmt(r.cpuMs).padStart(6)} ms/req  rows ${String(r.rows).padStart(3)}${bad.length ? '  PLAN: ' + bad.join('; ') : ''}`);
    if (env.BENCH_PLANS) for (const p of r.plans ?? []) console.log(`    ${p.sql}\n      ${p.plan.join('\n      ')}`);
  };
  const lists = env.BENCH_LISTS !== '0'; // BENCH_LISTS=0: skip the contact list/search/paging scenarios below
  if (lists) for (const s of scenarios(values)) report(await runScenario(ctx, s));
  if (env.BENCH_SALES !== '0') for (const r of await runSalesBench(ctx, console.log)) report(r); // board and forecast: BENCH_DEALS, BENCH_ORDERS (bench/sales.ts)
  // Name sorts both ways, deep pages, counts, companies by name and Today (bench/workday.ts); BENCH_WORKDAY=0 skips it.
  if (env.BENCH_WORKDAY !== '0') for (const r of await runWorkdayBench(ctx, values.owners, console.log)) report(r);
  if (lists) report(await runPaging(ctx, 'paging list (newest first)', '/api/v1/contacts'));
  if (lists) report(await runPaging(ctx, 'paging ?sort=displayName', '/api/v1/contacts?sort=displayName'));
  if (lists) report(await runPaging(ctx, 'paging ?sort=displayName&lifecycleStage=customer', '/api/v1/contacts?sort=displayName&lifecycleStage=customer'));
  if (lists) report(await runPaging(ctx, 'paging ?q=张', `/api/v1/contacts?q=${encodeURIComponent('张')}`));
  if (lists) report(await runPaging(ctx, 'paging ?q=张&sort=displayName', `/api/v1/contacts?q=${encodeURIComponent('张')}&sort=displayName`));
  if (lists) report(await runPaging(ctx, 'paging as sales rep', '/api/v1/contacts', true));
  if (lists) report(await runPaging(ctx, 'paging ?sort=-displayName', '/api/v1/contacts?sort=-displayName'));
  if (lists) report(await runPaging(ctx, 'paging companies ?sort=name', '/api/v1/companies?sort=name'));

  // req/s: the list route against a route that does nothing, in this same process, same client, same concurrency.
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ hello: 'world' }));
  const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });
  const seconds = Number(env.BENCH_SECONDS ?? 5);
  const conc = Number(env.BENCH_CONCURRENCY ?? 8);
  const rps = {
    bareFastify: await throughput(bareBase, () => '/hello', {}, conc, seconds),
    healthz: await throughput(base, () => '/healthz', {}, conc, seconds),
    list: await throughput(base, () => '/api/v1/contacts', admin, conc, seconds),
    search: await throughput(base, () => `/api/v1/contacts?q=${encodeURIComponent('张伟')}`, admin, conc, seconds),
  };
  for (const [k, v] of Object.entries(rps)) console.log(`req/s ${k.padEnd(12)} ${v.rps.toFixed(0).padStart(7)}  (concurrency ${conc}, p50 ${fmt(v.latency.p50)} ms, p99 ${fmt(v.latency.p99)} ms, cpu ${fmt(v.cpuMs)} ms/req, errors ${v.errors})`);
  // Export (CSV/XLSX over HTTP) and backup + verified restore on the same data set; BENCH_EXPORT=0 skips them.
  if (env.BENCH_EXPORT !== '0') await runExportBackupBench({ base, admin, db, databaseUrl: data.databaseUrl, dataDir, contacts, xlsx: env.BENCH_EXPORT_XLSX !== '0' });
  clearInterval(sampler);
  const rss = { afterStart: rssAfterStart, peak: peakRss, end: process.memoryUsage().rss };
  console.log(`RSS (server + bench client, one process): after start ${(rss.afterStart / 2 ** 20).toFixed(0)} MB, peak ${(rss.peak / 2 ** 20).toFixed(0)} MB, end ${(rss.end / 2 ** 20).toFixed(0)} MB`);

  const out = env.BENCH_OUT;
  if (out) writeFileSync(out, JSON.stringify({ contacts, seedSeconds: data.seedSeconds, seedOutput: data.seedOutput, results, rps, rss, at: new Date().toISOString() }, null, 2));
  await bare.close();
  await app.close();
  if (env.BENCH_DEDUP !== '0') await runDedupBench(); // duplicate detection on its own data set (bench/dedup.ts)
  if (env.BENCH_IMPORT !== '0') await runImportBench(); // CSV import vs raw batched insert on a fresh database (bench/import-bench.ts)
  if (env.BENCH_SEGMENTS !== '0') await runSegmentBench(); // segment counts over their own 1M contacts + orders (bench/segments.ts)
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// BENCH_ONLY=web-tracking: event ingestion on one node (SQLite by default, BENCH_DATABASE_URL for PostgreSQL). Closed
// loops of POST /t/v1/events: batches of 100 events, and single-event requests; beside them, in the same run, a bare
// Fastify POST route taking the same body (the framework's ceiling) and raw inserts of intake rows (the database's).
// The worker is off (as behind `rapport worker`): this measures intake — stored before the 202, not processed.
// The clients (autocannon) run in a process of their own (bench/load-worker.mjs), sharing the two cores but not the
// server's event loop; the server's CPU time, its event loop's busy time and the clients' CPU time per request are
// reported beside each rate (steadier than req/s on a shared machine). Knobs: BENCH_SECONDS (5), BENCH_CONCURRENCY (32), BENCH_ROUNDS (3),
// BENCH_TRACKING_PHASES.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { createServer } from '../src/server/server.js';
import type { Db } from '../src/server/core/db/database.js';
import { trackingLimits } from '../src/server/modules/marketing/tracking/tracking-limits.js';
import { intakeWrites, storeBatch } from '../src/server/modules/marketing/tracking/intake-buffer.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const ORIGIN = 'https://bench.example.com';

interface Load {
  mode: 'batch' | 'single';
  siteKey: string;
  batch?: string;
}

/**
 * Closed loops from a child process (the clients' own event loop and CPU): accepted requests per second, and the
 * CPU time this process (the server under test) spent per request, which the machine's other load disturbs far less.
 */
function loop(port: number, urlPath: string, load: Load): Promise<{ rps: number; errors: number; cpuMicros: number; loopMicros: number; clientCpuMicros: number }> {
  return new Promise((resolve, reject) => {
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const child = fork(new URL('./load-worker.mjs', import.meta.url), [JSON.stringify({ port, path: urlPath, origin: ORIGIN, seconds, concurrency, ...load })], { execArgv: [] });
    child.once('message', (m: { ok: number; errors: number; seconds: number; clientCpuMicros: number }) => {
      const cpu = process.cpuUsage(cpu0);
      const elu = performance.eventLoopUtilization(elu0);
      const n = Math.max(1, m.ok + m.errors);
      resolve({ rps: m.ok / m.seconds, errors: m.errors, cpuMicros: (cpu.user + cpu.system) / n, loopMicros: (elu.active * 1000) / n, clientCpuMicros: m.clientCpuMicros });
    });
    child.once('error', reject);
  });
}

/** The round with the median rate (errors and CPU of that same round). */
function median<T extends { rps: number }>(xs: T[]): T | undefined {
  return [...xs].sort((a, b) => a.rps - b.rps)[Math.floor(xs.length / 2)];
}

const page = (i: number) => ({ type: 'page', url: `${ORIGIN}/p/${i % 50}?utm_source=bench`, title: `Page ${i % 50}`, referrer: `${ORIGIN}/` });

export async function runWebTrackingBench(log: (s: string) => void = console.log) {
  trackingLimits.addressPerMinute = 1e12;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-bench-web-'));
  const app = await createServer({ databaseUrl: process.env.BENCH_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'bench.db')}`, dataDir, logLevel: 'warn', adminEmail: 'admin@example.com', adminPassword: 'bench-password-1', worker: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.com', password: 'bench-password-1' } });
  const site = (await app.inject({ method: 'POST', url: '/api/v1/web-sites', headers: { authorization: `Bearer ${login.json().token}` }, payload: { name: 'Bench', allowedOrigins: [ORIGIN] } })).json() as { siteKey: string; id: string };
  const batch = JSON.stringify({ site: site.siteKey, visitor: 'bench-visitor-batch', events: Array.from({ length: 100 }, (_, i) => page(i)) });
  const single: Load = { mode: 'single', siteKey: site.siteKey };

  const bare = Fastify({ logger: false });
  bare.addContentTypeParser('text/plain', { parseAs: 'string' }, (_r, b, done) => done(null, JSON.parse(b as string)));
  bare.post('/bare', async (_req, reply) => reply.status(202).send({ accepted: 1, rejected: [] }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as { port: number }).port;

  // BENCH_TRACKING_PHASES=single (or a comma list of batch, single, bare, raw) runs only those loops, e.g. under --cpu-prof.
  const phases = (process.env.BENCH_TRACKING_PHASES ?? 'batch,single,bare,raw').split(',');
  const skipped = { rps: 0, errors: 0, cpuMicros: 0, loopMicros: 0, clientCpuMicros: 0 };
  const batched = phases.includes('batch') ? await loop(port, '/t/v1/events', { mode: 'batch', siteKey: site.siteKey, batch }) : skipped;
  // Single-event requests and the bare route alternate for BENCH_ROUNDS rounds; each reports its median round, so a
  // burst of load from the machine's neighbours moves both figures and the result less.
  const before = { ...intakeWrites };
  const singleRounds: Awaited<ReturnType<typeof loop>>[] = [];
  const bareRounds: typeof singleRounds = [];
  for (let i = 0; i < rounds; i++) {
    if (phases.includes('single')) singleRounds.push(await loop(port, '/t/v1/events', single));
    if (phases.includes('bare')) bareRounds.push(await loop(barePort, '/bare', single));
  }
  const singles = median(singleRounds) ?? skipped;
  const bareRoute = median(bareRounds) ?? skipped;
  const singleRowsPerTransaction = (intakeWrites.rows - before.rows) / Math.max(1, intakeWrites.transactions - before.transactions);
  // Raw inserts through the same group-commit path, without HTTP: the database's ceiling for one-event batches.
  const db = (app as unknown as { db: Db }).db;
  const t0 = performance.now();
  let inserted = 0;
  while (phases.includes('raw') && performance.now() - t0 < seconds * 1000) {
    await Promise.all(Array.from({ length: 500 }, () => storeBatch(db, site.id, { visitor: 'bench-raw', events: [page(inserted)] })));
    inserted += 500;
  }
  const rawRate = inserted / ((performance.now() - t0) / 1000);
  const stored = await db.kysely.selectFrom('webIntake').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const engine = db.engine;
  await bare.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  const r = {
    engine,
    concurrency,
    seconds,
    batchedEventsPerSecond: Math.round(batched.rps * 100),
    batchedRequestsPerSecond: Math.round(batched.rps),
    singleEventRequestsPerSecond: Math.round(singles.rps),
    singleRoundsRequestsPerSecond: singleRounds.map((x) => Math.round(x.rps)),
    bareRoundsRequestsPerSecond: bareRounds.map((x) => Math.round(x.rps)),
    singleRowsPerTransaction: Math.round(singleRowsPerTransaction * 10) / 10,
    serverCpuMicrosPerRequest: { batched: Math.round(batched.cpuMicros), single: Math.round(singles.cpuMicros), bare: Math.round(bareRoute.cpuMicros) },
    eventLoopMicrosPerRequest: { single: Math.round(singles.loopMicros), bare: Math.round(bareRoute.loopMicros) },
    clientCpuMicrosPerRequest: { single: Math.round(singles.clientCpuMicros), bare: Math.round(bareRoute.clientCpuMicros) },
    bareRouteRequestsPerSecond: Math.round(bareRoute.rps),
    rawInsertRowsPerSecond: Math.round(rawRate),
    errors: batched.errors + [...singleRounds, ...bareRounds].reduce((n, x) => n + x.errors, 0),
    intakeRowsStored: Number(stored.n),
  };
  log(`web tracking (${engine}, ${concurrency} clients, ${seconds} s each): batched ${r.batchedEventsPerSecond} events/s (${r.batchedRequestsPerSecond} req/s of 100); single-event ${r.singleEventRequestsPerSecond} req/s (median of ${r.singleRoundsRequestsPerSecond.join(', ')}; ${r.singleRowsPerTransaction} per transaction); bare route ${r.bareRouteRequestsPerSecond} req/s (median of ${r.bareRoundsRequestsPerSecond.join(', ')}); raw intake inserts ${r.rawInsertRowsPerSecond} rows/s; errors ${r.errors}; server CPU per request: batched ${r.serverCpuMicrosPerRequest.batched} µs, single ${r.serverCpuMicrosPerRequest.single} µs, bare ${r.serverCpuMicrosPerRequest.bare} µs; server event loop busy per request: single ${r.eventLoopMicrosPerRequest.single} µs, bare ${r.eventLoopMicrosPerRequest.bare} µs (clients: single ${r.clientCpuMicrosPerRequest.single} µs, bare ${r.clientCpuMicrosPerRequest.bare} µs)`);
  return r;
}

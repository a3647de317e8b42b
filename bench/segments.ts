// Segment benchmark: three-rule segments counted through POST /segments/preview-count over BENCH_SEGMENT_CONTACTS
// contacts (1,000,000), BENCH_SEGMENT_ORDERS orders (1,000,000) and BENCH_SEGMENT_EVENTS web events (10,000,000):
// a custom select field + order count + "did trial_started ≥ 2 times in the last 30 days", and lifecycle stage +
// custom field + order count; as an admin and as a rep who sees one team; the saved segment's first page of members;
// beside them the bare count of the contacts table over HTTP (GET /contacts/count) in the same run. Every statement a
// count runs is explained (BENCH_PLANS=0 skips). Its own SQLite file in BENCH_SEGMENT_DIR (kept and reused), or
// BENCH_SEGMENT_DATABASE_URL (a PostgreSQL schema URL) instead.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createServer } from '../src/server/server.js';
import type { Db } from '../src/server/core/db/database.js';
import { newId } from '../src/server/core/ids.js';
import { get, request, latency } from './http-client.js';
import { insertRows } from './sales-data.js';
import { seedWebEvents } from './segment-events.js';
import { printPlans } from './segment-plans.js';

const env = process.env;
const N = Number(env.BENCH_SEGMENT_CONTACTS ?? 1_000_000);
const ORDERS = Number(env.BENCH_SEGMENT_ORDERS ?? 1_000_000);
const EVENTS = Number(env.BENCH_SEGMENT_EVENTS ?? 10_000_000);
const ADMIN = { email: 'admin@example.com', password: 'bench-admin-1' };
const stages = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'churned'];
const tiers = ['gold', 'silver', 'bronze', 'none'];

function rand(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

async function seed(db: Db, base: string, admin: Record<string, string>): Promise<void> {
  const r = rand(7);
  const post = (url: string, body: unknown) => request('POST', base, `/api/v1${url}`, admin, body);
  await post('/custom-fields', { object: 'contact', key: 'tier', label: 'Tier', type: 'select', options: tiers });
  const teams = [];
  for (let i = 0; i < 10; i++) teams.push(JSON.parse((await post('/teams', { name: `Team ${i}` })).body).id as string);
  const reps: { id: string; teamId: string }[] = [];
  for (let i = 0; i < 50; i++) {
    const teamId = teams[i % 10]!;
    reps.push({ id: JSON.parse((await post('/users', { email: `segrep${i}@example.com`, name: `Rep ${i}`, password: 'bench-rep-pass-1', role: 'sales', teamId })).body).id, teamId });
  }
  await request('PUT', base, '/api/v1/roles/sales', admin, { visibility: 'own_team' });
  const start = Date.now() - 3 * 365 * 86_400_000;
  const ids: string[] = [];
  for (let done = 0; done < N; done += 100_000) {
    const rows: Record<string, unknown>[] = [];
    for (let i = done; i < Math.min(N, done + 100_000); i++) {
      const at = new Date(start + Math.floor((i / N) * 3 * 365 * 86_400_000)).toISOString();
      const rep = reps[Math.floor(r() * reps.length)]!;
      const id = newId();
      ids.push(id);
      rows.push({ id, displayName: `Contact ${i}`, sortName: `contact ${i}`, emails: '[]', phones: '[]', lifecycleStage: stages[Math.floor(r() * stages.length)], ownerId: rep.id, teamId: rep.teamId, custom: JSON.stringify({ tier: tiers[Math.floor(r() * tiers.length)] }), createdAt: at, updatedAt: at });
    }
    await insertRows(db, 'contacts', rows);
  }
  for (let done = 0; done < ORDERS; done += 100_000) {
    const rows: Record<string, unknown>[] = [];
    for (let i = done; i < Math.min(ORDERS, done + 100_000); i++) {
      const at = new Date(start + Math.floor((i / ORDERS) * 3 * 365 * 86_400_000)).toISOString();
      // Skewed: a third of the contacts buy, some of them often.
      const c = ids[Math.floor(r() ** 2 * (ids.length / 3))]!;
      rows.push({ id: newId(), contactId: c, status: 'paid', channel: 'web', currency: 'CNY', total: 100 * (10 + Math.floor(r() * 2000)), orderedAt: at, createdAt: at, updatedAt: at });
    }
    await insertRows(db, 'orders', rows);
  }
  if (db.engine === 'sqlite') await sql`analyze`.execute(db.kysely);
  else await sql`analyze contacts; analyze orders`.execute(db.kysely);
}

export async function runSegmentBench(log: (line: string) => void = console.log): Promise<void> {
  const dir = path.resolve(env.BENCH_SEGMENT_DIR ?? path.join(tmpdir(), `rapport-bench-segments-${N}-${ORDERS}-${EVENTS}`));
  mkdirSync(dir, { recursive: true });
  const databaseUrl = env.BENCH_SEGMENT_DATABASE_URL ?? `sqlite:${path.join(dir, 'rapport.db')}`;
  const fresh = !env.BENCH_SEGMENT_DATABASE_URL && !existsSync(path.join(dir, 'rapport.db'));
  const app = await createServer({ databaseUrl, dataDir: dir, logLevel: 'warn', worker: false, webDir: path.join(dir, 'no-web'), adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const db = (app as unknown as { db: Db }).db;
  const login = async (email: string, password: string) => ({ authorization: `Bearer ${JSON.parse((await request('POST', base, '/api/v1/auth/login', {}, { email, password })).body).token}` });
  const admin = await login(ADMIN.email, ADMIN.password);
  const have = Number((await db.kysely.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (fresh || have < N) {
    const t0 = performance.now();
    await seed(db, base, admin);
    log(`segments: seeded ${N.toLocaleString('en')} contacts and ${ORDERS.toLocaleString('en')} orders in ${((performance.now() - t0) / 1000).toFixed(1)} s (${db.engine})`);
  } else log(`segments: reusing ${have.toLocaleString('en')} contacts in ${databaseUrl.startsWith('sqlite') ? dir : 'PostgreSQL'}`);
  const events = Number((await db.kysely.selectFrom('webEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (events < EVENTS) {
    await seedWebEvents(db, EVENTS - events, log);
    if (db.engine === 'sqlite') await sql`analyze`.execute(db.kysely);
    else await sql`analyze web_events; analyze web_daily; analyze web_visitors`.execute(db.kysely);
  } else log(`segments: reusing ${events.toLocaleString('en')} web events`);
  if (env.BENCH_SEGMENT_SEED_ONLY === '1') return void (await app.close()); // seed without holding the bench lock
  // Seeding takes minutes: the server has closed the idle keep-alive sockets meanwhile, so use them up first.
  for (let i = 0; i < 4; i++) await get(base, '/healthz').catch(() => undefined);
  const rep = await login('segrep0@example.com', 'bench-rep-pass-1');
  const rule = (field: string, operator: string, value: unknown) => ({ field, operator, value });
  const rules = { combinator: 'and', children: [rule('cf.tier', 'is', 'gold'), rule('orders.count', 'gte', 2), rule('web.event.trial_started.30d', 'gte', 2)] };
  const noEvents = { combinator: 'and', children: [rule('contact.lifecycleStage', 'is', 'customer'), rule('cf.tier', 'is', 'gold'), rule('orders.count', 'gte', 2)] };
  const run = async (name: string, method: string, url: string, who: Record<string, string>, body?: unknown) => {
    const samples: number[] = [];
    let answer = '';
    for (let i = 0; i < Number(env.BENCH_SEGMENT_REQUESTS ?? 20); i++) {
      const t0 = performance.now();
      const res = await request(method, base, url, who, body);
      samples.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${res.body}`);
      answer = res.body;
    }
    const l = latency(samples.slice(2)); // the first two warm the statement cache and the page cache
    log(`${name.padEnd(60)} p50 ${l.p50.toFixed(1).padStart(7)} ms  p99 ${l.p99.toFixed(1).padStart(7)} ms  → ${answer.length > 120 ? `${answer.slice(0, 100)}… (${answer.length} bytes)` : answer}`);
  };
  await run('segments: bare count GET /contacts/count (admin)', 'GET', '/api/v1/contacts/count', admin);
  if (env.BENCH_PLANS !== '0') await printPlans(db, log, () => request('POST', base, '/api/v1/segments/preview-count', admin, { rules }));
  await run('segments: tier + orders + event preview-count (admin)', 'POST', '/api/v1/segments/preview-count', admin, { rules });
  await run('segments: tier + orders + event preview-count (rep, 1 team)', 'POST', '/api/v1/segments/preview-count', rep, { rules });
  const saved = JSON.parse((await request('POST', base, '/api/v1/segments', admin, { name: `Bench ${Date.now()}`, rules })).body) as { id: string };
  await run('segments: tier + orders + event first page of members', 'GET', `/api/v1/segments/${saved.id}/members?limit=50`, admin);
  // The most common event over the widest window: about half the buying contacts pass the event rule.
  const broadEvent = { combinator: 'and', children: [rule('cf.tier', 'is', 'gold'), rule('orders.count', 'gte', 1), rule('web.event.checkout_started.90d', 'gte', 1)] };
  await run('segments: tier + orders + common event 90d (admin)', 'POST', '/api/v1/segments/preview-count', admin, { rules: broadEvent });
  await run('segments: stage + tier + orders preview-count (admin)', 'POST', '/api/v1/segments/preview-count', admin, { rules: noEvents });
  await run('segments: stage + tier + orders preview-count (rep, 1 team)', 'POST', '/api/v1/segments/preview-count', rep, { rules: noEvents });
  const loose = { combinator: 'and', children: [rule('contact.lifecycleStage', 'any_of', ['customer', 'lead', 'qualified']), rule('cf.tier', 'is_not', 'none'), rule('orders.count', 'gte', 1)] };
  await run('segments: 3 broad rules (>100k match: estimate)', 'POST', '/api/v1/segments/preview-count', admin, { rules: loose });
  await app.close();
}

if (import.meta.url === `file://${process.argv[1]}`) runSegmentBench().catch((e) => (console.error(e), process.exit(1))); // `npx tsx bench/segments.ts` alone

// Latency of the contact list, its filters, sorts, searches, deep keyset paging and the 360° overview, over real HTTP.
import { get, latency, type Latency } from './http-client.js';
import { capture, explain, type Captured } from './query-plans.js';
import type { Db } from '../src/server/core/db/database.js';
import { cnFamily, cnGiven, enFamily, enGiven } from '../src/server/seed/names.js';

export interface Scenario {
  name: string;
  /** The path of the next request; varied so caches and one lucky value do not decide the figure. */
  path: () => string;
  /** Sales rep (own-team visibility) instead of the admin. */
  asRep?: boolean;
  /** Must find something: a search that answers nothing proves nothing. */
  mustFind?: boolean;
}

export interface ScenarioResult {
  name: string;
  example: string;
  latency: Latency;
  /** CPU time of this process (server and client) per request: steadier than wall time on a busy machine. */
  cpuMs?: number;
  rows: number;
  plans?: { sql: string; plan: string[]; problems: string[] }[];
}

export interface Ctx {
  base: string;
  db: Db;
  admin: Record<string, string>;
  rep: Record<string, string>;
  requests: number;
  pages: number;
}

const pickOf = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** Values for filters and searches, taken from the data set itself. */
export async function sampleValues(db: Db, n = 300) {
  const owners = (await db.kysely.selectFrom('users').select('id').where('email', 'like', 'rep%').execute()).map((u) => u.id);
  const { lo, hi } = (await db.kysely.selectFrom('searchIndex').select((eb) => [eb.fn.min<number>('rid').as('lo'), eb.fn.max<number>('rid').as('hi')]).executeTakeFirstOrThrow()) as { lo: number; hi: number };
  const rids = Array.from({ length: n * 2 }, () => Number(lo) + Math.floor(Math.random() * (Number(hi) - Number(lo) + 1)));
  const ids = (await db.kysely.selectFrom('searchIndex').select('entityId').where('entity', '=', 'contact').where('rid', 'in', rids).limit(n).execute()).map((r) => r.entityId);
  const people = await db.kysely.selectFrom('contacts').select(['primaryPhone', 'primaryEmail']).where('id', 'in', ids.slice(0, 100)).execute();
  const phones = people.filter((p) => p.primaryPhone?.startsWith('+86')).map((p) => {
    const d = p.primaryPhone!.slice(3);
    return `${d.slice(0, 3)} ${d.slice(3, 7)}`; // "138 0013": how people type the start of a mobile number
  });
  const emails = people.map((p) => p.primaryEmail!.split('@')[0]!);
  return { owners, ids, phones, emails };
}

export function scenarios(v: Awaited<ReturnType<typeof sampleValues>>): Scenario[] {
  const q = (s: string) => encodeURIComponent(s);
  return [
    { name: 'list (newest first)', path: () => '/api/v1/contacts' },
    { name: 'list ?lifecycleStage=customer', path: () => '/api/v1/contacts?lifecycleStage=customer' },
    { name: 'list ?ownerId=<rep>', path: () => `/api/v1/contacts?ownerId=${pickOf(v.owners)}` },
    { name: 'list ?sort=displayName', path: () => '/api/v1/contacts?sort=displayName' },
    { name: 'list ?sort=-updatedAt', path: () => '/api/v1/contacts?sort=-updatedAt' },
    { name: 'list ?sort=displayName&lifecycleStage=customer', path: () => '/api/v1/contacts?sort=displayName&lifecycleStage=customer' },
    { name: 'list ?sort=displayName&ownerId=<rep>', path: () => `/api/v1/contacts?sort=displayName&ownerId=${pickOf(v.owners)}` },
    { name: 'list as sales rep (own team)', path: () => '/api/v1/contacts', asRep: true },
    { name: 'list as sales rep ?sort=displayName', path: () => '/api/v1/contacts?sort=displayName', asRep: true },
    { name: 'search ?q=张 (1 CJK char)', path: () => `/api/v1/contacts?q=${q(pickOf(cnFamily.slice(0, 50)))}`, mustFind: true },
    { name: 'search ?q=张伟 (2 CJK chars)', path: () => `/api/v1/contacts?q=${q(pickOf(cnFamily.slice(0, 20)) + pickOf(cnGiven.slice(0, 10)))}`, mustFind: true },
    { name: 'search ?q=138 0013 (phone fragment)', path: () => `/api/v1/contacts?q=${q(pickOf(v.phones))}`, mustFind: true },
    { name: 'search ?q=jenn (English fragment)', path: () => `/api/v1/contacts?q=${q(pickOf(enGiven).slice(0, 4).toLowerCase())}`, mustFind: true },
    { name: 'search ?q=jo (2 letters)', path: () => `/api/v1/contacts?q=${q(pickOf(enFamily).slice(0, 2).toLowerCase())}`, mustFind: true },
    { name: 'search ?q=user.12345 (email fragment)', path: () => `/api/v1/contacts?q=${q(pickOf(v.emails))}`, mustFind: true },
    { name: 'search ?q=张&sort=displayName', path: () => `/api/v1/contacts?q=${q(pickOf(cnFamily.slice(0, 50)))}&sort=displayName`, mustFind: true },
    { name: 'search ?q=张&lifecycleStage=customer', path: () => `/api/v1/contacts?q=${q(pickOf(cnFamily.slice(0, 50)))}&lifecycleStage=customer`, mustFind: true },
    { name: 'search as sales rep ?q=张', path: () => `/api/v1/contacts?q=${q(pickOf(cnFamily.slice(0, 50)))}`, asRep: true, mustFind: true },
    { name: 'global search /search?q=王芳', path: () => `/api/v1/search?q=${q(pickOf(cnFamily.slice(0, 20)) + pickOf(cnGiven.slice(0, 10)))}` },
    { name: 'overview /contacts/:id/overview', path: () => `/api/v1/contacts/${pickOf(v.ids)}/overview` },
  ];
}

function rowsOf(body: string): number {
  const j = JSON.parse(body) as { data?: unknown[]; contacts?: unknown[] };
  return j.data?.length ?? j.contacts?.length ?? 1;
}

async function planOf(ctx: Ctx, work: () => Promise<unknown>) {
  if (!ctx.db.sqlite) return void (await work()); // plans are explained on SQLite only
  const queries: Captured[] = await capture(work);
  return queries.map((q) => ({ sql: q.sql.replace(/\s+/g, ' '), ...explain(ctx.db.sqlite!, q) }));
}

export async function runScenario(ctx: Ctx, s: Scenario): Promise<ScenarioResult> {
  const headers = s.asRep ? ctx.rep : ctx.admin;
  const example = s.path();
  let rows = 0;
  const plans = await planOf(ctx, async () => {
    const r = await get(ctx.base, example, headers);
    if (r.status !== 200) throw new Error(`${s.name}: GET ${example} answered ${r.status}: ${r.body.slice(0, 300)}`);
    rows = rowsOf(r.body);
  });
  if (s.mustFind && rows === 0) throw new Error(`${s.name}: GET ${decodeURIComponent(example)} found nothing`);
  for (let i = 0; i < 20; i++) await get(ctx.base, s.path(), headers); // warm-up (the JIT, the page cache)
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < ctx.requests; i++) {
    const r = await get(ctx.base, s.path(), headers);
    if (r.status !== 200) throw new Error(`${s.name}: answered ${r.status}: ${r.body.slice(0, 300)}`);
    samples.push(r.ms);
  }
  const cpu = process.cpuUsage(cpu0);
  return { name: s.name, example: decodeURIComponent(example), latency: latency(samples), cpuMs: (cpu.user + cpu.system) / 1000 / ctx.requests, rows, plans };
}

/** Follows nextCursor page after page: keyset paging must cost the same on page 200 as on page 1. */
export async function runPaging(ctx: Ctx, name: string, first: string, asRep = false): Promise<ScenarioResult> {
  const headers = asRep ? ctx.rep : ctx.admin;
  const samples: number[] = [];
  let url: string | null = first;
  let rows = 0;
  let plans: ScenarioResult['plans'];
  const seen = new Set<string>();
  const cpu0 = process.cpuUsage();
  for (let page = 0; page < ctx.pages && url; page++) {
    const current: string = url;
    let r = await get(ctx.base, current, headers);
    if (page === 1) plans = await planOf(ctx, async () => (r = await get(ctx.base, current, headers)));
    if (r.status !== 200) throw new Error(`${name}: GET ${current} answered ${r.status}: ${r.body.slice(0, 300)}`);
    samples.push(r.ms);
    const body = JSON.parse(r.body) as { data: { id: string }[]; nextCursor: string | null };
    rows += body.data.length;
    for (const row of body.data) {
      if (seen.has(row.id)) throw new Error(`${name}: ${row.id} came back twice while paging`);
      seen.add(row.id);
    }
    url = body.nextCursor ? `${first}${first.includes('?') ? '&' : '?'}cursor=${body.nextCursor}` : null;
  }
  const cpu = process.cpuUsage(cpu0);
  return { name: `${name}, ${samples.length} pages`, example: decodeURIComponent(first), latency: latency(samples), cpuMs: (cpu.user + cpu.system) / 1000 / samples.length, rows, plans };
}

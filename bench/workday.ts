// A sales rep's working day at 1M contacts (issue 10): name-sorted contact lists (pinyin sort_name) both ways, first
// and deep keyset pages, the owner filter, GET /contacts/count (exact or estimated), the companies list by name and
// GET /today for a rep with a year of tasks, meetings, activity, leads and deals. BENCH_WORKDAY=0 skips it.
import { encodeCursor } from '../src/server/core/pagination.js';
import { cnFamily } from '../src/server/seed/names.js';
import { get } from './http-client.js';
import { runScenario, type Ctx, type Scenario, type ScenarioResult } from './list-search.js';
import { prepareSalesData } from './sales-data.js';
import { BENCH_TZ, prepareTodayData } from './today-data.js';

const pickOf = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** Cursors that start a page somewhere deep in the name order: the sort keys of random rows. */
async function deepCursors(ctx: Ctx, table: 'contacts' | 'companies', n = 200): Promise<string[]> {
  const ids = (await ctx.db.kysely.selectFrom(table).select('id').orderBy('id').limit(50_000).execute()).map((r) => r.id);
  const picked = Array.from({ length: n }, () => pickOf(ids));
  const rows = await ctx.db.kysely.selectFrom(table).select(['id', 'sortName']).where('id', 'in', picked).execute();
  return rows.map((r) => encodeCursor([r.sortName, r.id]));
}

export async function runWorkdayBench(ctx: Ctx, owners: string[], log: (line: string) => void): Promise<ScenarioResult[]> {
  const env = process.env;
  const sizes = { tasks: Number(env.BENCH_TASKS_PER_REP ?? 1500), meetings: Number(env.BENCH_MEETINGS_PER_REP ?? 400), activities: Number(env.BENCH_ACTIVITIES_PER_REP ?? 10_000), leads: Number(env.BENCH_LEADS_PER_REP ?? 5000) };
  const sales = await prepareSalesData(ctx.db, Number(env.BENCH_DEALS ?? 100_000), Number(env.BENCH_ORDERS ?? 1_000_000));
  if (sales.seededSeconds !== null) log(`sales data inserted in ${sales.seededSeconds.toFixed(1)} s`);
  const today = await prepareTodayData(ctx.db, sizes);
  log(`${today.seededSeconds === null ? 'reusing' : `inserted in ${today.seededSeconds.toFixed(1)} s:`} ${today.interactions.toLocaleString('en')} interactions, ${today.leads.toLocaleString('en')} leads (per rep: ${JSON.stringify(sizes)})`);
  for (let i = 0; i < 4; i++) await get(ctx.base, '/healthz').catch(() => undefined); // idle keep-alive sockets closed meanwhile

  const self = (await ctx.db.kysely.selectFrom('users').select('id').where('email', '=', 'rep0@example.com').executeTakeFirstOrThrow()).id;
  const contactCursors = await deepCursors(ctx, 'contacts');
  const companyCursors = await deepCursors(ctx, 'companies');
  const q = encodeURIComponent;
  const list: Scenario[] = [
    { name: 'list ?sort=displayName (asc, pinyin)', path: () => '/api/v1/contacts?sort=displayName', mustFind: true },
    { name: 'list ?sort=-displayName (desc)', path: () => '/api/v1/contacts?sort=-displayName', mustFind: true },
    { name: 'list ?sort=displayName, deep keyset page', path: () => `/api/v1/contacts?sort=displayName&cursor=${pickOf(contactCursors)}`, mustFind: true },
    { name: 'list ?sort=-displayName, deep keyset page', path: () => `/api/v1/contacts?sort=-displayName&cursor=${pickOf(contactCursors)}`, mustFind: true },
    { name: 'list ?ownerId=<rep>&sort=displayName', path: () => `/api/v1/contacts?ownerId=${pickOf(owners)}&sort=displayName`, mustFind: true },
    { name: 'list ?ownerId=<rep>&sort=-displayName', path: () => `/api/v1/contacts?ownerId=${pickOf(owners)}&sort=-displayName`, mustFind: true },
    { name: 'list as sales rep ?sort=-displayName', path: () => '/api/v1/contacts?sort=-displayName', asRep: true, mustFind: true },
    { name: 'count /contacts/count', path: () => '/api/v1/contacts/count' },
    { name: 'count ?ownerId=<rep>', path: () => `/api/v1/contacts/count?ownerId=${pickOf(owners)}` },
    { name: 'count ?lifecycleStage=customer', path: () => '/api/v1/contacts/count?lifecycleStage=customer' },
    { name: 'count ?q=张', path: () => `/api/v1/contacts/count?q=${q(pickOf(cnFamily.slice(0, 50)))}` },
    { name: 'count as sales rep', path: () => '/api/v1/contacts/count', asRep: true },
    { name: 'count as sales rep ?ownerId=<self>', path: () => `/api/v1/contacts/count?ownerId=${self}`, asRep: true },
    { name: 'companies ?sort=name', path: () => '/api/v1/companies?sort=name', mustFind: true },
    { name: 'companies ?sort=-name', path: () => '/api/v1/companies?sort=-name', mustFind: true },
    { name: 'companies ?sort=name, deep keyset page', path: () => `/api/v1/companies?sort=name&cursor=${pickOf(companyCursors)}`, mustFind: true },
    { name: 'companies as sales rep ?sort=name', path: () => '/api/v1/companies?sort=name', asRep: true, mustFind: true },
    { name: 'companies/count', path: () => '/api/v1/companies/count' },
    { name: `today as sales rep (?tz=${BENCH_TZ})`, path: () => `/api/v1/today?tz=${q(BENCH_TZ)}`, asRep: true },
    { name: 'today as sales rep, 20 items a card', path: () => `/api/v1/today?tz=${q(BENCH_TZ)}&limit=20`, asRep: true },
  ];
  const out: ScenarioResult[] = [];
  for (const s of list) out.push(await runScenario(ctx, s));
  // What a rep's Today shows at this size (so the figures above are read against real counts).
  const t = JSON.parse((await get(ctx.base, `/api/v1/today?tz=${q(BENCH_TZ)}`, ctx.rep)).body) as { cards: { key: string; count: number; items: unknown[] }[] };
  log(`today as rep0: ${t.cards.map((c) => `${c.key} ${c.count} (${c.items.length} shown)`).join(', ')}`);
  const count = JSON.parse((await get(ctx.base, '/api/v1/contacts/count', ctx.admin)).body) as { total: number; estimated: boolean };
  log(`contacts/count as admin: ${count.total.toLocaleString('en')}${count.estimated ? ' (estimated)' : ''}`);
  return out;
}

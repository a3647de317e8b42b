// Sales scenarios of `npm run bench`: the kanban board of a pipeline with BENCH_DEALS open deals (100,000) and the
// forecast over BENCH_ORDERS orders (1,000,000), over real HTTP like the contact scenarios.
import { get } from './http-client.js';
import { runScenario, type Ctx, type ScenarioResult } from './list-search.js';
import { prepareSalesData } from './sales-data.js';

export async function runSalesBench(ctx: Ctx, log: (line: string) => void): Promise<ScenarioResult[]> {
  const deals = Number(process.env.BENCH_DEALS ?? 100_000);
  const orders = Number(process.env.BENCH_ORDERS ?? 1_000_000);
  const data = await prepareSalesData(ctx.db, deals, orders);
  log(data.seededSeconds === null ? `reusing ${deals.toLocaleString('en')} open deals and ${orders.toLocaleString('en')} orders` : `sales data (${deals.toLocaleString('en')} open deals + ${Math.round(deals / 5).toLocaleString('en')} closed, ${orders.toLocaleString('en')} orders) inserted in ${data.seededSeconds.toFixed(1)} s`);
  const reps = (await ctx.db.kysely.selectFrom('users').select('id').where('email', 'like', 'rep%').execute()).map((u) => u.id);
  const pick = <T>(l: T[]) => l[Math.floor(Math.random() * l.length)]!;
  const now = new Date();
  const month = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
  const board = `/api/v1/pipelines/${data.pipelineId}/board`;
  // Seeding can take minutes: the server has closed the idle keep-alive sockets meanwhile, so use them up first.
  for (let i = 0; i < 4; i++) await get(ctx.base, '/healthz').catch(() => undefined);
  const out: ScenarioResult[] = [];
  out.push(await runScenario(ctx, { name: `board: ${deals / 1000}k open deals, 6 columns`, path: () => board, mustFind: true }));
  out.push(await runScenario(ctx, { name: 'board ?ownerId=<rep>', path: () => `${board}?ownerId=${pick(reps)}`, mustFind: true }));
  out.push(await runScenario(ctx, { name: 'board ?closeMonth=<month>', path: () => `${board}?closeMonth=${month(Math.floor(Math.random() * 6))}`, mustFind: true }));
  out.push(await runScenario(ctx, { name: 'board as sales rep', path: () => board, asRep: true }));
  out.push(await runScenario(ctx, { name: 'deals table ?pipelineId&sort=-amount', path: () => `/api/v1/deals?pipelineId=${data.pipelineId}&sort=-amount`, mustFind: true }));
  out.push(await runScenario(ctx, { name: `forecast 12 months over ${orders / 1e6}M orders`, path: () => `/api/v1/forecast?from=${month(-11)}&to=${month(0)}`, mustFind: true }));
  out.push(await runScenario(ctx, { name: 'forecast 8 quarters', path: () => `/api/v1/forecast?period=quarter&from=${month(-21)}&to=${month(2)}`, mustFind: true }));
  out.push(await runScenario(ctx, { name: 'forecast 12 months ?ownerId=<rep>', path: () => `/api/v1/forecast?from=${month(-11)}&to=${month(0)}&ownerId=${pick(reps)}`, mustFind: true }));
  return out;
}

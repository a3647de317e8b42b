// The sales benchmark's data: a "Bench" pipeline with N open deals (plus closed ones for win rates) and M orders over two
// years, bulk-inserted once into the bench database (a settings row remembers the sizes) and reused while they are unchanged.
import { sql } from 'kysely';
import type { Db } from '../src/server/core/db/database.js';
import { newId } from '../src/server/core/ids.js';
import { rebuildSalesRollups } from '../src/server/modules/sales/index.js';

const MARK = 'bench.sales';
const DAY = 86_400_000;

export interface SalesData {
  pipelineId: string;
  seededSeconds: number | null;
}

function rand(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export async function insertRows(db: Db, table: string, rows: Record<string, unknown>[]) {
  if (!rows.length) return;
  if (db.sqlite) {
    const cols = Object.keys(rows[0]!);
    const snake = cols.map((c) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`));
    const stmt = db.sqlite.prepare(`insert into ${table} (${snake.join(',')}) values (${cols.map(() => '?').join(',')})`);
    db.sqlite.transaction(() => {
      for (const r of rows) stmt.run(...cols.map((c) => r[c] as never));
    })();
    return;
  }
  for (let i = 0; i < rows.length; i += 2000) await db.kysely.insertInto(table as never).values(rows.slice(i, i + 2000) as never).execute();
}

export async function prepareSalesData(db: Db, deals: number, orders: number): Promise<SalesData> {
  const mark = await db.kysely.selectFrom('settings').select('value').where('key', '=', MARK).executeTakeFirst();
  const want = JSON.stringify({ deals, orders });
  const existing = await db.kysely.selectFrom('pipelines').select('id').where('name', '=', 'Bench').executeTakeFirst();
  if (mark && existing && JSON.parse(mark.value) === want) return { pipelineId: existing.id, seededSeconds: null };
  const t0 = performance.now();
  if (existing) {
    await db.kysely.deleteFrom('orders').execute();
    await db.kysely.deleteFrom('deals').where('pipelineId', '=', existing.id).execute();
    await db.kysely.deleteFrom('pipelines').where('id', '=', existing.id).execute();
  }
  const r = rand(20261125);
  const reps = await db.kysely.selectFrom('users').select(['id', 'teamId']).where('email', 'like', 'rep%').execute();
  const contacts = (await db.kysely.selectFrom('contacts').select(['id', 'ownerId', 'teamId', 'companyId']).limit(20000).execute());
  const pipelineId = newId();
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  await db.kysely.insertInto('pipelines').values({ id: pipelineId, name: 'Bench', isDefault: 0, position: 99, createdAt: iso(now), updatedAt: iso(now) }).execute();
  const stageDefs: [string, number, 'open' | 'won' | 'lost'][] = [['Qualification', 10, 'open'], ['Needs analysis', 30, 'open'], ['Proposal', 60, 'open'], ['Negotiation', 80, 'open'], ['Won', 100, 'won'], ['Lost', 0, 'lost']];
  const stages = stageDefs.map(([name, probability, kind], position) => ({ id: newId(), pipelineId, name, position, probability, kind }));
  await db.kysely.insertInto('pipelineStages').values(stages).execute();
  const closed = Math.round(deals / 5);
  const dealRows: Record<string, unknown>[] = [];
  const pos = new Map<string, number>();
  for (let i = 0; i < deals + closed; i++) {
    const open = i < deals;
    const stage = open ? stages[Math.floor(r() * 4)]! : stages[r() < 0.35 ? 4 : 5]!;
    const rep = reps[Math.floor(r() * reps.length)]!;
    const created = now - Math.floor(r() * 540) * DAY;
    const cycle = 10 + Math.floor(r() * 90);
    const p = (pos.get(stage.id) ?? 0) + 1;
    pos.set(stage.id, p);
    dealRows.push({
      id: newId(), pipelineId, stageId: stage.id, name: `Bench deal ${i}`, amount: 1000 * (10 + Math.floor(r() * 5000)), currency: 'CNY',
      expectedCloseDate: iso(now + Math.floor((r() - 0.2) * 365) * DAY).slice(0, 10), ownerId: rep.id, teamId: rep.teamId, companyId: null,
      status: stage.kind, forecastCategory: ['pipeline', 'pipeline', 'best_case', 'commit'][Math.floor(r() * 4)], position: p, stageEnteredAt: iso(created),
      closeReason: open ? null : 'bench', closedAt: open ? null : iso(Math.min(now - DAY, created + cycle * DAY)), cycleDays: open ? null : cycle, createdAt: iso(created), updatedAt: iso(created),
    });
  }
  await insertRows(db, 'deals', dealRows);
  for (let done = 0; done < orders; done += 100_000) {
    const batch: Record<string, unknown>[] = [];
    const items: Record<string, unknown>[] = [];
    for (let i = done; i < Math.min(orders, done + 100_000); i++) {
      const c = contacts.length ? contacts[Math.floor(r() * contacts.length)]! : { id: null, ownerId: null, teamId: null, companyId: null };
      // Chronological, as a shop writes them: the date and id indexes append instead of splitting pages all over.
      const at = iso(now - 730 * DAY + Math.floor(((i + r()) / orders) * 730 * DAY));
      const qty = 1 + Math.floor(r() * 3);
      const unit = 100 * (10 + Math.floor(r() * 2000));
      const id = newId();
      const s = r();
      batch.push({ id, externalId: `bench-${i}`, contactId: c.id, companyId: c.companyId, dealId: null, status: s < 0.85 ? 'paid' : s < 0.95 ? 'fulfilled' : 'refunded', channel: ['web', 'tmall', 'jd', 'store'][i % 4], currency: 'CNY', total: qty * unit, orderedAt: at, fulfilledAt: null, ownerId: c.ownerId, teamId: c.teamId, createdAt: at, updatedAt: at });
      items.push({ id: newId(), orderId: id, productId: null, sku: null, name: 'Bench item', quantity: qty, unitPrice: unit, amount: qty * unit });
    }
    await insertRows(db, 'orders', batch);
    await insertRows(db, 'order_items', items);
  }
  await rebuildSalesRollups(db.kysely);
  if (db.engine === 'sqlite') {
    await sql`pragma analysis_limit = 2000`.execute(db.kysely);
    await sql`analyze`.execute(db.kysely);
  } else await sql`analyze deals; analyze orders; analyze deal_stage_history`.execute(db.kysely);
  await db.kysely.deleteFrom('settings').where('key', '=', MARK).execute();
  await db.kysely.insertInto('settings').values({ key: MARK, value: JSON.stringify(want) }).execute();
  return { pipelineId, seededSeconds: (performance.now() - t0) / 1000 };
}

// The nightly customer-value job: rebuilds product co-purchase (recommendations) and every buying contact's RFM scores
// from the revenue orders. Runs as the job 'intelligence.customer-value' (POST /intelligence/customer-value/recompute)
// and once a day by itself (a poller claims the day in settings, so several workers run it once).
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { purchaseLines, type PurchaseLine } from '../../sales/index.js';
import { scoreRfm, type RfmInput } from '../rfm/rfm-score.js';
import { computeAssociations } from './co-purchase.js';
import { rebuildContactValues } from '../value/rebuild-contact-values.js';

export const CUSTOMER_VALUE_JOB = 'intelligence.customer-value';
const MARK = 'intelligence.customerValue.computedAt';
const DAY_MS = 86_400_000;

/** Product sets per contact from purchase lines (optionally only those before a time). */
export function basketsOf(lines: PurchaseLine[]): Map<string, Set<string>> {
  const baskets = new Map<string, Set<string>>();
  for (const l of lines) {
    if (!l.productId) continue;
    const b = baskets.get(l.contactId) ?? new Set<string>();
    b.add(l.productId);
    baskets.set(l.contactId, b);
  }
  return baskets;
}

function rfmInputs(lines: PurchaseLine[]): RfmInput[] {
  const byContact = new Map<string, { last: string; orders: Map<string, number> }>();
  for (const l of lines) {
    const c = byContact.get(l.contactId) ?? { last: l.orderedAt, orders: new Map<string, number>() };
    if (l.orderedAt > c.last) c.last = l.orderedAt;
    c.orders.set(l.orderId, l.total); // one line per item: the order's total counts once
    byContact.set(l.contactId, c);
  }
  return [...byContact].map(([contactId, c]) => ({ contactId, lastOrderAt: c.last, orders: c.orders.size, monetary: [...c.orders.values()].reduce((s, v) => s + v, 0) }));
}

async function insertChunks(db: DbOrTrx, table: 'product_associations' | 'rfm_scores', rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
}

export async function rebuildCustomerValue(db: Db, now = new Date()): Promise<{ associations: number; contacts: number; values: number; clvModel: string }> {
  const lines = await purchaseLines(db.kysely);
  const associations = computeAssociations(basketsOf(lines).values());
  const scores = scoreRfm(rfmInputs(lines), now);
  const at = now.toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('product_associations').execute();
    await insertChunks(trx, 'product_associations', associations.map((a) => ({ productId: a.productId, otherId: a.otherId, together: a.both, buyers: a.buyers, support: a.support, confidence: a.confidence, lift: a.lift, computedAt: at })));
    await trx.deleteFrom('rfm_scores').execute();
    await insertChunks(trx, 'rfm_scores', scores.map((s) => ({ contactId: s.contactId, lastOrderAt: s.lastOrderAt, recencyDays: s.recencyDays, orders: s.orders, monetary: s.monetary, r: s.r, f: s.f, m: s.m, segment: s.segment, computedAt: at })));
  });
  // Lifetime value and profitability (BG/NBD + Gamma-Gamma fitted on the same orders) in the same nightly run.
  const values = await rebuildContactValues(db, now);
  return { associations: associations.length, contacts: scores.length, values: values.contacts, clvModel: values.model };
}

registerJobHandler(CUSTOMER_VALUE_JOB, async ({ db }) => rebuildCustomerValue(db));

/** Once a day: claims the day by swapping the settings mark (only one worker wins), then rebuilds. */
async function dailyRebuild(db: Db): Promise<number> {
  const now = new Date();
  const value = JSON.stringify(now.toISOString()); // settings hold JSON
  const mark = await db.kysely.selectFrom('settings').select('value').where('key', '=', MARK).executeTakeFirst();
  if (mark && now.getTime() - Date.parse(JSON.parse(mark.value) as string) < DAY_MS) return 0;
  if (!mark) {
    const won = await db.kysely.insertInto('settings').values({ key: MARK, value }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
    if (!Number(won.numInsertedOrUpdatedRows ?? 0)) return 0;
  } else {
    const won = await db.kysely.updateTable('settings').set({ value }).where('key', '=', MARK).where('value', '=', mark.value).executeTakeFirst();
    if (!Number(won.numUpdatedRows)) return 0;
  }
  await rebuildCustomerValue(db, now);
  return 1;
}

registerPoller({ name: 'intelligence.customer-value.daily', run: dailyRebuild, idleMs: 15 * 60_000 });

// The seven Ps of customer analysis, each a bucketing of contacts the actor may see: one row per (contact, bucket)
// with a value, so the page's chart (counts and sums per bucket) and its drill-down (the contacts of one bucket) read
// the same rows. Profiling: lifecycle stage; persistency: time since the first order; profitability: margin band;
// performance: sales channel; prospecting: chance of buying again, and prospects without orders; product: the
// products bought; promotion: where contacts came from (source).
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { visibleToSql } from '../../../core/auth/record-scope.js';
import { buyerIdsSql, channelRevenue, productMargins } from '../../sales/index.js';

export const sevenPs = ['profiling', 'persistency', 'profitability', 'performance', 'prospecting', 'product', 'promotion'] as const;
export type SevenP = (typeof sevenPs)[number];

export interface PSource {
  /** Rows (id, display_name, bucket, value) as raw SQL, the contacts the actor may see only. */
  rows: RawBuilder<unknown>;
  /** Buckets in display order, with a label where the key is data (a product's name). */
  buckets: { key: string; label?: string; labelZh?: string | null; min?: number; max?: number; amount?: number }[];
  /** What the value sums: money (minor units), a count (buyers), or nothing. */
  value: 'money' | 'count' | 'none';
}

const DAY_MS = 86_400_000;
const iso = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
const scope = (actor: Actor) => visibleToSql(actor, 'c');

export const lifecycleOrder = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'churned'];

async function profiling(_db: DbOrTrx, actor: Actor): Promise<PSource> {
  return { value: 'none', buckets: lifecycleOrder.map((key) => ({ key })), rows: sql`select c.id, c.display_name, c.lifecycle_stage as bucket, 0 as value from contacts c where ${scope(actor)}` };
}

async function persistency(_db: DbOrTrx, actor: Actor, now: Date): Promise<PSource> {
  const bucket = sql`case when v.first_order_at >= ${iso(now, 91)} then 'under3Months' when v.first_order_at >= ${iso(now, 365)} then 'under1Year' when v.first_order_at >= ${iso(now, 730)} then 'under2Years' else 'over2Years' end`;
  return { value: 'money', buckets: ['under3Months', 'under1Year', 'under2Years', 'over2Years'].map((key) => ({ key })), rows: sql`select c.id, c.display_name, ${bucket} as bucket, v.revenue as value from contact_values v join contacts c on c.id = v.contact_id where ${scope(actor)}` };
}

/** Margin bands: losses, then the quarters of the positive margins (bounds from the contacts the actor may see). */
async function profitability(db: DbOrTrx, actor: Actor): Promise<PSource> {
  const margins = (await sql<{ margin: number }>`select v.margin from contact_values v join contacts c on c.id = v.contact_id where v.margin > 0 and ${scope(actor)} order by v.margin`.execute(db)).rows.map((r) => Number(r.margin));
  const q = (f: number) => margins[Math.floor(margins.length * f)] ?? 0;
  const [q1, q2, q3] = [q(0.25), q(0.5), q(0.75)];
  const bucket = sql`case when v.margin <= 0 then 'loss' when v.margin < ${q1} then 'bottomQuarter' when v.margin < ${q2} then 'secondQuarter' when v.margin < ${q3} then 'thirdQuarter' else 'topQuarter' end`;
  const max = margins[margins.length - 1] ?? 0;
  return {
    value: 'money',
    buckets: [{ key: 'loss', max: 0 }, { key: 'bottomQuarter', min: 0, max: q1 }, { key: 'secondQuarter', min: q1, max: q2 }, { key: 'thirdQuarter', min: q2, max: q3 }, { key: 'topQuarter', min: q3, max }],
    rows: sql`select c.id, c.display_name, ${bucket} as bucket, v.margin as value from contact_values v join contacts c on c.id = v.contact_id where ${scope(actor)}`,
  };
}

async function performance(db: DbOrTrx, actor: Actor): Promise<PSource> {
  const channels = await channelRevenue(db, actor);
  const parts = channels.map((ch) => sql`select c.id, c.display_name, ${ch.channel} as bucket, 0 as value from contacts c where c.id in (${buyerIdsSql(db, actor, { channel: ch.channel })}) and ${scope(actor)}`);
  return { value: 'money', buckets: channels.map((ch) => ({ key: ch.channel, amount: ch.revenue })), rows: parts.length ? sql.join(parts, sql` union all `) : sql`select null as id, null as display_name, null as bucket, 0 as value where 1 = 0` };
}

async function prospecting(_db: DbOrTrx, actor: Actor): Promise<PSource> {
  const bucket = sql`case when v.probability_alive < 0.3 then 'likelyLost' when v.probability_alive < 0.7 then 'uncertain' else 'likelyToBuy' end`;
  return {
    value: 'money',
    buckets: ['likelyToBuy', 'uncertain', 'likelyLost', 'prospects'].map((key) => ({ key })),
    rows: sql`select c.id, c.display_name, ${bucket} as bucket, v.predicted_value as value from contact_values v join contacts c on c.id = v.contact_id where v.probability_alive is not null and ${scope(actor)}
      union all select c.id, c.display_name, 'prospects' as bucket, 0 as value from contacts c where c.lifecycle_stage in ('lead', 'qualified', 'opportunity') and not exists (select 1 from contact_values v where v.contact_id = c.id) and ${scope(actor)}`,
  };
}

async function product(db: DbOrTrx, actor: Actor): Promise<PSource> {
  const top = (await productMargins(db, actor)).sort((a, b) => b.buyers - a.buyers || a.sku.localeCompare(b.sku)).slice(0, 8);
  const parts = top.map((p) => sql`select c.id, c.display_name, ${p.productId} as bucket, 0 as value from contacts c where c.id in (${buyerIdsSql(db, actor, { productId: p.productId })}) and ${scope(actor)}`);
  return { value: 'none', buckets: top.map((p) => ({ key: p.productId, label: p.nameEn, labelZh: p.nameZh })), rows: parts.length ? sql.join(parts, sql` union all `) : sql`select null as id, null as display_name, null as bucket, 0 as value where 1 = 0` };
}

/** Contacts per source; the value is whether they bought (so the bar can show how many of them became customers). */
async function promotion(db: DbOrTrx, actor: Actor): Promise<PSource> {
  const sources = (await sql<{ source: string }>`select distinct c.source from contacts c where c.source is not null and c.source <> '' and ${scope(actor)} order by c.source limit 12`.execute(db)).rows.map((r) => r.source);
  return {
    value: 'count',
    buckets: sources.map((key) => ({ key, label: key })),
    rows: sql`select c.id, c.display_name, c.source as bucket, case when exists (select 1 from contact_values v where v.contact_id = c.id) then 1 else 0 end as value from contacts c where c.source in (${sources.length ? sql.join(sources) : sql`null`}) and ${scope(actor)}`,
  };
}

export const pSources: Record<SevenP, (db: DbOrTrx, actor: Actor, now: Date) => Promise<PSource>> = { profiling, persistency, profitability, performance, prospecting, product, promotion };

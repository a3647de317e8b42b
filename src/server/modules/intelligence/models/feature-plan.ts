// The feature list of a model, decided from the data at training time: purchase behaviour (RFM, gaps, trend), the
// mix over the main product categories, tenure, interactions, deals, company attributes, the organisation's own
// custom fields (number, select one-hot, boolean, date as days since), tickets, sentiment and surveys, lifecycle.
// Features that would give the label away (the label field itself, the lifecycle of a lifecycle label) are left out.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database.js';
import { lifecycleStages, listCustomFields } from '../../customers/index.js';
import type { ModelConfig } from './model-config.js';
import type { ModelKind } from './model-tables.js';

export type FeatureSource = 'orders' | 'category' | 'tenure' | 'interactions' | 'deals' | 'company' | 'custom' | 'tickets' | 'sentiment' | 'survey' | 'lifecycle' | 'leadActivity';

export interface FeatureDef {
  /** Stable key: 'recencyDays', 'category:Books', 'cf:contract=month-to-month', 'lifecycle:customer'. */
  key: string;
  source: FeatureSource;
  /** For custom fields: the field's key, label and type; for one-hots: the value. */
  field?: { key: string; label: string; type: 'number' | 'select' | 'boolean' | 'date' };
  value?: string;
}

const base: FeatureDef[] = [
  { key: 'hasOrders', source: 'orders' },
  { key: 'recencyDays', source: 'orders' },
  { key: 'orders', source: 'orders' },
  { key: 'spend', source: 'orders' },
  { key: 'averageOrder', source: 'orders' },
  { key: 'overdue', source: 'orders' },
  { key: 'ordersRecent', source: 'orders' },
  { key: 'orderTrend', source: 'orders' },
  { key: 'tenureDays', source: 'tenure' },
  { key: 'interactionsRecent', source: 'interactions' },
  { key: 'interactionsTotal', source: 'interactions' },
  { key: 'dealsOpen', source: 'deals' },
  { key: 'dealsWon', source: 'deals' },
  { key: 'dealsLost', source: 'deals' },
  { key: 'companyRevenue', source: 'company' },
  { key: 'ticketsTotal', source: 'tickets' },
  { key: 'ticketsOpen', source: 'tickets' },
  { key: 'ticketsRecent', source: 'tickets' },
  { key: 'sentimentAverage', source: 'sentiment' },
  { key: 'negativeMessages', source: 'sentiment' },
  { key: 'csat', source: 'survey' },
  { key: 'nps', source: 'survey' },
  { key: 'leadActivity', source: 'leadActivity' },
];

async function topValues(db: DbOrTrx, query: ReturnType<typeof sql<{ v: string; n: number }>>): Promise<string[]> {
  return (await query.execute(db)).rows.map((r) => r.v).filter((v) => v !== null && v !== '');
}

export async function featurePlan(db: DbOrTrx, kind: ModelKind, config: ModelConfig): Promise<FeatureDef[]> {
  const defs = [...base];
  const [categories, industries, sizes] = await Promise.all([
    topValues(db, sql<{ v: string; n: number }>`select category as v, count(*) as n from products where category is not null group by category order by n desc limit 8`),
    topValues(db, sql<{ v: string; n: number }>`select industry as v, count(*) as n from companies where industry is not null group by industry order by n desc limit 8`),
    topValues(db, sql<{ v: string; n: number }>`select size as v, count(*) as n from companies where size is not null group by size order by n desc limit 6`),
  ]);
  for (const c of categories) defs.push({ key: `category:${c}`, source: 'category', value: c });
  for (const v of industries) defs.push({ key: `industry:${v}`, source: 'company', value: v });
  for (const v of sizes) defs.push({ key: `size:${v}`, source: 'company', value: v });
  const labelField = config.label?.type === 'customField' ? config.label.key : null;
  for (const f of await listCustomFields(db, 'contact')) {
    if (f.key === labelField) continue;
    const field = { key: f.key, label: f.label, type: f.type as 'number' | 'select' | 'boolean' | 'date' };
    if (f.type === 'number' || f.type === 'boolean' || f.type === 'date') defs.push({ key: `cf:${f.key}`, source: 'custom', field });
    else if (f.type === 'select') for (const o of f.options.slice(0, 20)) defs.push({ key: `cf:${f.key}=${o}`, source: 'custom', field, value: o });
  }
  const lifecycleLabel = config.label?.type === 'lifecycle' || (kind === 'churn' && config.churnBy !== 'window') || kind === 'lead_conversion';
  if (!lifecycleLabel) for (const s of lifecycleStages) defs.push({ key: `lifecycle:${s}`, source: 'lifecycle', value: s });
  // A lead's won deal is its label, and the orders that follow a won deal would tell it too.
  if (kind === 'lead_conversion') return defs.filter((d) => d.key !== 'dealsWon' && d.source !== 'orders' && d.source !== 'category');
  return defs;
}

// Who a model learns from and who it scores, and each learner's label. Time-based kinds read the features as they were
// at a cutoff (now − window) and the label from what happened after it (buys in the next N days; no purchase within
// the window); the others take the label as it stands now (lifecycle stage, a boolean custom field, a won deal).
// A person's correction of a contact's label (model_label_overrides) replaces the computed label.
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx, Engine } from '../../../core/db/database.js';
import type { ContactBaseRow, ContactFacts } from './contact-facts.js';
import type { ModelConfig } from './model-config.js';
import type { ModelKind } from './model-tables.js';

const DAY = 86_400_000;
const REVENUE = sql`status in ('pending', 'paid', 'fulfilled')`;
const ORDER_REVENUE = sql`o.status in ('pending', 'paid', 'fulfilled')`;

export interface ModelSpec {
  id: string;
  kind: ModelKind;
  config: ModelConfig;
}

export interface Population {
  where: RawBuilder<boolean>;
  asOf: Date;
  /** Time-based labels: what happens in [asOf, labelEnd). */
  labelEnd: Date | null;
}

function customFieldKnown(engine: Engine, key: string): RawBuilder<boolean> {
  return engine === 'sqlite' ? sql<boolean>`json_extract(c.custom, ${`$.${key}`}) is not null` : sql<boolean>`(c.custom::jsonb ->> ${key}) is not null`;
}

const hasOrder = (before?: string) => sql<boolean>`exists (select 1 from orders o where o.contact_id = c.id and ${ORDER_REVENUE} ${before ? sql`and o.ordered_at < ${before}` : sql``})`;
const isLead = sql<boolean>`exists (select 1 from lead_details l where l.contact_id = c.id)`;

export function population(m: ModelSpec, mode: 'train' | 'score', engine: Engine, now = new Date()): Population {
  const w = m.config.windowDays;
  const cutoff = new Date(now.getTime() - w * DAY);
  const corrected = sql<boolean>`exists (select 1 from model_label_overrides x where x.model_id = ${m.id} and x.contact_id = c.id)`;
  const orCorrected = (cond: RawBuilder<boolean>) => (mode === 'train' ? sql<boolean>`(${cond} or ${corrected})` : cond);
  if (m.kind === 'churn' && m.config.churnBy === 'window') {
    return mode === 'train' ? { where: hasOrder(cutoff.toISOString()), asOf: cutoff, labelEnd: now } : { where: hasOrder(), asOf: now, labelEnd: null };
  }
  if (m.kind === 'churn') {
    return { where: orCorrected(mode === 'train' ? sql<boolean>`c.lifecycle_stage in ('customer', 'churned')` : sql<boolean>`c.lifecycle_stage = 'customer'`), asOf: now, labelEnd: null };
  }
  if (m.kind === 'propensity') {
    return mode === 'train' ? { where: sql<boolean>`c.created_at < ${cutoff.toISOString()}`, asOf: cutoff, labelEnd: now } : { where: sql<boolean>`1 = 1`, asOf: now, labelEnd: null };
  }
  if (m.kind === 'lead_conversion') {
    // Leads old enough to have had their chance; scored: the leads still open.
    return mode === 'train'
      ? { where: orCorrected(sql<boolean>`(${isLead} and c.created_at < ${cutoff.toISOString()})`), asOf: now, labelEnd: null }
      : { where: sql<boolean>`exists (select 1 from lead_details l where l.contact_id = c.id and l.status in ('new', 'working'))`, asOf: now, labelEnd: null };
  }
  const label = m.config.label;
  if (label?.type === 'customField') return { where: mode === 'train' ? orCorrected(customFieldKnown(engine, label.key)) : sql<boolean>`1 = 1`, asOf: now, labelEnd: null };
  const stage = label?.type === 'lifecycle' ? label.stage : 'churned';
  return { where: mode === 'train' ? sql<boolean>`1 = 1` : sql<boolean>`c.lifecycle_stage <> ${stage}`, asOf: now, labelEnd: null };
}

/** Up to `limit` contacts of the population after `after` (by id). */
export async function populationBatch(db: DbOrTrx, where: RawBuilder<boolean>, after: string, limit: number): Promise<ContactBaseRow[]> {
  const r = await sql<ContactBaseRow>`select c.id, c.custom, c.lifecycle_stage, c.company_id, c.created_at, c.source_created_at from contacts c
    where c.id > ${after} and ${where} order by c.id limit ${limit}`.execute(db);
  return r.rows;
}

/** Each contact's label (1, 0, or null when unknown and so not learnt from). */
export async function batchLabels(db: DbOrTrx, m: ModelSpec, pop: Population, facts: ContactFacts[]): Promise<(0 | 1 | null)[]> {
  if (!facts.length) return [];
  const lo = facts[0]!.id;
  const hi = facts[facts.length - 1]!.id;
  let labels: (0 | 1 | null)[];
  if (pop.labelEnd) {
    const future = await sql<{ id: string }>`select contact_id as id from orders where contact_id >= ${lo} and contact_id <= ${hi} and ${REVENUE}
      and ordered_at >= ${pop.asOf.toISOString()} and ordered_at < ${pop.labelEnd.toISOString()} group by contact_id`.execute(db);
    const bought = new Set(future.rows.map((r) => r.id));
    labels = facts.map((f) => (m.kind === 'propensity' ? (bought.has(f.id) ? 1 : 0) : bought.has(f.id) ? 0 : 1));
  } else if (m.kind === 'lead_conversion') {
    const won = await sql<{ id: string }>`select dc.contact_id as id from deal_contacts dc join deals d on d.id = dc.deal_id
      where dc.contact_id >= ${lo} and dc.contact_id <= ${hi} and d.status = 'won' group by dc.contact_id`.execute(db);
    const yes = new Set(won.rows.map((r) => r.id));
    labels = facts.map((f) => (yes.has(f.id) ? 1 : 0));
  } else if (m.kind === 'custom' && m.config.label?.type === 'customField') {
    const key = m.config.label.key;
    labels = facts.map((f) => {
      const v = f.custom[key];
      return v === true || v === 'true' ? 1 : v === false || v === 'false' ? 0 : null;
    });
  } else {
    const stage = m.config.label?.type === 'lifecycle' ? m.config.label.stage : 'churned';
    labels = facts.map((f) => (f.stage === stage ? 1 : 0));
  }
  const overrides = await sql<{ contactId: string; label: number }>`select contact_id, label from model_label_overrides
    where model_id = ${m.id} and contact_id >= ${lo} and contact_id <= ${hi} order by created_at`.execute(db);
  const latest = new Map(overrides.rows.map((o) => [o.contactId, Number(o.label) ? 1 : 0] as const));
  return facts.map((f, i) => latest.get(f.id) ?? labels[i]!);
}

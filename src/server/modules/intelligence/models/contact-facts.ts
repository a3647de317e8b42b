// Reads what Rapport knows about a batch of contacts, as of a moment, in one set-based query per source over a range
// of contact ids (index range scans on both engines, no per-contact queries): orders and their categories,
// interactions, deals, company, tickets, sentiment, surveys, lead activity. Training reads "as of" the label's cutoff,
// scoring reads as of now.
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database.js';
import type { FeatureDef, FeatureSource } from './feature-plan.js';

export interface ContactFacts {
  id: string;
  stage: string;
  custom: Record<string, unknown>;
  tenureDays: number;
  orders: number;
  spend: number; // major units
  recencyDays: number | null;
  gapDays: number | null;
  ordersRecent: number;
  ordersBefore: number;
  categories: ReadonlyMap<string, number>; // share of items
  interactionsRecent: number;
  interactionsTotal: number;
  deals: { open: number; won: number; lost: number };
  company: { industry: string | null; size: string | null; revenue: number | null } | null;
  tickets: { total: number; open: number; recent: number };
  sentimentAverage: number | null;
  negativeMessages: number;
  csat: number | null;
  nps: number | null;
  leadActivity: number;
}

export interface ContactBaseRow {
  id: string;
  custom: string;
  lifecycleStage: string;
  companyId: string | null;
  createdAt: string;
  sourceCreatedAt: string | null;
}

const DAY = 86_400_000;
const REVENUE = sql.join(['pending', 'paid', 'fulfilled'].map((s) => sql.lit(s)));
export const daysBetween = (from: string, to: number): number => Math.max(0, Math.floor((to - Date.parse(from)) / DAY));
const iso = (t: number) => new Date(t).toISOString();
/** Shared by every contact without categories (read only). */
const NO_CATEGORIES: ReadonlyMap<string, number> = new Map();

type Rows = Record<string, any>[];
async function rows(db: DbOrTrx, q: RawBuilder<unknown>): Promise<Rows> {
  return (await q.execute(db)).rows as Rows;
}
function byId(list: Rows): Map<string, Record<string, any>> {
  return new Map(list.map((r) => [r.id as string, r]));
}

/** The facts of these contacts (ordered by id) as of `asOf`, reading only the sources the features use. */
export async function loadContactFacts(db: DbOrTrx, contacts: ContactBaseRow[], defs: FeatureDef[], asOf: Date): Promise<ContactFacts[]> {
  if (!contacts.length) return [];
  const used = new Set<FeatureSource>(defs.map((d) => d.source));
  const lo = contacts[0]!.id;
  const hi = contacts[contacts.length - 1]!.id;
  const at = asOf.getTime();
  const now = iso(at);
  const r90 = iso(at - 90 * DAY);
  const r180 = iso(at - 180 * DAY);
  const range = (col: string) => sql`${sql.ref(col)} >= ${lo} and ${sql.ref(col)} <= ${hi}`;
  const companyIds = [...new Set(contacts.map((c) => c.companyId).filter((v): v is string => !!v))];
  const none = Promise.resolve([] as Rows);
  const [orders, cats, inter, deals, companies, tickets, senti, surveys, leadAct] = await Promise.all([
    used.has('orders') || used.has('category')
      ? rows(db, sql`select contact_id as id, count(*) as n, sum(total) as total, min(ordered_at) as first, max(ordered_at) as last,
          sum(case when ordered_at >= ${r90} then 1 else 0 end) as recent,
          sum(case when ordered_at >= ${r180} and ordered_at < ${r90} then 1 else 0 end) as before
          from orders where ${range('contact_id')} and status in (${REVENUE}) and ordered_at < ${now} group by contact_id`)
      : none,
    used.has('category')
      ? rows(db, sql`select o.contact_id as id, p.category as v, sum(i.quantity) as n from orders o
          join order_items i on i.order_id = o.id join products p on p.id = i.product_id
          where ${range('o.contact_id')} and o.status in (${REVENUE}) and o.ordered_at < ${now} and p.category is not null
          group by o.contact_id, p.category`)
      : none,
    used.has('interactions')
      ? rows(db, sql`select contact_id as id, count(*) as n, sum(case when occurred_at >= ${r90} then 1 else 0 end) as recent
          from interactions where ${range('contact_id')} and occurred_at < ${now} group by contact_id`)
      : none,
    used.has('deals')
      ? rows(db, sql`select dc.contact_id as id, d.status as v, count(*) as n from deal_contacts dc join deals d on d.id = dc.deal_id
          where ${range('dc.contact_id')} and d.created_at < ${now} group by dc.contact_id, d.status`)
      : none,
    used.has('company') && companyIds.length
      ? db.selectFrom('companies').select(['id', 'industry', 'size', 'annualRevenue']).where('id', 'in', companyIds).execute()
      : none,
    used.has('tickets')
      ? rows(db, sql`select contact_id as id, count(*) as n,
          sum(case when status in ('new', 'open', 'pending', 'on_hold') then 1 else 0 end) as open,
          sum(case when created_at >= ${r180} then 1 else 0 end) as recent
          from tickets where ${range('contact_id')} and created_at < ${now} group by contact_id`)
      : none,
    used.has('sentiment')
      ? rows(db, sql`select contact_id as id, avg(score) as avg, sum(case when sentiment = 'negative' then 1 else 0 end) as neg
          from sentiment_results where ${range('contact_id')} and occurred_at < ${now} group by contact_id`)
      : none,
    used.has('survey')
      ? rows(db, sql`select contact_id as id, avg(csat) as csat, avg(nps) as nps from surveys
          where ${range('contact_id')} and answered_at is not null and answered_at < ${now} group by contact_id`)
      : none,
    used.has('leadActivity')
      ? rows(db, sql`select contact_id as id, count(*) as n from lead_activity where ${range('contact_id')} and occurred_at < ${now} group by contact_id`)
      : none,
  ]);
  const o = byId(orders), it = byId(inter), tk = byId(tickets), se = byId(senti), su = byId(surveys), la = byId(leadAct);
  const co = new Map((companies as Rows).map((c) => [c.id as string, c]));
  const catMap = new Map<string, Map<string, number>>();
  for (const c of cats) {
    const m = catMap.get(c.id) ?? new Map<string, number>();
    m.set(c.v, Number(c.n));
    catMap.set(c.id, m);
  }
  const dealMap = new Map<string, { open: number; won: number; lost: number }>();
  for (const d of deals) {
    const m = dealMap.get(d.id) ?? { open: 0, won: 0, lost: 0 };
    m[d.v as 'open' | 'won' | 'lost'] = Number(d.n);
    dealMap.set(d.id, m);
  }
  return contacts.map((c) => {
    const ord = o.get(c.id);
    const n = Number(ord?.n ?? 0);
    const cat = catMap.get(c.id);
    const catTotal = cat ? [...cat.values()].reduce((s, v) => s + v, 0) : 0;
    const company = c.companyId ? co.get(c.companyId) : undefined;
    const custom = (() => {
      try {
        return JSON.parse(c.custom) as Record<string, unknown>;
      } catch {
        return {};
      }
    })();
    return {
      id: c.id,
      stage: c.lifecycleStage,
      custom,
      tenureDays: daysBetween(c.sourceCreatedAt ?? c.createdAt, at),
      orders: n,
      spend: Number(ord?.total ?? 0) / 100,
      recencyDays: n ? daysBetween(ord!.last, at) : null,
      gapDays: n >= 2 ? Math.max(1, Math.round((Date.parse(ord!.last) - Date.parse(ord!.first)) / DAY / (n - 1))) : null,
      ordersRecent: Number(ord?.recent ?? 0),
      ordersBefore: Number(ord?.before ?? 0),
      categories: cat ? new Map([...cat].map(([k, v]) => [k, v / catTotal])) : NO_CATEGORIES,
      interactionsRecent: Number(it.get(c.id)?.recent ?? 0),
      interactionsTotal: Number(it.get(c.id)?.n ?? 0),
      deals: dealMap.get(c.id) ?? { open: 0, won: 0, lost: 0 },
      company: company ? { industry: company.industry, size: company.size, revenue: company.annualRevenue === null ? null : Number(company.annualRevenue) } : null,
      tickets: { total: Number(tk.get(c.id)?.n ?? 0), open: Number(tk.get(c.id)?.open ?? 0), recent: Number(tk.get(c.id)?.recent ?? 0) },
      sentimentAverage: se.has(c.id) ? Number(se.get(c.id)!.avg) : null,
      negativeMessages: Number(se.get(c.id)?.neg ?? 0),
      csat: su.get(c.id)?.csat == null ? null : Number(su.get(c.id)!.csat),
      nps: su.get(c.id)?.nps == null ? null : Number(su.get(c.id)!.nps),
      leadActivity: Number(la.get(c.id)?.n ?? 0),
    };
  });
}

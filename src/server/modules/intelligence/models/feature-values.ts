// Turns a contact's facts into the model's numbers (NaN where unknown; training imputes the mean) and names a
// feature's part in a score as a structured reason {kind, params} that the web renders in the reader's language.
import type { ContactFacts } from './contact-facts.js';
import type { FeatureDef } from './feature-plan.js';

const log1p = Math.log1p;
const customDays = (v: unknown, at: number): number => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? Math.floor((at - Date.parse(v)) / 86_400_000) : NaN);

export function featureValue(def: FeatureDef, f: ContactFacts, at: number): number {
  switch (def.key) {
    case 'hasOrders': return f.orders ? 1 : 0;
    case 'recencyDays': return f.recencyDays === null ? NaN : Math.min(f.recencyDays, 3650);
    case 'orders': return log1p(f.orders);
    case 'spend': return log1p(f.spend);
    case 'averageOrder': return f.orders ? log1p(f.spend / f.orders) : NaN;
    case 'overdue': return f.gapDays === null || f.recencyDays === null ? NaN : Math.min(10, f.recencyDays / f.gapDays);
    case 'ordersRecent': return f.ordersRecent;
    case 'orderTrend': return f.ordersRecent - f.ordersBefore;
    case 'tenureDays': return Math.min(f.tenureDays, 7300);
    case 'interactionsRecent': return f.interactionsRecent;
    case 'interactionsTotal': return log1p(f.interactionsTotal);
    case 'dealsOpen': return f.deals.open;
    case 'dealsWon': return f.deals.won;
    case 'dealsLost': return f.deals.lost;
    case 'companyRevenue': return f.company?.revenue == null ? NaN : log1p(f.company.revenue / 100);
    case 'ticketsTotal': return f.tickets.total;
    case 'ticketsOpen': return f.tickets.open;
    case 'ticketsRecent': return f.tickets.recent;
    case 'sentimentAverage': return f.sentimentAverage ?? NaN;
    case 'negativeMessages': return f.negativeMessages;
    case 'csat': return f.csat ?? NaN;
    case 'nps': return f.nps ?? NaN;
    case 'leadActivity': return log1p(f.leadActivity);
  }
  if (def.source === 'category') return f.categories.get(def.value!) ?? 0;
  if (def.key.startsWith('industry:')) return f.company?.industry === def.value ? 1 : 0;
  if (def.key.startsWith('size:')) return f.company?.size === def.value ? 1 : 0;
  if (def.source === 'lifecycle') return f.stage === def.value ? 1 : 0;
  if (def.source === 'custom' && def.field) {
    const v = f.custom[def.field.key];
    if (def.field.type === 'select') return v === def.value ? 1 : 0;
    if (def.field.type === 'boolean') return v === true || v === 'true' ? 1 : v === false || v === 'false' ? 0 : NaN;
    if (def.field.type === 'date') return customDays(v, at);
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : NaN;
  }
  return NaN;
}

export interface Reason {
  kind: string;
  params: Record<string, string | number>;
  /** Whether the contact's value is above or below the average customer's (how it pushed the score). */
  direction: 'above' | 'below';
  /** Its share of the log-odds (positive: towards "yes"). */
  weight: number;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** The reason a feature gives for a contact, or null when there is nothing to say (a one-hot that is off). */
export function reasonFor(def: FeatureDef, f: ContactFacts, value: number, direction: 'above' | 'below', weight: number, at: number): Reason | null {
  const w = Math.round(weight * 100) / 100;
  const make = (kind: string, params: Record<string, string | number> = {}): Reason => ({ kind, params, direction, weight: w });
  if (Number.isNaN(value)) return null;
  switch (def.key) {
    case 'hasOrders': return make(f.orders ? 'hasOrdered' : 'neverOrdered');
    case 'recencyDays':
    case 'overdue':
      if (f.recencyDays === null) return make('neverOrdered');
      if (f.gapDays !== null) return make(f.recencyDays > f.gapDays ? 'noOrderSince' : 'orderedRecently', { days: f.recencyDays, usual: f.gapDays });
      return make('lastOrder', { days: f.recencyDays });
    case 'orders': return make('orderCount', { count: f.orders });
    case 'spend': return make('spend', { amount: Math.round(f.spend) });
    case 'averageOrder': return make('averageOrder', { amount: Math.round(f.spend / Math.max(1, f.orders)) });
    case 'ordersRecent':
    case 'orderTrend': return make('orderTrend', { recent: f.ordersRecent, before: f.ordersBefore });
    case 'tenureDays': return make('tenure', { days: f.tenureDays });
    case 'interactionsRecent': return make('interactionsRecent', { count: f.interactionsRecent });
    case 'interactionsTotal': return make('interactionsTotal', { count: f.interactionsTotal });
    case 'dealsOpen': return make('dealsOpen', { count: f.deals.open });
    case 'dealsWon': return make('dealsWon', { count: f.deals.won });
    case 'dealsLost': return make('dealsLost', { count: f.deals.lost });
    case 'companyRevenue': return make('companyRevenue', { amount: Math.round((f.company?.revenue ?? 0) / 100) });
    case 'ticketsTotal': return make('ticketsTotal', { count: f.tickets.total });
    case 'ticketsOpen': return make('ticketsOpen', { count: f.tickets.open });
    case 'ticketsRecent': return make('ticketsRecent', { count: f.tickets.recent });
    case 'sentimentAverage': return make('sentimentAverage', { score: r1(f.sentimentAverage ?? 0) });
    case 'negativeMessages': return make('negativeMessages', { count: f.negativeMessages });
    case 'csat': return make('csat', { score: r1(f.csat ?? 0) });
    case 'nps': return make('nps', { score: r1(f.nps ?? 0) });
    case 'leadActivity': return make('leadActivity', { count: f.leadActivity });
  }
  if (def.source === 'category') return value > 0 ? make('categoryShare', { category: def.value!, share: Math.round(value * 100) }) : make('categoryNone', { category: def.value! });
  if (def.key.startsWith('industry:')) return value ? make('industry', { value: def.value! }) : null;
  if (def.key.startsWith('size:')) return value ? make('companySize', { value: def.value! }) : null;
  if (def.source === 'lifecycle') return value ? make('lifecycle', { stage: def.value! }) : null;
  if (def.source === 'custom' && def.field) {
    const field = def.field.label;
    if (def.field.type === 'select') return value ? make('customSelect', { field, value: def.value! }) : null;
    if (def.field.type === 'boolean') return make(value ? 'customYes' : 'customNo', { field });
    if (def.field.type === 'date') return make('customDate', { field, days: value });
    return make('customNumber', { field, value: r1(value) });
  }
  void at;
  return null;
}

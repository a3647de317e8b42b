// Each buying contact's value: historical (revenue, product cost, service cost, margin) and predicted (BG/NBD fitted
// on the organisation's own order history for the orders ahead, Gamma-Gamma for their value). Pure: rows in, rows out.
import { expectedPurchases, fitBgNbd, probabilityAlive, type RecencyFrequency } from './bg-nbd.js';
import { expectedAverageValue, fitGammaGamma } from './gamma-gamma.js';
import type { ClvModel, ValueSettings } from './value-settings.js';
import type { ContactValuesTable } from './value-tables.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Below these the fit says "too little data" and predicts nothing. */
export const MIN_CUSTOMERS = 20;
export const MIN_REPEAT_CUSTOMERS = 10;

export interface OrderRow {
  contactId: string;
  orderedAt: string;
  total: number;
  cost: number;
}

/** A contact_values row before it is stored. */
export type ContactValue = Omit<ContactValuesTable, 'computedAt'>;

interface History {
  orders: number;
  first: string;
  last: string;
  revenue: number;
  cost: number;
  days: Set<string>;
}

function histories(rows: OrderRow[]): Map<string, History> {
  const out = new Map<string, History>();
  for (const r of rows) {
    const h = out.get(r.contactId) ?? { orders: 0, first: r.orderedAt, last: r.orderedAt, revenue: 0, cost: 0, days: new Set<string>() };
    h.orders++;
    if (r.orderedAt < h.first) h.first = r.orderedAt;
    if (r.orderedAt > h.last) h.last = r.orderedAt;
    h.revenue += r.total;
    h.cost += r.cost;
    h.days.add(r.orderedAt.slice(0, 10)); // purchases on one day count as one, as the model expects
    out.set(r.contactId, h);
  }
  return out;
}

/** Recency-frequency in weeks: x repeat purchase days, t_x from the first to the last, T from the first to now. */
function recencyFrequency(h: History, now: number): RecencyFrequency {
  const days = [...h.days].sort();
  const first = Date.parse(days[0]!);
  return { x: days.length - 1, tx: (Date.parse(days[days.length - 1]!) - first) / WEEK_MS, T: Math.max(0, now - first) / WEEK_MS };
}

export function computeContactValues(rows: OrderRow[], tickets: Map<string, number>, settings: ValueSettings, now: Date): { values: ContactValue[]; model: ClvModel } {
  const hist = histories(rows);
  const nowMs = now.getTime();
  const rf = new Map([...hist].map(([id, h]) => [id, recencyFrequency(h, nowMs)]));
  const repeat = [...rf.values()].filter((d) => d.x > 0).length;
  const base = { customers: hist.size, repeatCustomers: repeat, horizonDays: settings.horizonDays, fittedAt: now.toISOString() };
  let model: ClvModel;
  if (hist.size < MIN_CUSTOMERS || repeat < MIN_REPEAT_CUSTOMERS) {
    model = { ...base, status: 'tooLittleData', message: `Needs at least ${MIN_CUSTOMERS} buying customers, ${MIN_REPEAT_CUSTOMERS} of them with repeat purchases; has ${hist.size} and ${repeat}.`, bgNbd: null, gammaGamma: null };
  } else {
    const bg = fitBgNbd([...rf.values()]);
    const gg = fitGammaGamma([...hist.values()].filter((h) => h.orders >= 2 && h.revenue > 0).map((h) => ({ n: h.orders, m: h.revenue / h.orders })));
    const usable = gg.q > 1 && [bg.r, bg.alpha, bg.a, bg.b, gg.p, gg.q, gg.gamma].every(Number.isFinite);
    model = usable
      ? { ...base, status: 'fitted', message: null, bgNbd: { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b }, gammaGamma: { p: gg.p, q: gg.q, gamma: gg.gamma } }
      : { ...base, status: 'tooLittleData', message: 'The order history does not fit the model well enough to predict (no stable dropout or spend estimate).', bgNbd: null, gammaGamma: null };
  }
  const horizonWeeks = settings.horizonDays / 7;
  const values = [...hist].map(([contactId, h]): ContactValue => {
    const n = tickets.get(contactId) ?? 0;
    const serviceCost = n * settings.costPerTicket;
    const v: ContactValue = { contactId, orders: h.orders, firstOrderAt: h.first, lastOrderAt: h.last, revenue: h.revenue, productCost: h.cost, tickets: n, serviceCost, margin: h.revenue - h.cost - serviceCost, probabilityAlive: null, expectedOrders: null, expectedOrderValue: null, predictedValue: null };
    if (model.bgNbd && model.gammaGamma) {
      const d = rf.get(contactId)!;
      v.probabilityAlive = round(probabilityAlive(model.bgNbd, d), 4);
      const expected = expectedPurchases(model.bgNbd, d, horizonWeeks);
      v.expectedOrders = Number.isFinite(expected) && expected >= 0 ? round(expected, 4) : null;
      v.expectedOrderValue = Math.round(expectedAverageValue(model.gammaGamma, { n: h.orders, m: h.revenue / h.orders }));
      v.predictedValue = v.expectedOrders === null ? null : Math.round(v.expectedOrders * v.expectedOrderValue);
    }
    return v;
  });
  return { values, model };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

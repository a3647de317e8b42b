// Item-to-item co-purchase over customers' baskets (support, confidence, lift) and the next-best products for one
// customer: pure functions, shared by the nightly job, the API and the offline hit-rate bench.

export interface Association {
  productId: string;
  otherId: string;
  /** Customers who bought both. */
  both: number;
  /** Customers who bought productId. */
  buyers: number;
  /** both / all customers. */
  support: number;
  /** both / buyers of productId: the share of its buyers who also bought otherId. */
  confidence: number;
  /** confidence / (share of all customers who bought otherId). */
  lift: number;
}

export interface Recommendation {
  productId: string;
  /** The owned product that led here (null for a best seller). */
  becauseOf: string | null;
  confidence: number;
  lift: number;
  both: number;
}

/** Pairs bought by at least minBoth of the same customers, with lift above 1; baskets are the sets of products per customer. */
export function computeAssociations(baskets: Iterable<Set<string>>, minBoth = 2): Association[] {
  const buyers = new Map<string, number>();
  const pairs = new Map<string, number>();
  let customers = 0;
  for (const basket of baskets) {
    if (!basket.size) continue;
    customers++;
    const items = [...basket].sort();
    for (const a of items) buyers.set(a, (buyers.get(a) ?? 0) + 1);
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
      const k = `${items[i]}\u0000${items[j]}`;
      pairs.set(k, (pairs.get(k) ?? 0) + 1);
    }
  }
  const out: Association[] = [];
  for (const [k, both] of pairs) {
    if (both < minBoth) continue;
    const [a, b] = k.split('\u0000') as [string, string];
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const bx = buyers.get(x)!;
      const confidence = both / bx;
      const lift = confidence / (buyers.get(y)! / customers);
      if (lift > 1) out.push({ productId: x, otherId: y, both, buyers: bx, support: both / customers, confidence, lift });
    }
  }
  return out;
}

/** Best sellers by customers, most first: the fallback for someone whose products lead nowhere. */
export function bestSellers(baskets: Iterable<Set<string>>): string[] {
  const n = new Map<string, number>();
  for (const b of baskets) for (const p of b) n.set(p, (n.get(p) ?? 0) + 1);
  return [...n].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([p]) => p);
}

/** Up to `limit` products the customer does not own, strongest co-purchase first (confidence, then lift), then best sellers. */
export function recommendFor(owned: Set<string>, byProduct: Map<string, Association[]>, popular: string[], limit = 5, excluded: Set<string> = new Set()): Recommendation[] {
  const best = new Map<string, Recommendation>();
  for (const p of owned) for (const a of byProduct.get(p) ?? []) {
    if (owned.has(a.otherId) || excluded.has(a.otherId)) continue;
    const cur = best.get(a.otherId);
    if (!cur || a.confidence > cur.confidence || (a.confidence === cur.confidence && a.lift > cur.lift)) {
      best.set(a.otherId, { productId: a.otherId, becauseOf: p, confidence: a.confidence, lift: a.lift, both: a.both });
    }
  }
  const ranked = [...best.values()].sort((x, y) => y.confidence - x.confidence || y.lift - x.lift || x.productId.localeCompare(y.productId)).slice(0, limit);
  for (const p of popular) {
    if (ranked.length >= limit) break;
    if (!owned.has(p) && !excluded.has(p) && !best.has(p)) ranked.push({ productId: p, becauseOf: null, confidence: 0, lift: 0, both: 0 });
  }
  return ranked;
}

/** Associations grouped by their first product. */
export function groupByProduct(list: Association[]): Map<string, Association[]> {
  const m = new Map<string, Association[]>();
  for (const a of list) m.set(a.productId, [...(m.get(a.productId) ?? []), a]);
  return m;
}

/** The reason in words, e.g. "Bought Printer X; 34 % of its buyers also bought Toner Y (lift 4.2)". */
export function reasonText(r: Recommendation, name: (id: string) => string): string {
  if (!r.becauseOf) return `One of the best sellers: ${name(r.productId)}`;
  return `Bought ${name(r.becauseOf)}; ${Math.round(r.confidence * 100)} % of its buyers also bought ${name(r.productId)} (lift ${r.lift.toFixed(1)})`;
}

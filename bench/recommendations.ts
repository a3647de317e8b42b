// Recommendation benchmark (BENCH_ONLY=recommendations): hit-rate@5 of the co-purchase engine on a time split of a
// synthetic order history (BENCH_RECO_CUSTOMERS customers, 20,000; 200 products in 20 families, each product with two
// complements; shoppers return for complements of what they own, browse their family, or buy a best seller). The first
// 80 % of the time trains; a customer hits when one of the 5 products recommended from their earlier purchases is among
// the new products they bought later. Beside it the best-seller baseline, and the time to compute the associations.
import { computeAssociations, bestSellers, groupByProduct, recommendFor } from '../src/server/modules/intelligence/recommendations/co-purchase.js';

const CUSTOMERS = Number(process.env.BENCH_RECO_CUSTOMERS ?? 20_000);
const PRODUCTS = 200;
const FAMILY = 10;

function rand(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

interface Order { customer: number; at: number; product: string }

function history(): Order[] {
  const r = rand(20261205);
  const p = (i: number) => `p${i}`;
  // Complements within a family: the next two products (wrapping).
  const complements = (i: number) => [1, 2].map((d) => Math.floor(i / FAMILY) * FAMILY + ((i % FAMILY) + d) % FAMILY);
  const zipf = () => Math.min(PRODUCTS - 1, Math.floor(PRODUCTS * r() ** 3));
  const orders: Order[] = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    const family = Math.floor(r() * (PRODUCTS / FAMILY));
    const owned: number[] = [];
    let at = r() * 0.5;
    const n = 1 + Math.floor(r() * 6);
    for (let k = 0; k < n && at < 1; k++) {
      const x = r();
      const item = !owned.length || x < 0.25 ? family * FAMILY + Math.floor(r() * FAMILY) : x < 0.75 ? complements(owned[Math.floor(r() * owned.length)]!)[Math.floor(r() * 2)]! : x < 0.9 ? family * FAMILY + Math.floor(r() * FAMILY) : zipf();
      owned.push(item);
      orders.push({ customer: c, at, product: p(item) });
      at += r() * 0.3;
    }
  }
  return orders;
}

export async function runRecommendationBench(): Promise<void> {
  const orders = history();
  const cut = 0.8;
  const before = new Map<number, Set<string>>();
  const after = new Map<number, Set<string>>();
  for (const o of orders) {
    const m = o.at < cut ? before : after;
    const s = m.get(o.customer) ?? new Set<string>();
    s.add(o.product);
    m.set(o.customer, s);
  }
  const t0 = performance.now();
  const associations = computeAssociations(before.values());
  const ms = performance.now() - t0;
  const byProduct = groupByProduct(associations);
  const popular = bestSellers(before.values());
  let tested = 0;
  let hits = 0;
  let baseline = 0;
  for (const [c, owned] of before) {
    const later = [...(after.get(c) ?? [])].filter((p) => !owned.has(p));
    if (!later.length) continue;
    tested++;
    const recs = recommendFor(owned, byProduct, popular, 5).map((r) => r.productId);
    if (recs.some((p) => later.includes(p))) hits++;
    if (popular.filter((p) => !owned.has(p)).slice(0, 5).some((p) => later.includes(p))) baseline++;
  }
  const pct = (n: number) => ((100 * n) / tested).toFixed(1);
  console.log(`# Recommendations: ${CUSTOMERS.toLocaleString('en')} customers, ${orders.length.toLocaleString('en')} order lines, time split at 80 %`);
  console.log(`associations: ${associations.length.toLocaleString('en')} directed pairs in ${ms.toFixed(0)} ms (from ${before.size.toLocaleString('en')} training baskets)`);
  console.log(`hit-rate@5: ${pct(hits)} % co-purchase vs ${pct(baseline)} % best sellers, over ${tested.toLocaleString('en')} customers who bought something new after the split`);
}

// Customers simulated from known BG/NBD and Gamma-Gamma parameters (seeded), to check the fits recover them and to
// benchmark fitting at scale.
import type { BgNbdParams, RecencyFrequency } from './bg-nbd.js';
import type { GammaGammaParams, SpendSummary } from './gamma-gamma.js';

/** Mulberry32: a small seeded generator, so a test's data are the same on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Gamma(shape, scale 1) by Marsaglia–Tsang. */
export function gammaSample(rand: () => number, shape: number): number {
  if (shape < 1) return gammaSample(rand, shape + 1) * Math.pow(rand(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(rand);
    const v = Math.pow(1 + c * z, 3);
    if (v <= 0) continue;
    if (Math.log(rand()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

export interface SimulatedCustomer extends RecencyFrequency, SpendSummary {}

/** Customers observed for T in [minT, maxT] units after their first purchase. */
export function simulateCustomers(count: number, bg: BgNbdParams, gg: GammaGammaParams, seed = 1, minT = 26, maxT = 78): SimulatedCustomer[] {
  const rand = seededRandom(seed);
  const out: SimulatedCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const lambda = gammaSample(rand, bg.r) / bg.alpha;
    const ga = gammaSample(rand, bg.a);
    const dropout = ga / (ga + gammaSample(rand, bg.b));
    const T = minT + rand() * (maxT - minT);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - rand()) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      if (rand() < dropout) break;
    }
    // Spend: every order (the first included) ~ Gamma(p, ν) with ν ~ Gamma(q, γ).
    const nu = gammaSample(rand, gg.q) / gg.gamma;
    let sum = 0;
    for (let k = 0; k <= x; k++) sum += gammaSample(rand, gg.p) / nu;
    out.push({ x, tx, T, n: x + 1, m: sum / (x + 1) });
  }
  return out;
}

// Gamma-Gamma spend model (Fader, Hardie & Lee 2005): a customer's average order value, shrunk towards the population's,
// from the number of orders n and their mean value m.
import { nelderMead } from './nelder-mead.js';
import { logGamma } from './special-functions.js';

export interface SpendSummary {
  /** Orders averaged. */
  n: number;
  /** Their mean value (> 0). */
  m: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, { n, m }: SpendSummary): number {
  return logGamma(p * n + q) - logGamma(p * n) - logGamma(q) + q * Math.log(gamma) + (p * n - 1) * Math.log(m) + p * n * Math.log(n) - (p * n + q) * Math.log(gamma + n * m);
}

export function fitGammaGamma(data: SpendSummary[]): GammaGammaParams & { logLikelihood: number; converged: boolean } {
  const usable = data.filter((d) => d.n > 0 && d.m > 0);
  const params = (th: number[]): GammaGammaParams => ({ p: Math.exp(th[0]!), q: Math.exp(th[1]!), gamma: Math.exp(th[2]!) });
  // What does not depend on the parameters is computed once: ln m, ln n, and the customers per n for the gamma terms.
  const logM = usable.map((d) => Math.log(d.m));
  const logN = usable.map((d) => Math.log(d.n));
  const byN = new Map<number, number>();
  for (const d of usable) byN.set(d.n, (byN.get(d.n) ?? 0) + 1);
  const negLl = (th: number[]) => {
    const { p, q, gamma } = params(th);
    let s = 0;
    for (const [n, count] of byN) s += count * (logGamma(p * n + q) - logGamma(p * n) - logGamma(q) + q * Math.log(gamma));
    for (let i = 0; i < usable.length; i++) {
      const { n, m } = usable[i]!;
      s += (p * n - 1) * logM[i]! + p * n * logN[i]! - (p * n + q) * Math.log(gamma + n * m);
    }
    return -s;
  };
  // Start with the mean spend matched: p/ν ≈ mean m with ν's mean q/γ.
  const meanM = usable.reduce((s, d) => s + d.m, 0) / Math.max(1, usable.length);
  let res = nelderMead(negLl, [0, Math.log(2), Math.log(2 * Math.max(1e-6, meanM))], { step: 1, maxIterations: 3000, tolerance: 1e-10 });
  res = nelderMead(negLl, res.x, { step: 0.3, maxIterations: 3000, tolerance: 1e-12 });
  return { ...params(res.x), logLikelihood: -res.value, converged: res.converged };
}

/** Expected average order value of a customer with n orders averaging m (needs q > 1). */
export function expectedAverageValue({ p, q, gamma }: GammaGammaParams, { n, m }: SpendSummary): number {
  if (q <= 1) return n > 0 ? m : Number.NaN;
  return (p * (gamma + n * m)) / (p * n + q - 1);
}

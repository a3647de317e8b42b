// BG/NBD (Fader, Hardie & Lee 2005): how many repeat purchases a customer makes and whether they are still "alive",
// from three numbers per customer: x repeat purchases, t_x the time of the last one, T the time since the first.
import { nelderMead } from './nelder-mead.js';
import { hyp2f1, logGamma } from './special-functions.js';

export interface RecencyFrequency {
  /** Repeat purchases (purchases after the first). */
  x: number;
  /** Time of the last purchase since the first (in the model's unit: weeks here). */
  tx: number;
  /** Time since the first purchase. */
  T: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Log-likelihood of one customer. */
export function bgNbdLogLikelihood({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: RecencyFrequency): number {
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  const m = Math.max(a3, a4);
  return a1 + a2 + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
}

/** The data's total log-likelihood: the gamma terms depend only on x, so they are computed once per distinct x. */
export function bgNbdTotalLogLikelihood(p: BgNbdParams, data: RecencyFrequency[], byX = countByX(data)): number {
  const { r, alpha, a, b } = p;
  let s = 0;
  for (const [x, n] of byX) s += n * (logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x));
  const logA = Math.log(a);
  for (const { x, tx, T } of data) {
    const a3 = -(r + x) * Math.log(alpha + T);
    if (x === 0) {
      s += a3;
      continue;
    }
    const a4 = logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
    const m = Math.max(a3, a4);
    s += m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
  }
  return s;
}

function countByX(data: RecencyFrequency[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const d of data) out.set(d.x, (out.get(d.x) ?? 0) + 1);
  return out;
}

/** Maximum-likelihood fit (parameters searched in log space so they stay positive). */
export function fitBgNbd(data: RecencyFrequency[]): BgNbdParams & { logLikelihood: number; converged: boolean } {
  const params = (th: number[]): BgNbdParams => ({ r: Math.exp(th[0]!), alpha: Math.exp(th[1]!), a: Math.exp(th[2]!), b: Math.exp(th[3]!) });
  const byX = countByX(data);
  const negLl = (th: number[]) => -bgNbdTotalLogLikelihood(params(th), data, byX);
  // A start near the data: rate ≈ mean purchases per unit of time.
  const meanT = data.reduce((s, d) => s + d.T, 0) / Math.max(1, data.length);
  const meanX = data.reduce((s, d) => s + d.x, 0) / Math.max(1, data.length);
  const alpha0 = Math.max(0.1, meanT / Math.max(0.1, meanX));
  let res = nelderMead(negLl, [0, Math.log(alpha0), 0, 0], { step: 1, maxIterations: 3000, tolerance: 1e-10 });
  // A restart from the best point escapes a simplex that collapsed early.
  res = nelderMead(negLl, res.x, { step: 0.3, maxIterations: 3000, tolerance: 1e-12 });
  return { ...params(res.x), logLikelihood: -res.value, converged: res.converged };
}

/** Probability the customer is still active at T. */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: RecencyFrequency): number {
  if (x === 0) return 1;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

/** Expected purchases in the next t units of time, given the customer's history. */
export function expectedPurchases({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: RecencyFrequency, t: number): number {
  // The closed form has a − 1 below the line; at a = 1 exactly it is undefined (both factors change sign below 1).
  if (Math.abs(a - 1) < 1e-9) return Number.NaN;
  const head = (a + b + x - 1) / (a - 1);
  const z = t / (alpha + T + t);
  const body = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  const alive = x > 0 ? 1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 1;
  return (head * body) / alive;
}

// L2-regularised logistic regression on standardised features, fitted by Newton's method (IRLS): a handful of
// iterations at O(n·p²) each, fast enough for 100,000 rows × 100 features in a job. The intercept is not penalised.
export interface Standardisation {
  means: number[];
  sds: number[];
}

export interface LogisticModel extends Standardisation {
  intercept: number;
  weights: number[];
}

/** Column means and standard deviations (a constant column gets sd 1, so it contributes nothing after centring). */
export function standardisation(rows: Float64Array[], p: number): Standardisation {
  const means = new Array<number>(p).fill(0);
  const sds = new Array<number>(p).fill(0);
  const n = rows.length || 1;
  for (const r of rows) for (let j = 0; j < p; j++) means[j]! += r[j]! / n;
  for (const r of rows) for (let j = 0; j < p; j++) sds[j]! += (r[j]! - means[j]!) ** 2 / n;
  for (let j = 0; j < p; j++) sds[j] = Math.sqrt(sds[j]!) > 1e-9 ? Math.sqrt(sds[j]!) : 1;
  return { means, sds };
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Solves A x = b for a symmetric positive definite A (p × p, row-major) by Cholesky. */
function solveSpd(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      l[i * p + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j * p + j]!;
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * y[k]!;
    y[i] = s / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * x[k]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}

/**
 * Fits P(y = 1 | x) = σ(b + w·z), z the standardised x, minimising the log loss plus lambda/2·|w|² (lambda per row,
 * so its strength does not depend on the row count). Stops when the step is tiny or after maxIter Newton steps.
 */
export function fitLogistic(rows: Float64Array[], labels: Uint8Array, opts: { lambda?: number; maxIter?: number } = {}): LogisticModel {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  const { means, sds } = standardisation(rows, p);
  const lambda = (opts.lambda ?? 1e-3) * n;
  const d = p + 1; // index 0 is the intercept
  const beta = new Float64Array(d);
  const z = new Float64Array(d);
  z[0] = 1;
  for (let iter = 0; iter < (opts.maxIter ?? 25); iter++) {
    const h = new Float64Array(d * d);
    const g = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      let eta = beta[0]!;
      for (let j = 0; j < p; j++) {
        z[j + 1] = (r[j]! - means[j]!) / sds[j]!;
        eta += beta[j + 1]! * z[j + 1]!;
      }
      const mu = sigmoid(eta);
      const w = Math.max(mu * (1 - mu), 1e-10);
      const res = labels[i]! - mu;
      for (let a = 0; a < d; a++) {
        const za = z[a]!;
        if (za === 0) continue;
        g[a]! += res * za;
        const wa = w * za;
        for (let b = 0; b <= a; b++) h[a * d + b]! += wa * z[b]!;
      }
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) h[b * d + a] = h[a * d + b]!;
    for (let j = 1; j < d; j++) {
      g[j]! -= lambda * beta[j]!;
      h[j * d + j]! += lambda;
    }
    h[0] += 1e-9;
    const step = solveSpd(h, g, d);
    let size = 0;
    for (let a = 0; a < d; a++) {
      beta[a]! += step[a]!;
      size = Math.max(size, Math.abs(step[a]!));
    }
    if (size < 1e-6) break;
  }
  return { means, sds, intercept: beta[0]!, weights: Array.from(beta.subarray(1)) };
}

/** The probability for one raw feature row. */
export function predictLogistic(m: LogisticModel, row: ArrayLike<number>): number {
  let eta = m.intercept;
  for (let j = 0; j < m.weights.length; j++) eta += m.weights[j]! * ((row[j]! - m.means[j]!) / m.sds[j]!);
  return sigmoid(eta);
}

/** Each feature's share of the log-odds against the average customer: weight × standardised value. */
export function contributions(m: LogisticModel, row: ArrayLike<number>): number[] {
  return m.weights.map((w, j) => w * ((row[j]! - m.means[j]!) / m.sds[j]!));
}

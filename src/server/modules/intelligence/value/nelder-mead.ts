// Nelder–Mead simplex minimiser (no gradients): small, dependable for the few smooth parameters of the CLV models.
export interface MinimiseResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export interface MinimiseOptions {
  /** Initial step of each coordinate when building the first simplex. */
  step?: number;
  maxIterations?: number;
  /** Stop when the simplex's function values differ by less than this. */
  tolerance?: number;
}

export function nelderMead(f: (x: number[]) => number, start: number[], opts: MinimiseOptions = {}): MinimiseResult {
  const n = start.length;
  const step = opts.step ?? 0.5;
  const maxIterations = opts.maxIterations ?? 2000;
  const tolerance = opts.tolerance ?? 1e-9;
  // A non-finite value (outside the model's domain) is treated as worse than anything finite.
  const value = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex = [start.slice(), ...start.map((_, i) => start.map((s, j) => (i === j ? s + step : s)))].map((x) => ({ x, v: value(x) }));
  const combine = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i]! - ai));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance)) return { x: best.x, value: best.v, iterations, converged: true };
    const centroid = Array.from({ length: n }, (_, i) => simplex.slice(0, n).reduce((s, p) => s + p.x[i]!, 0) / n);
    const reflected = combine(centroid, worst.x, -1);
    const rv = value(reflected);
    if (rv < best.v) {
      const expanded = combine(centroid, worst.x, -2);
      const ev = value(expanded);
      simplex[n] = ev < rv ? { x: expanded, v: ev } : { x: reflected, v: rv };
    } else if (rv < simplex[n - 1]!.v) {
      simplex[n] = { x: reflected, v: rv };
    } else {
      const outside = rv < worst.v;
      const contracted = combine(centroid, outside ? reflected : worst.x, 0.5);
      const cv = value(contracted);
      if (cv < (outside ? rv : worst.v)) simplex[n] = { x: contracted, v: cv };
      else simplex = simplex.map((p, i) => (i === 0 ? p : { x: combine(best.x, p.x, 0.5), v: value(combine(best.x, p.x, 0.5)) }));
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, iterations, converged: false };
}

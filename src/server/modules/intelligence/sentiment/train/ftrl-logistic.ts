// Logistic regression trained by FTRL-proximal (L1 + L2): sparse weights, so the shipped model stays small.
export interface SparseRow {
  idx: Int32Array;
  val: Float32Array;
  y: 0 | 1;
  weight: number;
}

export interface FtrlOptions {
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
  epochs: number;
  seed: number;
}

export const defaultFtrl: FtrlOptions = { alpha: 0.1, beta: 1, l1: 1, l2: 1, epochs: 5, seed: 7 };

/** A seeded generator, so that a training run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Trains over `dims` features (index 0 is the bias, present in every row) and returns the weights. */
export function trainFtrl(rows: SparseRow[], dims: number, o: FtrlOptions): Float64Array {
  const z = new Float64Array(dims);
  const n = new Float64Array(dims);
  const w = new Float64Array(dims);
  const order = rows.map((_, i) => i);
  const rand = seededRandom(o.seed);
  const weightOf = (i: number) => {
    const zi = z[i]!;
    const l1 = i === 0 ? 0 : o.l1;
    if (Math.abs(zi) <= l1) return 0;
    return -(zi - Math.sign(zi) * l1) / ((o.beta + Math.sqrt(n[i]!)) / o.alpha + o.l2);
  };
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const r of order) {
      const row = rows[r]!;
      let margin = 0;
      for (let k = 0; k < row.idx.length; k++) {
        const i = row.idx[k]!;
        w[i] = weightOf(i);
        margin += w[i]! * row.val[k]!;
      }
      const p = 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, margin))));
      const gBase = (p - row.y) * row.weight;
      for (let k = 0; k < row.idx.length; k++) {
        const i = row.idx[k]!;
        const g = gBase * row.val[k]!;
        const sigma = (Math.sqrt(n[i]! + g * g) - Math.sqrt(n[i]!)) / o.alpha;
        z[i] = z[i]! + g - sigma * w[i]!;
        n[i] = n[i]! + g * g;
      }
    }
  }
  for (let i = 0; i < dims; i++) w[i] = weightOf(i);
  return w;
}

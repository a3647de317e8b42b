// The logistic regression and its metrics on planted data: it recovers the sign and rough size of a true weight,
// ranks well on a strong signal, sits at AUC ≈ 0.5 on noise, and the metrics match hand counts.
import { describe, expect, it } from 'vitest';
import { contributions, fitLogistic, predictLogistic, sigmoid } from './logistic-regression.js';
import { auc, calibration, precisionRecall } from './model-metrics.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const gauss = (r: () => number) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());

function planted(n: number, seed: number, signal: number) {
  const r = rng(seed);
  const rows: Float64Array[] = [];
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = Float64Array.from([gauss(r) * 10 + 50, gauss(r), r() < 0.5 ? 1 : 0]);
    rows.push(x);
    labels[i] = r() < sigmoid(signal * ((x[0]! - 50) / 10) - 0.5) ? 1 : 0;
  }
  return { rows, labels };
}

describe('logistic regression', () => {
  it('finds a planted weight and ranks the hold-out well', () => {
    const train = planted(4000, 1, 2);
    const m = fitLogistic(train.rows, train.labels);
    expect(m.weights[0]).toBeGreaterThan(1.6);
    expect(m.weights[0]).toBeLessThan(2.4);
    expect(Math.abs(m.weights[1]!)).toBeLessThan(0.2);
    const test = planted(2000, 2, 2);
    const s = test.rows.map((x) => predictLogistic(m, x));
    expect(auc(s, test.labels)).toBeGreaterThan(0.85);
    const c = contributions(m, Float64Array.from([80, 0, 1]));
    expect(c[0]).toBeGreaterThan(Math.abs(c[1]!) + Math.abs(c[2]!));
  });

  it('finds nothing in noise', () => {
    const train = planted(2000, 3, 0);
    const m = fitLogistic(train.rows, train.labels);
    const test = planted(2000, 4, 0);
    expect(Math.abs(auc(test.rows.map((x) => predictLogistic(m, x)), test.labels) - 0.5)).toBeLessThan(0.05);
  });

  it('survives a constant column and separable data (the penalty keeps weights finite)', () => {
    const rows = [0, 1, 2, 3, 4, 5].map((v) => Float64Array.from([v, 7]));
    const m = fitLogistic(rows, Uint8Array.from([0, 0, 0, 1, 1, 1]), { lambda: 0.01 });
    expect(m.weights.every(Number.isFinite)).toBe(true);
    expect(m.weights[1]).toBeCloseTo(0, 6);
    expect(predictLogistic(m, [5, 7])).toBeGreaterThan(0.9);
  });
});

describe('model metrics', () => {
  it('counts AUC with ties, precision/recall and calibration by hand', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(precisionRecall([0.9, 0.7, 0.2, 0.6], [1, 0, 1, 1], 0.5)).toEqual({ precision: 2 / 3, recall: 2 / 3, flagged: 3 });
    const bins = calibration([0.05, 0.08, 0.95], [0, 1, 1]);
    expect(bins).toEqual([{ from: 0, to: 0.1, count: 2, predicted: 0.065, observed: 0.5 }, { from: 0.9, to: 1, count: 1, predicted: 0.95, observed: 1 }]);
  });
});

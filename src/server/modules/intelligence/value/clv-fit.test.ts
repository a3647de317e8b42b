// The CLV models on data simulated from known parameters: the fits recover them roughly, Nelder–Mead finds a known
// minimum, log-gamma matches known values, and the predictions behave (more recent buyers are more alive).
import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, bgNbdTotalLogLikelihood, expectedPurchases, fitBgNbd, probabilityAlive } from './bg-nbd.js';
import { simulateCustomers } from './clv-simulate.js';
import { expectedAverageValue, fitGammaGamma, gammaGammaLogLikelihood } from './gamma-gamma.js';
import { nelderMead } from './nelder-mead.js';
import { hyp2f1, logGamma } from './special-functions.js';

const near = (got: number, want: number, rel: number) => expect(Math.abs(got - want) / want).toBeLessThan(rel);

describe('numerics', () => {
  it('log-gamma and 2F1 match known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(100.5)).toBeCloseTo(361.4355404677, 8); // Python math.lgamma(100.5)
    // 2F1(1, 1; 2; z) = −ln(1 − z) / z
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 10);
  });

  it('Nelder–Mead finds the minimum of the Rosenbrock function', () => {
    const res = nelderMead(([x, y]) => (1 - x!) ** 2 + 100 * (y! - x! * x!) ** 2, [-1.2, 1], { maxIterations: 5000, tolerance: 1e-14 });
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 3);
    expect(res.x[1]).toBeCloseTo(1, 3);
  });
});

describe('BG/NBD and Gamma-Gamma fitted on simulated customers', () => {
  const truthBg = { r: 0.75, alpha: 4, a: 0.8, b: 2.5 };
  const truthGg = { p: 6, q: 4, gamma: 15 };
  const data = simulateCustomers(8000, truthBg, truthGg, 42);

  it('recovers the BG/NBD parameters roughly', () => {
    const fit = fitBgNbd(data);
    // r and α trade off against each other, so the mean purchase rate r/α is the sharper check.
    near(fit.r / fit.alpha, truthBg.r / truthBg.alpha, 0.1);
    near(fit.r, truthBg.r, 0.3);
    near(fit.alpha, truthBg.alpha, 0.35);
    near(fit.a / (fit.a + fit.b), truthBg.a / (truthBg.a + truthBg.b), 0.3);
    // The fit is at least as likely as the truth on its own data.
    const ll = (p: typeof truthBg) => data.reduce((s, d) => s + bgNbdLogLikelihood(p, d), 0);
    expect(ll(fit)).toBeGreaterThanOrEqual(ll(truthBg) - 1e-6);
  });

  it('recovers the Gamma-Gamma parameters roughly and shrinks spend towards the mean', () => {
    const fit = fitGammaGamma(data.filter((d) => d.n >= 2));
    near((fit.p * fit.gamma) / (fit.q - 1), (truthGg.p * truthGg.gamma) / (truthGg.q - 1), 0.1); // population mean order value
    near(fit.q, truthGg.q, 0.35);
    near(fit.p, truthGg.p, 0.35);
    const mean = (fit.p * fit.gamma) / (fit.q - 1);
    const big = expectedAverageValue(fit, { n: 2, m: mean * 3 });
    expect(big).toBeLessThan(mean * 3);
    expect(big).toBeGreaterThan(mean);
  });

  it('predicts fewer purchases and a lower chance of being alive for a customer who went quiet', () => {
    const p = { r: 0.75, alpha: 4, a: 2, b: 2.5 };
    const recent = { x: 5, tx: 50, T: 52 };
    const quiet = { x: 5, tx: 10, T: 52 };
    expect(probabilityAlive(p, recent)).toBeGreaterThan(probabilityAlive(p, quiet));
    expect(expectedPurchases(p, recent, 52)).toBeGreaterThan(expectedPurchases(p, quiet, 52));
    expect(probabilityAlive(p, { x: 0, tx: 0, T: 52 })).toBe(1);
    expect(expectedPurchases(p, { x: 0, tx: 0, T: 10 }, 52)).toBeGreaterThan(0);
  });
});

describe('expected purchases when a < 1', () => {
  it('agrees with a simulation of the same customer (the closed form holds on both sides of a = 1)', () => {
    const p = { r: 0.8, alpha: 5, a: 0.6, b: 3 };
    const e = expectedPurchases(p, { x: 0, tx: 0, T: 20 }, 52);
    expect(e).toBeGreaterThan(0);
    // Unconditional check by simulation: a new customer's purchases in 52 weeks vs E[X(52)] from the same formula at T = 0.
    const sims = simulateCustomers(20000, p, { p: 2, q: 3, gamma: 10 }, 3, 52, 52);
    const mean = sims.reduce((s, d) => s + d.x, 0) / sims.length;
    near(expectedPurchases(p, { x: 0, tx: 0, T: 0 }, 52), mean, 0.05);
  });
});

describe('the grouped likelihoods', () => {
  it('equal the sum of the per-customer likelihoods', () => {
    const data = simulateCustomers(500, { r: 1, alpha: 3, a: 1.5, b: 2 }, { p: 3, q: 5, gamma: 8 }, 9);
    const p = { r: 0.9, alpha: 3.5, a: 1.2, b: 2.2 };
    const perCustomer = data.reduce((s, d) => s + bgNbdLogLikelihood(p, d), 0);
    expect(bgNbdTotalLogLikelihood(p, data)).toBeCloseTo(perCustomer, 6);
    const g = { p: 3.2, q: 4.5, gamma: 7 };
    const fit = fitGammaGamma(data);
    const ggSum = (pr: typeof g) => data.reduce((s, d) => s + gammaGammaLogLikelihood(pr, d), 0);
    expect(fit.logLikelihood).toBeCloseTo(ggSum(fit), 6);
    expect(ggSum(fit)).toBeGreaterThanOrEqual(ggSum(g));
  });
});

// CLV benchmark (BENCH_ONLY=clv): BG/NBD + Gamma-Gamma fitted on BENCH_CLV_CUSTOMERS customers (100,000) simulated from
// known parameters — fit time and recovered parameters — then the whole per-contact computation (history, margin,
// fits, predictions) on dated order rows made from the same customers.
import { fitBgNbd } from '../src/server/modules/intelligence/value/bg-nbd.js';
import { simulateCustomers } from '../src/server/modules/intelligence/value/clv-simulate.js';
import { computeContactValues, type OrderRow } from '../src/server/modules/intelligence/value/compute-contact-values.js';
import { fitGammaGamma } from '../src/server/modules/intelligence/value/gamma-gamma.js';

const CUSTOMERS = Number(process.env.BENCH_CLV_CUSTOMERS ?? 100_000);
const WEEK_MS = 7 * 86_400_000;

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(2);
const fmt = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ');

export async function runClvBench(): Promise<void> {
  const bg = { r: 0.75, alpha: 4, a: 0.8, b: 2.5 };
  const gg = { p: 6, q: 4, gamma: 15 };
  let t0 = performance.now();
  const data = simulateCustomers(CUSTOMERS, bg, gg, 2026);
  console.log(`# CLV bench: ${CUSTOMERS.toLocaleString('en')} simulated customers (${seconds(t0)} s to simulate)`);
  t0 = performance.now();
  const fitBg = fitBgNbd(data);
  console.log(`BG/NBD fit: ${seconds(t0)} s; true ${fmt(bg)}; fitted ${fmt({ r: fitBg.r, alpha: fitBg.alpha, a: fitBg.a, b: fitBg.b })}`);
  t0 = performance.now();
  const fitGg = fitGammaGamma(data.filter((d) => d.n >= 2));
  console.log(`Gamma-Gamma fit: ${seconds(t0)} s; true ${fmt(gg)}; fitted ${fmt({ p: fitGg.p, q: fitGg.q, gamma: fitGg.gamma })}`);
  // Dated orders: the first T weeks ago, the last t_x later, the repeats between on distinct days.
  const now = new Date('2026-12-01T00:00:00Z');
  const rows: OrderRow[] = [];
  data.forEach((d, i) => {
    const first = now.getTime() - d.T * WEEK_MS;
    for (let k = 0; k <= d.x; k++) {
      const at = first + (d.x ? (d.tx * WEEK_MS * k) / d.x : 0);
      rows.push({ contactId: `c${i}`, orderedAt: new Date(at).toISOString(), total: Math.round(d.m * 100), cost: Math.round(d.m * 40) });
    }
  });
  t0 = performance.now();
  const { values, model } = computeContactValues(rows, new Map(), { costPerTicket: 0, horizonDays: 365 }, now);
  const predicted = values.filter((v) => v.predictedValue !== null).length;
  console.log(`computeContactValues over ${rows.length.toLocaleString('en')} orders: ${seconds(t0)} s; model ${model.status}; ${predicted.toLocaleString('en')} of ${values.length.toLocaleString('en')} contacts predicted`);
}

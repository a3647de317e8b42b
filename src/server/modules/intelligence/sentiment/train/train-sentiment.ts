// Trains the sentiment classifier: features of every text, a vocabulary from the training split, FTRL logistic regression
// with its regularisation chosen on the validation split, accuracy measured once on the test split, a pruned model file.
import { featurize } from '../features.js';
import { segmenterName } from '../segmenter.js';
import type { SentimentModelFile } from '../classifier.js';
import { defaultFtrl, trainFtrl, type FtrlOptions, type SparseRow } from './ftrl-logistic.js';
import type { LabelledText } from './sentiment-data.js';

export interface Correction {
  text: string;
  label: 0 | 1;
}

export interface TrainReport {
  chosen: FtrlOptions & { englishWeight: number };
  accuracy: { zh: number; en: number; zhRows: number; enRows: number };
  byDomain: Record<string, { accuracy: number; rows: number }>;
  features: number;
  corrections: number;
  seconds: number;
}

const MIN_DF = 3;
const lexicalFeature = /^(?:L[ze][+-]|B[ze]|!)$/;

/**
 * Features that occur almost only in one domain (a product's name, a brand, a dish) teach the model that domain's
 * average mood rather than sentiment; they are left out unless a word list names them, so the model carries over
 * to domains it never saw (hotel reviews, support messages).
 */
export function domainBound(data: LabelledText[], feats: Map<string, number>[], share = 0.75): Set<string> {
  const per = new Map<string, Map<string, number>>();
  const domainRows = new Map<string, number>();
  data.forEach((d, i) => {
    if (d.split === 'test') return;
    domainRows.set(d.domain, (domainRows.get(d.domain) ?? 0) + 1);
    for (const k of feats[i]!.keys()) {
      let m = per.get(k);
      if (!m) per.set(k, (m = new Map()));
      m.set(d.domain, (m.get(d.domain) ?? 0) + 1);
    }
  });
  const domainLang = new Map(data.map((d) => [d.domain, d.language]));
  const langRows = new Map<string, number>();
  for (const [dom, n] of domainRows) langRows.set(domainLang.get(dom)!, (langRows.get(domainLang.get(dom)!) ?? 0) + n);
  const out = new Set<string>();
  for (const [k, m] of per) {
    let total = 0;
    let max = 0;
    let maxDomain = '';
    for (const [dom, n] of m) {
      total += n;
      if (n > max) (max = n), (maxDomain = dom);
    }
    if (total < MIN_DF) continue;
    const expected = domainRows.get(maxDomain)! / langRows.get(domainLang.get(maxDomain)!)!;
    // Relative to the domain's size: a word in 75 % of its rows from a domain holding 20 % of them is narrow.
    if (max / total >= Math.max(share, expected + (1 - expected) * 0.6)) out.add(k);
  }
  return out;
}

/** Trains on the data's train (and validation) rows plus the company's corrections; never looks at the test rows' labels until the end. */
export interface TrainOptions {
  /** Share of a feature's rows in one domain above which it counts as bound to that domain (default 0.75; 1.01 keeps all). */
  narrowShare?: number;
  /** Fixed settings instead of the search on the validation split. */
  fixed?: FtrlOptions & { englishWeight: number };
  log?: (s: string) => void;
}

export function trainSentiment(data: LabelledText[], corrections: Correction[] = [], opts: TrainOptions = {}): { model: SentimentModelFile; report: TrainReport } {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const feats = data.map((d) => featurize(d.text).features);
  const corrFeats = corrections.map((c) => featurize(c.text).features);
  const df = new Map<string, number>();
  data.forEach((d, i) => {
    if (d.split === 'test') return;
    for (const k of feats[i]!.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  });
  const narrow = domainBound(data, feats, opts.narrowShare);
  const index = new Map<string, number>([['', 0]]);
  for (const [k, n] of df) if ((n >= MIN_DF && !narrow.has(k)) || lexicalFeature.test(k)) index.set(k, index.size);
  for (const f of corrFeats) for (const k of f.keys()) if (!index.has(k)) index.set(k, index.size);
  log(`${data.length} texts, ${index.size} features (document frequency >= ${MIN_DF}; ${narrow.size} bound to one domain left out), segmenter ${segmenterName()}`);

  const toRow = (f: Map<string, number>, y: 0 | 1, weight: number): SparseRow => {
    const idx = [0];
    const val = [1];
    for (const [k, v] of f) {
      const i = index.get(k);
      if (i !== undefined) idx.push(i), val.push(v);
    }
    return { idx: Int32Array.from(idx), val: Float32Array.from(val), y, weight };
  };
  const rowsFor = (split: LabelledText['split'][], enWeight: number) =>
    data.flatMap((d, i) => (split.includes(d.split) ? [toRow(feats[i]!, d.label, d.language === 'en' ? enWeight : 1)] : []));
  const accuracy = (w: Float64Array, split: LabelledText['split']) => {
    const right = { zh: 0, en: 0 };
    const all = { zh: 0, en: 0 };
    const byDomain: Record<string, { right: number; rows: number }> = {};
    data.forEach((d, i) => {
      if (d.split !== split) return;
      const r = toRow(feats[i]!, d.label, 1);
      let m = 0;
      for (let k = 0; k < r.idx.length; k++) m += w[r.idx[k]!]! * r.val[k]!;
      const ok = (m >= 0 ? 1 : 0) === d.label;
      all[d.language]++;
      if (ok) right[d.language]++;
      const dom = (byDomain[`${d.language}:${d.domain}`] ??= { right: 0, rows: 0 });
      dom.rows++;
      if (ok) dom.right++;
    });
    return { zh: right.zh / Math.max(1, all.zh), en: right.en / Math.max(1, all.en), zhRows: all.zh, enRows: all.en, byDomain };
  };

  // Regularisation and the English rows' weight chosen on the validation split (the test split is not looked at).
  let best: { score: number; o: FtrlOptions; enWeight: number } | null = null;
  const trainRows = new Map<number, SparseRow[]>();
  if (opts.fixed) best = { score: 0, o: opts.fixed, enWeight: opts.fixed.englishWeight };
  else for (const enWeight of [1, 3]) trainRows.set(enWeight, rowsFor(['train'], enWeight));
  if (!opts.fixed) for (const l1 of [0.5, 1, 2])
    for (const l2 of [1, 10])
      for (const epochs of [6])
        for (const enWeight of [1, 3]) {
          const o = { ...defaultFtrl, l1, l2, epochs };
          const acc = accuracy(trainFtrl(trainRows.get(enWeight)!, index.size, o), 'valid');
          const score = (acc.zh + acc.en) / 2;
          log(`l1 ${l1} l2 ${l2} epochs ${epochs} en×${enWeight}: valid zh ${(acc.zh * 100).toFixed(1)} % en ${(acc.en * 100).toFixed(1)} %`);
          if (!best || score > best.score) best = { score, o, enWeight };
        }
  const chosen = best!;
  const finalRows = rowsFor(['train', 'valid'], chosen.enWeight);
  for (const f of corrFeats.map((f, i) => toRow(f, corrections[i]!.label, 3))) finalRows.push(f);
  const w = trainFtrl(finalRows, index.size, chosen.o);
  const test = accuracy(w, 'test');
  const weights: Record<string, number> = {};
  for (const [k, i] of index) if (i > 0 && Math.abs(w[i]!) >= 0.002) weights[k] = Math.round(w[i]! * 10000) / 10000;
  const byDomain = Object.fromEntries(Object.entries(test.byDomain).map(([k, v]) => [k, { accuracy: v.right / v.rows, rows: v.rows }]));
  const report: TrainReport = {
    chosen: { ...chosen.o, englishWeight: chosen.enWeight },
    accuracy: { zh: test.zh, en: test.en, zhRows: test.zhRows, enRows: test.enRows },
    byDomain,
    features: Object.keys(weights).length,
    corrections: corrections.length,
    seconds: (Date.now() - started) / 1000,
  };
  const model: SentimentModelFile = { version: 1, trainedAt: new Date().toISOString(), segmenter: segmenterName(), bias: Math.round(w[0]! * 10000) / 10000, weights, meta: { ...report } };
  return { model, report };
}

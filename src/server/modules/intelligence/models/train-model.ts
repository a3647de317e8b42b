// Trains a model version: reads the population in batches, builds the features, holds out a stratified quarter,
// fits the regularised logistic regression and writes the model card. Too little data or no signal on the hold-out
// is recorded in plain words and the version does not score (the model keeps its earlier good version, if any).
import type { Db } from '../../../core/db/database.js';
import { newId, nowIso } from '../../../core/ids.js';
import { loadContactFacts } from './contact-facts.js';
import { featurePlan, type FeatureDef } from './feature-plan.js';
import { fitLogistic, predictLogistic } from './logistic-regression.js';
import { auc, calibration, precisionRecall, rocPoints, round } from './model-metrics.js';
import { batchLabels, population, populationBatch } from './model-population.js';
import { loadModelSpec } from './model-store.js';
import type { ModelStatus } from './model-tables.js';
import { rawRow, type TrainedModel } from './trained-model.js';

export const MIN_ROWS = 200;
export const MIN_CLASS = 50;
export const MIN_AUC = 0.6;
const BATCH = 5000;

export interface ModelCard {
  auc: number | null;
  threshold: number;
  precision: number | null;
  recall: number | null;
  flagged: number | null;
  baseRate: number;
  rows: number;
  positives: number;
  trainRows: number;
  testRows: number;
  holdout: 'stratified-25';
  asOf: string;
  calibration: { from: number; to: number; count: number; predicted: number; observed: number }[];
  roc: { threshold: number; tpr: number; fpr: number }[];
  topFeatures: { def: FeatureDef; weight: number }[];
  featureCount: number;
  durationMs: number;
  /** Why it does not score, as a code the web words: 'insufficient' | 'noSignal'. */
  verdict: { code: 'ok' | 'insufficient' | 'noSignal'; params: Record<string, number> };
}

function columnStats(rows: Float64Array[], p: number) {
  const sum = new Float64Array(p), sq = new Float64Array(p), cnt = new Float64Array(p);
  for (const r of rows) for (let j = 0; j < p; j++) {
    const v = r[j]!;
    if (Number.isNaN(v)) continue;
    sum[j]! += v; sq[j]! += v * v; cnt[j]!++;
  }
  return Array.from({ length: p }, (_, j) => {
    const mean = cnt[j] ? sum[j]! / cnt[j]! : 0;
    return { mean, variance: cnt[j] ? sq[j]! / cnt[j]! - mean * mean : 0 };
  });
}

export async function trainModel(db: Db, modelId: string, jobId: string | null, now = new Date()) {
  const started = Date.now();
  const spec = await loadModelSpec(db.kysely, modelId);
  const pop = population(spec, 'train', db.engine, now);
  const planned = await featurePlan(db.kysely, spec.kind, spec.config);
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  const at = pop.asOf.getTime();
  for (let after = ''; ; ) {
    const batch = await populationBatch(db.kysely, pop.where, after, BATCH);
    if (!batch.length) break;
    const facts = await loadContactFacts(db.kysely, batch, planned, pop.asOf);
    const labs = await batchLabels(db.kysely, spec, pop, facts);
    facts.forEach((f, i) => {
      if (labs[i] === null) return;
      rows.push(rawRow(planned, f, at));
      labels.push(labs[i]!);
    });
    after = batch[batch.length - 1]!.id;
  }
  const positives = labels.reduce((s, v) => s + v, 0);
  const negatives = labels.length - positives;
  const card: ModelCard = {
    auc: null, threshold: spec.threshold, precision: null, recall: null, flagged: null, baseRate: labels.length ? round(positives / labels.length) : 0,
    rows: labels.length, positives, trainRows: 0, testRows: 0, holdout: 'stratified-25', asOf: pop.asOf.toISOString(), calibration: [], roc: [], topFeatures: [],
    featureCount: 0, durationMs: 0, verdict: { code: 'ok', params: {} },
  };
  let trained: TrainedModel | null = null;
  let status: ModelStatus = 'ready';
  let message: string | null = null;
  if (labels.length < MIN_ROWS || positives < MIN_CLASS || negatives < MIN_CLASS) {
    status = 'insufficient';
    card.verdict = { code: 'insufficient', params: { rows: labels.length, positives, negatives, minRows: MIN_ROWS, minClass: MIN_CLASS } };
    message = `Too little data to learn from: ${labels.length} contacts with a known outcome, ${positives} "yes" and ${negatives} "no". A model needs at least ${MIN_ROWS} contacts and ${MIN_CLASS} of each; it does not score until then.`;
  } else {
    // Columns that never vary here (a module with no data yet) say nothing: leave them out.
    const stats = columnStats(rows, planned.length);
    const keep = planned.map((_, j) => j).filter((j) => stats[j]!.variance > 1e-12);
    const defs = keep.map((j) => planned[j]!);
    const impute = keep.map((j) => stats[j]!.mean);
    const x = rows.map((r) => Float64Array.from(keep, (j, k) => (Number.isNaN(r[j]!) ? impute[k]! : r[j]!)));
    // Stratified hold-out: every fourth "yes" and every fourth "no" (in id order, i.e. creation order).
    const trainX: Float64Array[] = [], testX: Float64Array[] = [];
    const trainY: number[] = [], testY: number[] = [];
    const seen = [0, 0];
    x.forEach((r, i) => {
      const y = labels[i]!;
      if (seen[y]!++ % 4 === 3) { testX.push(r); testY.push(y); } else { trainX.push(r); trainY.push(y); }
    });
    const model = fitLogistic(trainX, Uint8Array.from(trainY), { lambda: 1e-3 });
    const scores = testX.map((r) => predictLogistic(model, r));
    const a = round(auc(scores, testY));
    const pr = precisionRecall(scores, testY, spec.threshold);
    Object.assign(card, {
      auc: a, precision: round(pr.precision), recall: round(pr.recall), flagged: pr.flagged, trainRows: trainX.length, testRows: testX.length,
      calibration: calibration(scores, testY), roc: rocPoints(scores, testY), featureCount: defs.length,
      topFeatures: defs.map((def, j) => ({ def, weight: round(model.weights[j]!) })).sort((p, q) => Math.abs(q.weight) - Math.abs(p.weight)).slice(0, 12),
    });
    if (a < MIN_AUC) {
      status = 'no_signal';
      card.verdict = { code: 'noSignal', params: { auc: a, minAuc: MIN_AUC } };
      message = `No signal: on contacts it did not learn from, the model ranks no better than chance (AUC ${a}; 0.5 is a coin toss, below ${MIN_AUC} is not useful). It does not score.`;
    } else trained = { defs, impute, model, baseRate: card.baseRate };
  }
  card.durationMs = Date.now() - started;
  const last = await db.kysely.selectFrom('model_versions').select((eb) => eb.fn.max('version').as('v')).where('modelId', '=', modelId).executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const trainedAt = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('model_versions').values({ id: newId(), modelId, version, status, message, rows: labels.length, positives, weights: trained ? JSON.stringify(trained) : null, card: JSON.stringify(card), trainedAt, jobId }).execute();
    await trx.updateTable('predictive_models').set({ status, statusMessage: message, updatedAt: trainedAt, ...(trained && { activeVersion: version }) }).where('id', '=', modelId).execute();
  });
  return { version, status, message, card };
}

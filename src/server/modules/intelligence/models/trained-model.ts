// A trained model as stored (JSON in model_versions.weights): its features, the means that fill unknown values, and the
// logistic weights; scoring one contact gives the probability and its top reasons from per-feature contributions.
import type { ContactFacts } from './contact-facts.js';
import type { FeatureDef } from './feature-plan.js';
import { featureValue, reasonFor, type Reason } from './feature-values.js';
import { predictLogistic, type LogisticModel } from './logistic-regression.js';

export interface TrainedModel {
  defs: FeatureDef[];
  /** Filled in for an unknown value (the training mean), so it contributes nothing. */
  impute: number[];
  model: LogisticModel;
  /** Share of "yes" among the learners: scores above it are explained by what pushes up, below by what pushes down. */
  baseRate: number;
}

/** The contact's raw feature values (NaN where unknown). */
export function rawRow(defs: FeatureDef[], f: ContactFacts, at: number): Float64Array {
  const row = new Float64Array(defs.length);
  for (let j = 0; j < defs.length; j++) row[j] = featureValue(defs[j]!, f, at);
  return row;
}

export function fillUnknown(row: Float64Array, impute: number[]): Float64Array {
  for (let j = 0; j < row.length; j++) if (Number.isNaN(row[j]!)) row[j] = impute[j]!;
  return row;
}

/** The score and up to three reasons: the features that pushed it most in its direction, said in facts. */
export function scoreContact(tm: TrainedModel, f: ContactFacts, at: number): { score: number; reasons: Reason[] } {
  const raw = rawRow(tm.defs, f, at);
  const row = fillUnknown(Float64Array.from(raw), tm.impute);
  const score = predictLogistic(tm.model, row);
  const sign = score >= tm.baseRate ? 1 : -1;
  // Each feature's contribution; the strongest in the score's direction are taken one at a time (a reason or two is
  // skipped at most, so picking beats sorting every feature of every contact at a million contacts).
  const { weights, means, sds } = tm.model;
  const c = new Float64Array(weights.length);
  for (let j = 0; j < c.length; j++) c[j] = weights[j]! * ((row[j]! - means[j]!) / sds[j]!);
  const reasons: Reason[] = [];
  const seen = new Set<string>();
  while (reasons.length < 3) {
    let best = -1;
    for (let j = 0; j < c.length; j++) if (c[j]! * sign > 0.05 && (best < 0 || Math.abs(c[j]!) > Math.abs(c[best]!))) best = j;
    if (best < 0) break;
    const r = reasonFor(tm.defs[best]!, f, raw[best]!, row[best]! >= means[best]! ? 'above' : 'below', c[best]!, at);
    c[best] = 0;
    // Recency and "overdue" say the same thing in words; one of them is enough.
    const id = r ? `${r.kind}:${r.params.field ?? r.params.category ?? ''}:${r.params.value ?? ''}` : '';
    if (!r || seen.has(id)) continue;
    seen.add(id);
    reasons.push(r);
  }
  return { score, reasons };
}

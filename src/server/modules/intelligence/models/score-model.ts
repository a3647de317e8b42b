// Scores a model's population with its active version in batches: each contact's probability and top reasons are
// upserted, a big move (across the threshold or by 0.15 or more) is written to the outbox as `model.score_changed`
// with the old and new score (alerts consume it), and contacts that left the population lose their score. The
// lead-conversion model also fills the predictive slot of the lead score.
import type { Db } from '../../../core/db/database.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { nowIso } from '../../../core/ids.js';
import { setPredictiveLeadScores } from '../../sales/index.js';
import { loadContactFacts } from './contact-facts.js';
import { population, populationBatch } from './model-population.js';
import { activeTrained, loadModelSpec } from './model-store.js';
import { scoreContact } from './trained-model.js';
import { writeScores } from './write-scores.js';

export const SCORE_CHANGED = 'model.score_changed';
const BATCH = 5000;
const BIG_MOVE = 0.15;

export interface ScoreProgress {
  after: string;
  scored: number;
  startedAt: string;
}

export async function scoreModel(db: Db, modelId: string, opts: { resume?: Partial<ScoreProgress>; checkpoint?: (p: ScoreProgress) => Promise<void>; now?: Date } = {}): Promise<{ scored: number; changed: number }> {
  const active = await activeTrained(db.kysely, modelId);
  if (!active) return { scored: 0, changed: 0 };
  const spec = await loadModelSpec(db.kysely, modelId);
  const pop = population(spec, 'score', db.engine, opts.now ?? new Date());
  const at = pop.asOf.getTime();
  const progress: ScoreProgress = { after: opts.resume?.after ?? '', scored: opts.resume?.scored ?? 0, startedAt: opts.resume?.startedAt ?? nowIso() };
  let changed = 0;
  for (;;) {
    const batch = await populationBatch(db.kysely, pop.where, progress.after, BATCH);
    if (!batch.length) break;
    const facts = await loadContactFacts(db.kysely, batch, active.trained.defs, pop.asOf);
    const hi = batch[batch.length - 1]!.id;
    const scoredAt = nowIso();
    const rows = facts.map((f) => {
      const s = scoreContact(active.trained, f, at);
      return { contactId: f.id, score: Math.round(s.score * 10_000) / 10_000, reasons: JSON.stringify(s.reasons) };
    });
    await db.kysely.transaction().execute(async (trx) => {
      const old = await writeScores(db, trx, modelId, active.version, scoredAt, rows);
      for (const r of rows) {
        const before = old.get(r.contactId);
        if (before === undefined) continue;
        const crossed = (before >= spec.threshold) !== (r.score >= spec.threshold);
        if (!crossed && Math.abs(r.score - before) < BIG_MOVE) continue;
        changed++;
        await emitEvent(trx, SCORE_CHANGED, 'contact', r.contactId, { modelId, modelKind: spec.kind, modelName: spec.name, contactId: r.contactId, old: before, new: r.score, threshold: spec.threshold, reasons: JSON.parse(r.reasons) });
      }
      if (spec.kind === 'lead_conversion') await setPredictiveLeadScores(trx, rows.map((r) => ({ contactId: r.contactId, score: Math.round(r.score * 100) })));
    });
    progress.after = hi;
    progress.scored += rows.length;
    await opts.checkpoint?.(progress);
  }
  // Whoever was not scored in this run has left the population (a churned customer, a converted lead).
  await db.kysely.deleteFrom('contact_model_scores').where('modelId', '=', modelId).where('scoredAt', '<', progress.startedAt).execute();
  return { scored: progress.scored, changed };
}

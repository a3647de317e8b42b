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

export const SCORE_CHANGED = 'model.score_changed';
const BATCH = 5000;
const BIG_MOVE = 0.15;
const UPSERT_SQL = `insert into contact_model_scores (model_id, contact_id, version, score, reasons, scored_at) values (?, ?, ?, ?, ?, ?)
  on conflict (model_id, contact_id) do update set version = excluded.version, score = excluded.score, reasons = excluded.reasons, scored_at = excluded.scored_at`;

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
    const lo = batch[0]!.id, hi = batch[batch.length - 1]!.id;
    const scoredAt = nowIso();
    const rows = facts.map((f) => {
      const s = scoreContact(active.trained, f, at);
      return { modelId, contactId: f.id, version: active.version, score: Math.round(s.score * 10_000) / 10_000, reasons: JSON.stringify(s.reasons), scoredAt };
    });
    await db.kysely.transaction().execute(async (trx) => {
      const old = new Map((await trx.selectFrom('contact_model_scores').select(['contactId', 'score']).where('modelId', '=', modelId).where('contactId', '>=', lo).where('contactId', '<=', hi).execute()).map((r) => [r.contactId, Number(r.score)]));
      if (db.sqlite) {
        // SQLite: one prepared statement on the same connection, inside this transaction (building 500-row inserts
        // through the query builder cost more than the writes themselves at a million contacts).
        const upsert = db.sqlite.prepare(UPSERT_SQL);
        for (const r of rows) upsert.run(r.modelId, r.contactId, r.version, r.score, r.reasons, r.scoredAt);
      } else {
        for (let i = 0; i < rows.length; i += 500) {
          await trx.insertInto('contact_model_scores').values(rows.slice(i, i + 500))
            .onConflict((oc) => oc.columns(['modelId', 'contactId']).doUpdateSet((eb) => ({ version: eb.ref('excluded.version'), score: eb.ref('excluded.score'), reasons: eb.ref('excluded.reasons'), scoredAt: eb.ref('excluded.scoredAt') })))
            .execute();
        }
      }
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

// Training and scoring as durable jobs ('intelligence.model-train' trains then scores; 'intelligence.model-score'
// re-scores with the active version, resuming from its checkpoint), and the schedule: every model is retrained once a
// week and re-scored once a day (recency moves with time). A poller claims each model's turn with a compare-and-set
// on its updated_at, so several workers start it once.
import type { Db } from '../../../core/db/database.js';
import { enqueueJob, registerJobHandler, type Job } from '../../../core/jobs/job-queue.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { nowIso } from '../../../core/ids.js';
import { AppError } from '../../../core/errors.js';
import { loadModelSpec } from './model-store.js';
import { scoreModel, type ScoreProgress } from './score-model.js';
import { trainModel } from './train-model.js';

export const TRAIN_JOB = 'intelligence.model-train';
export const SCORE_JOB = 'intelligence.model-score';
const DAY = 86_400_000;

async function trainOrFail(db: Db, modelId: string, jobId: string) {
  try {
    return await trainModel(db, modelId, jobId);
  } catch (err) {
    // The model must not stay "training" forever: say what went wrong and let a person start it again.
    await db.kysely.updateTable('predictive_models').set({ status: 'failed', statusMessage: `Training failed: ${(err as Error).message}`.slice(0, 500), updatedAt: nowIso() }).where('id', '=', modelId).execute();
    throw err;
  }
}

registerJobHandler<{ modelId: string }>(TRAIN_JOB, async ({ db, job, checkpoint }) => {
  const trained = (job.progress as { trained?: { version: number; status: string } }).trained ?? (await trainOrFail(db, job.payload.modelId, job.id));
  const resume = job.progress as Partial<ScoreProgress>;
  const summary = { version: trained.version, status: trained.status };
  const scored = trained.status === 'ready' ? await scoreModel(db, job.payload.modelId, { resume, checkpoint: (p) => checkpoint({ ...p, trained: summary }) }) : { scored: 0, changed: 0 };
  return { ...summary, ...scored };
});

registerJobHandler<{ modelId: string }>(SCORE_JOB, async ({ db, job, checkpoint }) => {
  return scoreModel(db, job.payload.modelId, { resume: job.progress as Partial<ScoreProgress>, checkpoint: (p) => checkpoint({ ...p }) });
});

/** Starts a training job; refused while one is queued or running for the model. */
export async function startTraining(db: Db, modelId: string, actorId: string | null): Promise<Job> {
  await loadModelSpec(db.kysely, modelId);
  const r = await db.kysely.updateTable('predictive_models').set({ status: 'training', updatedAt: nowIso() }).where('id', '=', modelId).where('status', '<>', 'training').executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw new AppError('conflict', 'This model is already being trained');
  return enqueueJob(db, TRAIN_JOB, { modelId }, actorId);
}

async function scheduleDue(db: Db): Promise<number> {
  const now = Date.now();
  const models = await db.kysely.selectFrom('predictive_models').select(['id', 'status', 'updatedAt', 'activeVersion']).where('status', '<>', 'training').execute();
  let started = 0;
  for (const m of models) {
    const last = await db.kysely.selectFrom('model_versions').select((eb) => eb.fn.max('trainedAt').as('at')).where('modelId', '=', m.id).executeTakeFirst();
    const trainedAt = last?.at ? Date.parse(String(last.at)) : null;
    if (trainedAt === null) continue; // never trained by a person yet: the schedule starts after the first training
    if (now - trainedAt >= 7 * DAY) {
      const won = await db.kysely.updateTable('predictive_models').set({ status: 'training', updatedAt: nowIso() }).where('id', '=', m.id).where('updatedAt', '=', m.updatedAt).executeTakeFirst();
      if (Number(won.numUpdatedRows)) {
        await enqueueJob(db, TRAIN_JOB, { modelId: m.id }, null);
        started++;
      }
    } else if (m.activeVersion !== null && now - Date.parse(m.updatedAt) >= DAY) {
      const won = await db.kysely.updateTable('predictive_models').set({ updatedAt: nowIso() }).where('id', '=', m.id).where('updatedAt', '=', m.updatedAt).executeTakeFirst();
      if (Number(won.numUpdatedRows)) {
        await enqueueJob(db, SCORE_JOB, { modelId: m.id }, null);
        started++;
      }
    }
  }
  return started;
}

registerPoller({ name: 'intelligence.models.schedule', run: scheduleDue, idleMs: 15 * 60_000 });

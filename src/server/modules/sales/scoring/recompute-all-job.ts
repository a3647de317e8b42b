// The job a rule change queues: recomputes every lead's score in batches, checkpointing so a restart resumes. It is a
// bulk operation: one lead.scores_recomputed at the end, a lead.score_changed per lead only for an opted-in webhook.
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import { wantedBulkTypes } from '../../../core/events/bulk-events.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { loadActiveRules, RECOMPUTE_ALL_JOB } from './scoring-rules.js';
import { recomputeScores } from './recompute-score.js';

const BATCH = 1000;

registerJobHandler<Record<string, never>>(RECOMPUTE_ALL_JOB, async (ctx) => {
  const k = ctx.db.kysely;
  let after = String((ctx.job.progress as { after?: string }).after ?? '');
  let done = Number((ctx.job.progress as { done?: number }).done ?? 0);
  let changed = Number((ctx.job.progress as { changed?: number }).changed ?? 0);
  const bulk = `scoring:${ctx.job.id}`;
  const rules = await loadActiveRules(k);
  for (;;) {
    const ids = (await k.selectFrom('leadDetails').select('contactId').where('contactId', '>', after).orderBy('contactId').limit(BATCH).execute()).map((r) => r.contactId);
    if (ids.length === 0) break;
    const res = await k.transaction().execute(async (trx) => recomputeScores(trx, ids, { rules, bulk: { name: bulk, wanted: await wantedBulkTypes(trx) } }));
    after = ids[ids.length - 1]!;
    done += ids.length;
    changed += res.changed;
    await ctx.checkpoint({ after, done, changed });
    if (await ctx.cancelled()) return { recomputed: done, changed, cancelled: true };
  }
  await emitEvent(k, 'lead.scores_recomputed', 'job', ctx.job.id, { jobId: ctx.job.id, recomputed: done, changed });
  return { recomputed: done, changed };
});

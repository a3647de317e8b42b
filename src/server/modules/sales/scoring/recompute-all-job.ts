// The job a rule change queues: recomputes every lead's score in batches, checkpointing so a restart resumes.
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import { loadActiveRules, RECOMPUTE_ALL_JOB } from './scoring-rules.js';
import { recomputeScores } from './recompute-score.js';

const BATCH = 200;

registerJobHandler<Record<string, never>>(RECOMPUTE_ALL_JOB, async (ctx) => {
  const k = ctx.db.kysely;
  let after = String((ctx.job.progress as { after?: string }).after ?? '');
  let done = Number((ctx.job.progress as { done?: number }).done ?? 0);
  const rules = await loadActiveRules(k);
  for (;;) {
    const ids = (await k.selectFrom('leadDetails').select('contactId').where('contactId', '>', after).orderBy('contactId').limit(BATCH).execute()).map((r) => r.contactId);
    if (ids.length === 0) break;
    await k.transaction().execute((trx) => recomputeScores(trx, ids, rules));
    after = ids[ids.length - 1]!;
    done += ids.length;
    await ctx.checkpoint({ after, done });
    if (await ctx.cancelled()) break;
  }
  return { recomputed: done };
});

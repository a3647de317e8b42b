// The 'dedup' background job (`rapport dedup`, POST /duplicates/detect): detection over every contact, the queue
// refreshed, and, when an admin turned it on, unattended merges above the auto-merge threshold.
import type { JobContext } from '../../../core/jobs/job-queue.js';
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import { inBulk } from '../../../core/events/bulk-events.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { systemActor, type Actor } from '../../../core/auth/actor.js';
import { countContacts } from '../../customers/index.js';
import { findContactDuplicates } from './find-duplicates.js';
import { findCompanyDuplicates } from './find-company-duplicates.js';
import { saveDetectedPairs } from './duplicate-store.js';
import { getDedupSettings } from './dedup-settings.js';
import { mergeContacts } from './merge-contacts.js';

export interface DedupPayload {
  /** Overrides the auto-merge setting for this run (false: only suggest). */
  autoMerge?: boolean;
}

/** Re-runs from the start after a crash: the scan's buckets live in memory, and detection is idempotent. */
export async function runDedupJob(ctx: JobContext<DedupPayload>) {
  const { db } = ctx;
  const settings = await getDedupSettings(db.kysely);
  const total = await countContacts(db.kysely);
  let batches = 0;
  const found = await findContactDuplicates(db, {
    threshold: settings.suggestThreshold,
    async onBatch(scanned) {
      if (++batches % 10 !== 0) return false;
      await ctx.checkpoint({ phase: 'scan', scanned, total });
      return ctx.cancelled();
    },
  });
  if (found.cancelled) return { cancelled: true, scanned: found.scanned };
  await ctx.checkpoint({ phase: 'save', scanned: found.scanned, total, pairs: found.pairs.length });
  const saved = await saveDetectedPairs(db.kysely, 'contact', found.pairs);
  // Companies are few next to contacts: one more pass, suggested only (merging companies is not offered yet).
  const companies = await findCompanyDuplicates(db, settings.suggestThreshold);
  const savedCompanies = await saveDetectedPairs(db.kysely, 'company', companies.pairs);
  let autoMerged = 0;
  const autoMerge = ctx.job.payload.autoMerge ?? settings.autoMerge;
  if (autoMerge) {
    const actor: Actor = systemActor;
    const gone = new Set<string>();
    // A bulk operation: each merge's events (contact.merged, and what participants emit) are marked, so a "*" webhook
    // hears only dedup.completed below; Rapport's own consumers still see every merge.
    await inBulk(`dedup:${ctx.job.id}`, async () => {
      // Best first; UUIDv7 ids sort by creation, so the older contact (aId) survives.
      for (const p of [...found.pairs].sort((x, y) => y.score - x.score)) {
        if (p.score < settings.autoMergeThreshold) break;
        if (gone.has(p.aId) || gone.has(p.bId)) continue;
        const open = await db.kysely.selectFrom('duplicatePairs').select('status').where('entity', '=', 'contact').where('aId', '=', p.aId).where('bId', '=', p.bId).executeTakeFirst();
        if (open?.status !== 'open') continue;
        await mergeContacts(db, actor, { survivorId: p.aId, mergedIds: [p.bId] });
        gone.add(p.bId);
        autoMerged++;
      }
    });
  }
  const result = { scanned: found.scanned, candidates: found.candidates, pairs: found.pairs.length, ...saved, autoMerged, companies: { scanned: companies.scanned, pairs: companies.pairs.length, inserted: savedCompanies.inserted }, blockingKeys: found.blockingKeys, oversizeKeys: found.oversizeKeys, seconds: found.seconds };
  await ctx.checkpoint({ phase: 'done', scanned: found.scanned, total, pairs: found.pairs.length });
  await emitEvent(db.kysely, 'dedup.completed', 'job', ctx.job.id, { jobId: ctx.job.id, scanned: found.scanned, pairs: found.pairs.length, inserted: saved.inserted, autoMerged, companyPairs: companies.pairs.length });
  return result;
}

registerJobHandler<DedupPayload>('dedup', runDedupJob);

// Imports write contacts in bulk and emit one import.completed instead of a contact.created per row; this job opens
// the leads for the lead-stage contacts such an import created (found by their time-ordered UUIDv7 ids) and scores them.
import type { Db } from '../../../core/db/database.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import { nowIso } from '../../../core/ids.js';
import { recomputeScores } from '../scoring/recompute-score.js';
import { explanationColumns } from '../assignment/assignment-steps.js';

export const OPEN_IMPORTED_JOB = 'leads.open-imported';
const BATCH = 500;

/** The smallest UUIDv7 minted at or after `iso`: ids sort by their leading 48-bit millisecond timestamp. */
export function uuidV7Floor(iso: string): string {
  const hex = Math.max(0, Date.parse(iso)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

export async function openImportedLeads(db: Db, payload: { importId: string; since: string }, after = ''): Promise<{ opened: number; last: string }> {
  const k = db.kysely;
  const floor = uuidV7Floor(payload.since);
  let last = after > floor ? after : floor;
  let opened = 0;
  for (;;) {
    const rows = await k
      .selectFrom('contacts as c')
      .leftJoin('leadDetails as ld', 'ld.contactId', 'c.id')
      .select(['c.id', 'c.ownerId', 'c.source', 'c.createdAt'])
      .where('c.lifecycleStage', '=', 'lead')
      .where('c.id', '>', last)
      .where('ld.contactId', 'is', null)
      .orderBy('c.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    const now = nowIso();
    await k.transaction().execute(async (trx) => {
      const values = rows.map((c) => ({
        contactId: c.id, status: 'new' as const, source: c.source, utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, formName: null, message: null,
        assignmentStatus: c.ownerId ? 'kept' : 'pending', assignmentRuleId: null, ...explanationColumns(c.ownerId ? [{ k: 'setByImport' }] : null), assignedAt: c.ownerId ? now : null,
        reassignCount: 0, lastTouchedAt: null, convertedAt: null, dealId: null, createdAt: c.createdAt, updatedAt: now,
      }));
      for (let i = 0; i < values.length; i += 100) await trx.insertInto('leadDetails').values(values.slice(i, i + 100)).onConflict((oc) => oc.column('contactId').doNothing()).execute();
      // One audit entry per batch, as the import itself audits once per file rather than per row.
      await writeAudit(trx, db.engine, { actorId: 'system', action: 'create', entity: 'lead_batch', entityId: payload.importId, after: { opened: rows.length, firstContactId: rows[0]!.id, lastContactId: rows[rows.length - 1]!.id } });
      await recomputeScores(trx, rows.map((r) => r.id));
    });
    opened += rows.length;
    last = rows[rows.length - 1]!.id;
  }
  return { opened, last };
}

registerJobHandler<{ importId: string; since: string }>(OPEN_IMPORTED_JOB, async (ctx) => {
  const progress = ctx.job.progress as { last?: string; opened?: number };
  const result = await openImportedLeads(ctx.db, ctx.job.payload, progress.last ?? '');
  await ctx.checkpoint({ last: result.last, opened: (progress.opened ?? 0) + result.opened });
  return { opened: (progress.opened ?? 0) + result.opened };
});

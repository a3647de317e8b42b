// Imports write contacts in bulk and emit one import.completed instead of a contact.created per row; this job opens
// the leads for the lead-stage contacts such an import created (found by their time-ordered UUIDv7 ids), assigns and
// scores them in batches, and ends with one import.leads_opened event and one notification per rep who got leads.
// Per-lead lead.assigned / lead.score_changed are written only for webhooks that opted in to bulk per-record events.
import type { Db } from '../../../core/db/database.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import { wantedBulkTypes } from '../../../core/events/bulk-events.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { createNotification } from '../../../core/notifications/notifications.js';
import { nowIso } from '../../../core/ids.js';
import { recomputeScores } from '../scoring/recompute-score.js';
import { explanationColumns } from '../assignment/assignment-steps.js';
import { assignImportedLeads } from '../assignment/assign-imported-leads.js';

export const OPEN_IMPORTED_JOB = 'leads.open-imported';
const BATCH = 500;

interface Payload {
  importId: string;
  since: string;
}

export interface OpenedLeads {
  last: string;
  opened: number;
  /** Leads whose contact the import gave an owner. */
  kept: number;
  unmatched: number;
  /** Owner id → how many of the import's leads the rules gave them. */
  assigned: Record<string, number>;
}

/** The smallest UUIDv7 minted at or after `iso`: ids sort by their leading 48-bit millisecond timestamp. */
export function uuidV7Floor(iso: string): string {
  const hex = Math.max(0, Date.parse(iso)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

export const noLeadsOpened = (): OpenedLeads => ({ last: '', opened: 0, kept: 0, unmatched: 0, assigned: {} });

export async function openImportedLeads(db: Db, payload: Payload, from: OpenedLeads = noLeadsOpened(), onBatch?: (p: OpenedLeads) => Promise<void>): Promise<OpenedLeads> {
  const k = db.kysely;
  const floor = uuidV7Floor(payload.since);
  const p: OpenedLeads = { ...from, assigned: { ...from.assigned }, last: from.last > floor ? from.last : floor };
  for (;;) {
    const rows = await k
      .selectFrom('contacts as c')
      .leftJoin('leadDetails as ld', 'ld.contactId', 'c.id')
      .select(['c.id', 'c.ownerId', 'c.source', 'c.createdAt'])
      .where('c.lifecycleStage', '=', 'lead')
      .where('c.id', '>', p.last)
      .where('ld.contactId', 'is', null)
      .orderBy('c.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    const now = nowIso();
    await k.transaction().execute(async (trx) => {
      const values = rows.map((c) => ({
        contactId: c.id, status: 'new' as const, source: c.source, utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, formName: null, message: null,
        assignmentStatus: c.ownerId ? 'kept' : 'pending', assignmentRuleId: null, ...explanationColumns(c.ownerId ? [{ kind: 'setByImport', params: {} }] : null), assignedAt: c.ownerId ? now : null,
        reassignCount: 0, lastTouchedAt: null, convertedAt: null, dealId: null, createdAt: c.createdAt, updatedAt: now,
      }));
      for (let i = 0; i < values.length; i += 100) await trx.insertInto('leadDetails').values(values.slice(i, i + 100)).onConflict((oc) => oc.column('contactId').doNothing()).execute();
      const bulk = { name: `import:${payload.importId}`, wanted: await wantedBulkTypes(trx) };
      // Assigned here rather than by the assignment worker, so the owners are set in bulk and each rep is told once.
      const a = await assignImportedLeads(trx, rows.filter((r) => !r.ownerId).map((r) => r.id), payload.importId, bulk);
      const assigned = Object.fromEntries([...a.byOwner].map(([owner, ids]) => [owner, ids.length]));
      // One audit entry per batch (the leads opened and the contacts' new owners), as the import audits once per file.
      await writeAudit(trx, db.engine, { actorId: 'system', action: 'create', entity: 'lead_batch', entityId: payload.importId, after: { opened: rows.length, firstContactId: rows[0]!.id, lastContactId: rows[rows.length - 1]!.id, ownersSet: assigned, unmatched: a.unmatched } });
      await recomputeScores(trx, rows.map((r) => r.id), { bulk });
      for (const [owner, n] of Object.entries(assigned)) p.assigned[owner] = (p.assigned[owner] ?? 0) + n;
      p.unmatched += a.unmatched;
    });
    p.opened += rows.length;
    p.kept += rows.filter((r) => r.ownerId).length;
    p.last = rows[rows.length - 1]!.id;
    await onBatch?.(p);
  }
  return p;
}

/** The end of the job: one summary event and one notification per rep, in one transaction. */
async function announce(db: Db, importId: string, p: OpenedLeads): Promise<void> {
  const imp = await db.kysely.selectFrom('imports').select('fileName').where('id', '=', importId).executeTakeFirst();
  const fileName = imp?.fileName ?? importId;
  await db.kysely.transaction().execute(async (trx) => {
    for (const [userId, count] of Object.entries(p.assigned)) {
      await createNotification(trx, { userId, kind: 'leads.assigned', title: `${count} new leads from import ${fileName}`, params: { count, fileName }, entity: 'import', entityId: importId });
    }
    await emitEvent(trx, 'import.leads_opened', 'import', importId, { importId, opened: p.opened, kept: p.kept, unmatched: p.unmatched, assigned: p.assigned });
  });
}

registerJobHandler<Payload>(OPEN_IMPORTED_JOB, async (ctx) => {
  const saved = ctx.job.progress as Partial<OpenedLeads> & { announced?: boolean };
  const from = { ...noLeadsOpened(), ...saved };
  if (saved.announced) return { opened: from.opened, kept: from.kept, unmatched: from.unmatched, assigned: from.assigned };
  const p = await openImportedLeads(ctx.db, ctx.job.payload, from, (q) => ctx.checkpoint({ ...q }));
  if (p.opened > 0) await announce(ctx.db, ctx.job.payload.importId, p);
  await ctx.checkpoint({ ...p, announced: true });
  return { opened: p.opened, kept: p.kept, unmatched: p.unmatched, assigned: p.assigned };
});

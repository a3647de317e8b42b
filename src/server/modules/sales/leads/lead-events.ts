// What leads take from the outbox: a contact entering the lead stage opens a lead (waiting for assignment when it has
// no owner); meetings and calls become lead behaviour; the owner's own interactions and stage changes mark it touched.
import type { Db, DbOrTrx, Engine } from '../../../core/db/database.js';
import { consumeEvents, type DomainEvent } from '../../../core/events/consume-events.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { newId } from '../../../core/ids.js';
import { findContactRow } from '../../customers/index.js';
import { enqueueJob } from '../../../core/jobs/job-queue.js';
import { OPEN_IMPORTED_JOB } from './open-imported-leads.js';
import { insertInitialScores } from '../scoring/initial-score.js';
import type { ActivityKind } from './lead-tables.js';
import { explanationColumns } from '../assignment/assignment-steps.js';

interface ContactPayload {
  id: string;
  lifecycleStage: string;
  ownerId: string | null;
  ownerName: string | null;
  source: string | null;
}
interface InteractionPayload {
  id: string;
  type: string;
  contactId: string | null;
  createdBy: string | null;
  occurredAt: string;
}

const behaviourOf: Record<string, ActivityKind> = { meeting: 'meeting_held', call: 'call_logged' };

async function openLead(trx: DbOrTrx, engine: Engine, c: ContactPayload, at: string): Promise<void> {
  const exists = await trx.selectFrom('leadDetails').select('contactId').where('contactId', '=', c.id).executeTakeFirst();
  if (exists) return;
  const row = {
    contactId: c.id,
    status: 'new' as const,
    source: c.source,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmTerm: null,
    utmContent: null,
    formName: null,
    message: null,
    assignmentStatus: c.ownerId ? 'kept' : 'pending',
    assignmentRuleId: null,
    ...explanationColumns(c.ownerId ? [{ kind: 'keptExisting', params: { name: c.ownerName ?? c.ownerId } }] : null),
    assignedAt: c.ownerId ? at : null,
    reassignCount: 0,
    lastTouchedAt: null,
    convertedAt: null,
    dealId: null,
    createdAt: at,
    updatedAt: at,
  };
  await trx.insertInto('leadDetails').values(row).onConflict((oc) => oc.column('contactId').doNothing()).execute();
  await insertInitialScores(trx, [c.id]);
  await writeAudit(trx, engine, { actorId: 'system', action: 'create', entity: 'lead', entityId: c.id, after: row });
  await emitEvent(trx, 'lead.created', 'contact', c.id, { contactId: c.id, source: c.source, via: 'contact' });
}

/** The owner worked the lead: it leaves "new" and its re-assignment timer stops. */
async function touch(trx: DbOrTrx, contactId: string, at: string): Promise<void> {
  await trx.updateTable('leadDetails').set({ status: 'working', lastTouchedAt: at, updatedAt: at }).where('contactId', '=', contactId).where('status', 'in', ['new', 'working']).execute();
}

async function onInteraction(trx: DbOrTrx, e: DomainEvent): Promise<void> {
  const i = e.payload as InteractionPayload;
  if (!i.contactId) return;
  const lead = await trx.selectFrom('leadDetails').select('contactId').where('contactId', '=', i.contactId).executeTakeFirst();
  if (!lead) return;
  const kind = behaviourOf[i.type];
  if (kind) {
    const row = { id: newId(), contactId: i.contactId, kind, occurredAt: i.occurredAt, sourceEventId: e.id, detail: JSON.stringify({ interactionId: i.id }), createdAt: e.createdAt };
    const res = await trx.insertInto('leadActivity').values(row).onConflict((oc) => oc.column('sourceEventId').doNothing()).executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 1n) > 0) await emitEvent(trx, 'lead.activity_recorded', 'contact', i.contactId, { contactId: i.contactId, kind, occurredAt: i.occurredAt });
  }
  const contact = await findContactRow(trx, i.contactId);
  if (contact?.ownerId && contact.ownerId === i.createdBy) await touch(trx, i.contactId, e.createdAt);
}

export async function consumeLeadEvents(db: Db): Promise<number> {
  return consumeEvents(db, 'sales.leads', async (events, trx) => {
    for (const e of events) {
      // An import's per-record events exist only for opted-in webhooks; its leads are opened by leads.open-imported.
      if (e.bulk?.startsWith('import:')) continue;
      if (e.type === 'contact.created') {
        const c = e.payload as ContactPayload;
        if (c.lifecycleStage === 'lead') await openLead(trx, db.engine, c, e.createdAt);
      } else if (e.type === 'contact.updated') {
        const { contact, changed } = e.payload as { contact: ContactPayload; changed: string[] };
        if (!changed.includes('lifecycleStage')) continue;
        if (contact.lifecycleStage === 'lead') await openLead(trx, db.engine, contact, e.createdAt);
        else await touch(trx, contact.id, e.createdAt);
      } else if (e.type === 'contact.deleted') {
        await trx.deleteFrom('leadActivity').where('contactId', '=', e.entityId).execute();
        await trx.deleteFrom('leadDetails').where('contactId', '=', e.entityId).execute();
      } else if (e.type === 'interaction.created') {
        await onInteraction(trx, e);
      } else if (e.type === 'import.completed') {
        const imp = e.payload as { id: string; object: string; created: number };
        if (imp.object !== 'contacts' || !imp.created) continue;
        const started = await trx.selectFrom('imports').select('startedAt').where('id', '=', imp.id).executeTakeFirst();
        // Queued in this transaction (the job row goes with the cursor), hence the handle over trx.
        await enqueueJob({ ...db, kysely: trx }, OPEN_IMPORTED_JOB, { importId: imp.id, since: started?.startedAt ?? e.createdAt }, null);
      }
    }
  });
}

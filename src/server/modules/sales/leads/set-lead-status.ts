// Changes a lead's status by hand: working, disqualified (with a reason), or back to new. Converting has its own use case.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import type { Lead, LeadStatusInput } from './lead-schemas.js';
import { getLead } from './lead-repository.js';

export async function setLeadStatus(db: Db, actor: Actor, contactId: string, input: LeadStatusInput): Promise<Lead> {
  const before = await getLead(db, actor, contactId);
  if (before.status === 'converted') throw new AppError('conflict', 'A converted lead keeps its status; its deal carries on from here');
  if (input.status === 'disqualified' && !input.reason) throw new AppError('validation', 'Say why the lead is disqualified', [{ path: 'reason', message: 'required when disqualifying' }]);
  if (before.status === input.status) return before;
  const now = nowIso();
  // Working a lead by hand counts as touching it, which stops its re-assignment timer; back to new restarts it.
  const changes = { status: input.status, updatedAt: now, ...(input.status === 'working' && { lastTouchedAt: now }), ...(input.status === 'new' && { assignedAt: now }) };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('leadDetails').set(changes).where('contactId', '=', contactId).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'lead', entityId: contactId, before: { status: before.status }, after: { status: input.status, reason: input.reason ?? null } });
    await emitEvent(trx, 'lead.status_changed', 'contact', contactId, { contactId, from: before.status, to: input.status, reason: input.reason ?? null });
  });
  return getLead(db, actor, contactId);
}

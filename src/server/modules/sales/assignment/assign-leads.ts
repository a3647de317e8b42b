// The assignment worker: gives each new lead without an owner to a rep by the rules, records why, tells the rep.
import type { Db } from '../../../core/db/database.js';
import { systemActor } from '../../../core/auth/actor.js';
import { nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { createNotification } from '../../../core/notifications/notifications.js';
import { updateContact } from '../../customers/index.js';
import { loadLeadFacts } from '../leads/lead-facts.js';
import { chooseAssignee } from './pick-assignee.js';
import { explanationColumns } from './assignment-steps.js';

export async function assignPendingLeads(db: Db, batch = 20): Promise<number> {
  const pending = await db.kysely.selectFrom('leadDetails').select('contactId').where('assignmentStatus', '=', 'pending').orderBy('contactId').limit(batch).execute();
  let handled = 0;
  for (const { contactId } of pending) {
    const facts = await loadLeadFacts(db.kysely, contactId);
    if (!facts) continue; // the contact is gone; the lead consumer removes its details
    const now = nowIso();
    const ownerId = await db.kysely.transaction().execute(async (trx) => {
      // Claim: only one worker moves the lead out of "pending".
      const claimed = await trx.updateTable('leadDetails').set({ assignmentStatus: 'assigning', updatedAt: now }).where('contactId', '=', contactId).where('assignmentStatus', '=', 'pending').executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return null;
      if (facts.ownerId) {
        await trx.updateTable('leadDetails').set({ assignmentStatus: 'kept', ...explanationColumns([{ kind: 'keptByHand', params: {} }]), assignedAt: now }).where('contactId', '=', contactId).execute();
        return null;
      }
      const pick = await chooseAssignee(trx, facts);
      const values = { assignmentStatus: pick.userId ? 'assigned' : 'unmatched', assignmentRuleId: pick.ruleId, ...explanationColumns(pick.steps), assignedAt: pick.userId ? now : null, updatedAt: now };
      await trx.updateTable('leadDetails').set(values).where('contactId', '=', contactId).execute();
      await writeAudit(trx, db.engine, { actorId: 'system', action: 'update', entity: 'lead', entityId: contactId, before: { assignmentStatus: 'pending' }, after: { ...values, ownerId: pick.userId } });
      if (!pick.userId) return null;
      await emitEvent(trx, 'lead.assigned', 'contact', contactId, { contactId, ownerId: pick.userId, ruleId: pick.ruleId, explanation: pick.explanation });
      await createNotification(trx, { userId: pick.userId, kind: 'lead.assigned', title: `New lead: ${facts.displayName}`, body: pick.explanation, params: { name: facts.displayName, steps: pick.steps }, entity: 'contact', entityId: contactId });
      return pick.userId;
    });
    // The owner is set through the customers service (audited, indexed, contact.updated emitted).
    if (ownerId) await updateContact(db, systemActor, contactId, { ownerId });
    handled++;
  }
  return handled;
}

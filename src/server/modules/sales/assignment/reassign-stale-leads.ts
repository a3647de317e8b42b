// The re-assignment timer: a lead whose owner has not touched it (no interaction of theirs, no stage change) within
// the configured hours goes to the next rep by the same rule, and the team's manager is alerted.
import type { Db } from '../../../core/db/database.js';
import { systemActor } from '../../../core/auth/actor.js';
import { nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { createNotification } from '../../../core/notifications/notifications.js';
import { updateContact } from '../../customers/index.js';
import { loadLeadFacts } from '../leads/lead-facts.js';
import { getAssignmentSettings } from './assignment-settings.js';
import { chooseAssignee, managerOf } from './pick-assignee.js';
import { explainSteps, explanationColumns, type AssignmentStep } from './assignment-steps.js';

export async function reassignStaleLeads(db: Db, batch = 20): Promise<number> {
  const { reassignAfterHours: hours } = await getAssignmentSettings(db.kysely);
  if (!hours) return 0;
  const cutoff = new Date(Date.now() - hours * 3600_000).toISOString();
  const stale = await db.kysely
    .selectFrom('leadDetails')
    .select(['contactId', 'assignedAt', 'assignmentRuleId', 'assignmentExplanation'])
    .where('status', '=', 'new')
    .where('assignmentStatus', '=', 'assigned')
    .where('assignedAt', '<', cutoff)
    .orderBy('assignedAt')
    .limit(batch)
    .execute();
  let handled = 0;
  for (const lead of stale) {
    const facts = await loadLeadFacts(db.kysely, lead.contactId);
    if (!facts) continue;
    const previous = facts.ownerId ? await db.kysely.selectFrom('users').select(['id', 'name', 'teamId']).where('id', '=', facts.ownerId).executeTakeFirst() : undefined;
    const now = nowIso();
    const newOwner = await db.kysely.transaction().execute(async (trx) => {
      // Claim by moving the timer: a second worker's update finds assignedAt changed and skips the lead.
      const claimed = await trx.updateTable('leadDetails').set({ assignedAt: now, updatedAt: now }).where('contactId', '=', lead.contactId).where('assignedAt', '=', lead.assignedAt).where('status', '=', 'new').executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return null;
      const pick = await chooseAssignee(trx, facts, { exclude: facts.ownerId, ruleId: lead.assignmentRuleId });
      const steps: AssignmentStep[] = [{ kind: 'untouched', params: { from: previous?.name ?? null, hours, reassigned: pick.userId !== null } }, ...pick.steps];
      const explanation = explainSteps(steps);
      await trx
        .updateTable('leadDetails')
        .set((eb) => ({ assignmentRuleId: pick.ruleId ?? lead.assignmentRuleId, ...explanationColumns(steps), reassignCount: eb('reassignCount', '+', pick.userId ? 1 : 0) }))
        .where('contactId', '=', lead.contactId)
        .execute();
      await writeAudit(trx, db.engine, { actorId: 'system', action: 'update', entity: 'lead', entityId: lead.contactId, before: { ownerId: facts.ownerId, assignmentExplanation: lead.assignmentExplanation }, after: { ownerId: pick.userId ?? facts.ownerId, assignmentExplanation: explanation } });
      await emitEvent(trx, 'lead.reassigned', 'contact', lead.contactId, { contactId: lead.contactId, fromOwnerId: facts.ownerId, toOwnerId: pick.userId, explanation });
      const manager = await managerOf(trx, [pick.teamId, previous?.teamId ?? null]);
      const title = pick.userId ? `Lead ${facts.displayName} re-assigned from ${previous?.name ?? '—'} to ${pick.userName}` : `Lead ${facts.displayName} not touched by ${previous?.name ?? 'its owner'}`;
      const params = { name: facts.displayName, from: previous?.name ?? null, to: pick.userName, steps };
      if (manager) await createNotification(trx, { userId: manager, kind: 'lead.reassigned', title, body: explanation, params, entity: 'contact', entityId: lead.contactId });
      if (pick.userId) await createNotification(trx, { userId: pick.userId, kind: 'lead.assigned', title: `Lead handed to you: ${facts.displayName}`, body: explanation, params: { ...params, handed: true }, entity: 'contact', entityId: lead.contactId });
      return pick.userId;
    });
    if (newOwner) await updateContact(db, systemActor, lead.contactId, { ownerId: newOwner });
    handled++;
  }
  return handled;
}

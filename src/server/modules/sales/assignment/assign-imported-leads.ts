// Assigns the leads an import opened, inside its job's batch: the same rules, picks and explanations as the assignment
// worker, but the owners are set in bulk (no contact.updated per lead), lead.assigned is written per lead only for an
// opted-in webhook, and each rep hears one notification per import (leads.open-imported) instead of one per lead.
import type { DbOrTrx } from '../../../core/db/database.js';
import { emitBulkEvents, type BulkRecordEvent } from '../../../core/events/bulk-events.js';
import { nowIso } from '../../../core/ids.js';
import { setContactOwners } from '../../customers/index.js';
import { loadLeadFactsMany } from '../leads/lead-facts.js';
import { listAssignmentRules } from './assignment-rules.js';
import { chooseAssignee } from './pick-assignee.js';
import { explanationColumns } from './assignment-steps.js';

export interface ImportedAssignment {
  /** Owner id → the leads they got. */
  byOwner: Map<string, string[]>;
  unmatched: number;
}

export async function assignImportedLeads(trx: DbOrTrx, contactIds: string[], importId: string, bulk: { name: string; wanted: Set<string> }): Promise<ImportedAssignment> {
  const facts = await loadLeadFactsMany(trx, contactIds);
  const rules = await listAssignmentRules(trx);
  const now = nowIso();
  const groups = new Map<string, { values: Record<string, unknown>; ids: string[] }>();
  const byOwner = new Map<string, string[]>();
  let pending = new Map<string, string[]>();
  const events: BulkRecordEvent[] = [];
  let unmatched = 0;
  const add = (m: Map<string, string[]>, k: string, id: string) => m.set(k, [...(m.get(k) ?? []), id]);
  for (const id of contactIds) {
    const f = facts.get(id);
    if (!f) continue;
    const pick = await chooseAssignee(trx, f, { rules });
    const values = { assignmentStatus: pick.userId ? 'assigned' : 'unmatched', assignmentRuleId: pick.ruleId, ...explanationColumns(pick.steps), assignedAt: pick.userId ? now : null, updatedAt: now };
    const key = JSON.stringify(values);
    groups.set(key, { values, ids: [...(groups.get(key)?.ids ?? []), id] });
    if (!pick.userId) {
      unmatched++;
      continue;
    }
    add(byOwner, pick.userId, id);
    add(pending, pick.userId, id);
    events.push({ entityId: id, payload: { contactId: id, ownerId: pick.userId, ruleId: pick.ruleId, explanation: pick.explanation, importId } });
    // Least-loaded counts open leads by contact owner: the next pick must see this one, so its owner is written now.
    if (pick.steps.some((s) => s.kind === 'leastLoaded')) {
      await setContactOwners(trx, pending);
      pending = new Map();
    }
  }
  await setContactOwners(trx, pending);
  // Leads that got the same rule, rep and explanation share one UPDATE.
  for (const { values, ids } of groups.values()) {
    for (let i = 0; i < ids.length; i += 500) await trx.updateTable('leadDetails').set(values).where('contactId', 'in', ids.slice(i, i + 500)).execute();
  }
  await emitBulkEvents(trx, bulk.name, bulk.wanted, 'lead.assigned', 'contact', events);
  return { byOwner, unmatched };
}

// Puts the assignment rules in a new order in one transaction: positions become 0..n-1 in the order given, so two
// admins reordering at once, or a failure half-way, never leave the list half renumbered.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import type { AssignmentRule } from './assignment-schemas.js';
import { listAssignmentRules } from './assignment-rules.js';

export const ruleOrderInput = z.strictObject({ ids: z.array(z.string().min(1).max(100)).min(1).max(500) });

export async function reorderAssignmentRules(db: Db, actor: Actor, ids: string[]): Promise<AssignmentRule[]> {
  return db.kysely.transaction().execute(async (trx) => {
    const before = await listAssignmentRules(trx);
    const known = new Set(before.map((r) => r.id));
    const given = new Set(ids);
    const errors = [];
    if (given.size !== ids.length) errors.push({ path: 'ids', message: 'a rule is listed twice' });
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) errors.push({ path: 'ids', message: `no such rule: ${unknown.join(', ')}` });
    const missing = before.filter((r) => !given.has(r.id));
    if (missing.length) errors.push({ path: 'ids', message: `every rule must be listed; missing: ${missing.map((r) => r.name).join(', ')}` });
    if (errors.length) throw new AppError('validation', 'The new order must list every assignment rule exactly once', errors);
    const now = nowIso();
    for (const [position, id] of ids.entries()) await trx.updateTable('leadAssignmentRules').set({ position, updatedAt: now }).where('id', '=', id).where('position', '!=', position).execute();
    const after = await listAssignmentRules(trx);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'lead_assignment_rule_order', entityId: 'lead-assignment', before: { ids: before.map((r) => r.id) }, after: { ids } });
    await emitEvent(trx, 'lead_assignment_rule.reordered', 'lead_assignment_rule', 'order', { ids });
    return after;
  });
}

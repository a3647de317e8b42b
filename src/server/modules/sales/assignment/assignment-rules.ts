// Admin CRUD of the ordered assignment rules; a change audits, emits, and retries leads no rule matched before.
import type { Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import type { LeadAssignmentRulesTable } from './assignment-tables.js';
import type { AssignmentRule, AssignmentRuleInput, AssignmentRulePatch } from './assignment-schemas.js';

type Row = Selectable<LeadAssignmentRulesTable> & { teamName: string | null };

const toRule = (r: Row): AssignmentRule => ({ id: r.id, name: r.name, position: r.position, conditions: JSON.parse(r.conditions), teamId: r.teamId, teamName: r.teamName, strategy: r.strategy, userId: r.userId, active: r.active === 1, createdAt: r.createdAt, updatedAt: r.updatedAt });

const ruleQuery = (db: DbOrTrx) => db.selectFrom('leadAssignmentRules as r').leftJoin('teams as t', 't.id', 'r.teamId').selectAll('r').select('t.name as teamName');

export async function listAssignmentRules(db: DbOrTrx): Promise<AssignmentRule[]> {
  return (await ruleQuery(db).orderBy('r.position').orderBy('r.id').execute()).map(toRule);
}

async function getRule(db: DbOrTrx, id: string): Promise<AssignmentRule> {
  const r = await ruleQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Assignment rule');
  return toRule(r);
}

async function validateTarget(db: Db, r: { strategy: string; teamId: string | null; userId: string | null }) {
  if (r.strategy === 'user') {
    if (!r.userId) throw new AppError('validation', 'A rule with strategy "user" names the user', [{ path: 'userId', message: 'required for strategy user' }]);
    const u = await db.kysely.selectFrom('users').select('active').where('id', '=', r.userId).executeTakeFirst();
    if (!u || u.active !== 1) throw new AppError('validation', 'The user must be an active user', [{ path: 'userId', message: 'unknown or inactive user' }]);
  }
  if (r.strategy !== 'user' && !r.teamId) throw new AppError('validation', `A ${r.strategy} rule needs the team to share leads in`, [{ path: 'teamId', message: 'required for this strategy' }]);
  if (r.teamId && !(await db.kysely.selectFrom('teams').select('id').where('id', '=', r.teamId).executeTakeFirst())) {
    throw new AppError('validation', 'That team does not exist', [{ path: 'teamId', message: 'unknown team' }]);
  }
}

/** Leads that found no rule get another chance whenever the rules change. */
const retryUnmatched = (trx: DbOrTrx) => trx.updateTable('leadDetails').set({ assignmentStatus: 'pending' }).where('assignmentStatus', '=', 'unmatched').execute();

export async function createAssignmentRule(db: Db, actor: Actor, input: AssignmentRuleInput): Promise<AssignmentRule> {
  const values = { teamId: input.teamId ?? null, userId: input.strategy === 'user' ? (input.userId ?? null) : null, strategy: input.strategy };
  await validateTarget(db, values);
  const last = await db.kysely.selectFrom('leadAssignmentRules').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  const now = nowIso();
  const row = { id: newId(), name: input.name, position: input.position ?? Number(last?.p ?? -1) + 1, conditions: JSON.stringify(input.conditions ?? {}), ...values, active: input.active === false ? 0 : 1, lastUserId: null, createdAt: now, updatedAt: now };
  return db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('leadAssignmentRules').values(row).execute();
    const rule = await getRule(trx, row.id);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'lead_assignment_rule', entityId: row.id, after: rule });
    await emitEvent(trx, 'lead_assignment_rule.created', 'lead_assignment_rule', row.id, rule);
    await retryUnmatched(trx);
    return rule;
  });
}

export async function updateAssignmentRule(db: Db, actor: Actor, id: string, patch: AssignmentRulePatch): Promise<AssignmentRule> {
  const before = await getRule(db.kysely, id);
  const strategy = patch.strategy ?? before.strategy;
  const target = { strategy, teamId: patch.teamId !== undefined ? patch.teamId : before.teamId, userId: strategy === 'user' ? (patch.userId !== undefined ? patch.userId : before.userId) : null };
  await validateTarget(db, target);
  const values = {
    ...target,
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.conditions !== undefined && { conditions: JSON.stringify(patch.conditions) }),
    ...(patch.position !== undefined && { position: patch.position }),
    ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
    updatedAt: nowIso(),
  };
  return db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('leadAssignmentRules').set(values).where('id', '=', id).execute();
    const after = await getRule(trx, id);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'lead_assignment_rule', entityId: id, before, after });
    await emitEvent(trx, 'lead_assignment_rule.updated', 'lead_assignment_rule', id, after);
    await retryUnmatched(trx);
    return after;
  });
}

export async function deleteAssignmentRule(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await getRule(db.kysely, id);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('leadAssignmentRules').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'lead_assignment_rule', entityId: id, before });
    await emitEvent(trx, 'lead_assignment_rule.deleted', 'lead_assignment_rule', id, { id });
  });
}

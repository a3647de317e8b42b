// SLA policies: admin CRUD of the ordered list, and the choice of the policy that applies to a ticket — the first
// active one whose priorities and tiers fit (an empty list fits any).
import type { Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import type { TicketPriority } from '../tables.js';
import type { SlaPoliciesTable } from './sla-tables.js';
import type { CustomerTier, Policy, PolicyInput, PolicyPatch } from './sla-schemas.js';

const toPolicy = (r: Selectable<SlaPoliciesTable>): Policy => ({
  id: r.id,
  name: r.name,
  position: r.position,
  priorities: JSON.parse(r.priorities),
  tiers: JSON.parse(r.tiers),
  calendarId: r.calendarId,
  firstResponseMinutes: r.firstResponseMinutes,
  resolutionMinutes: r.resolutionMinutes,
  warnBeforeMinutes: r.warnBeforeMinutes,
  pauseWhenPending: r.pauseWhenPending === 1,
  queueTeamId: r.queueTeamId,
  reassignOnBreach: r.reassignOnBreach === 1,
  escalationTeamId: r.escalationTeamId,
  active: r.active === 1,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export async function listPolicies(db: DbOrTrx): Promise<Policy[]> {
  return (await db.selectFrom('sla_policies').selectAll().orderBy('position').orderBy('id').execute()).map(toPolicy);
}

export async function getPolicy(db: DbOrTrx, id: string): Promise<Policy> {
  const r = await db.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('SLA policy');
  return toPolicy(r);
}

/** The policy for a ticket's priority and customer tier, or null when none fits. */
export function choosePolicy(policies: Policy[], facts: { priority: TicketPriority; tier: CustomerTier }): Policy | null {
  return policies.find((p) => p.active && (!p.priorities.length || p.priorities.includes(facts.priority)) && (!p.tiers.length || p.tiers.includes(facts.tier))) ?? null;
}

async function validate(db: DbOrTrx, p: { calendarId: string | null; queueTeamId: string | null; escalationTeamId: string | null; firstResponseMinutes: number | null; resolutionMinutes: number | null }) {
  const errors: { path: string; message: string }[] = [];
  if (p.calendarId && !(await db.selectFrom('business_calendars').select('id').where('id', '=', p.calendarId).executeTakeFirst())) errors.push({ path: 'calendarId', message: 'unknown calendar' });
  for (const key of ['queueTeamId', 'escalationTeamId'] as const) {
    const teamId = p[key];
    if (teamId && !(await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) errors.push({ path: key, message: 'unknown team' });
  }
  if (p.firstResponseMinutes === null && p.resolutionMinutes === null) errors.push({ path: 'firstResponseMinutes', message: 'give a first-response or a resolution target' });
  if (errors.length) throw new AppError('validation', 'The SLA policy is not valid', errors);
}

const columns = (p: Omit<PolicyInput, 'position'>) => ({
  name: p.name,
  priorities: JSON.stringify(p.priorities),
  tiers: JSON.stringify(p.tiers),
  calendarId: p.calendarId,
  firstResponseMinutes: p.firstResponseMinutes,
  resolutionMinutes: p.resolutionMinutes,
  warnBeforeMinutes: p.warnBeforeMinutes,
  pauseWhenPending: p.pauseWhenPending ? 1 : 0,
  queueTeamId: p.queueTeamId,
  reassignOnBreach: p.reassignOnBreach ? 1 : 0,
  escalationTeamId: p.escalationTeamId,
  active: p.active ? 1 : 0,
});

export async function createPolicy(db: Db, actor: Actor, input: PolicyInput): Promise<Policy> {
  await validate(db.kysely, input);
  const last = await db.kysely.selectFrom('sla_policies').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  const now = nowIso();
  const id = newId();
  return db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('sla_policies').values({ id, position: input.position ?? Number(last?.p ?? -1) + 1, ...columns(input), createdAt: now, updatedAt: now }).execute();
    const after = await getPolicy(trx, id);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'sla_policy', entityId: id, after });
    return after;
  });
}

export async function updatePolicy(db: Db, actor: Actor, id: string, patch: PolicyPatch): Promise<Policy> {
  const before = await getPolicy(db.kysely, id);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next = { ...before, ...defined } as Policy;
  await validate(db.kysely, next);
  return db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('sla_policies').set({ ...columns(next), position: next.position, updatedAt: nowIso() }).where('id', '=', id).execute();
    const after = await getPolicy(trx, id);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'sla_policy', entityId: id, before, after });
    return after;
  });
}

/** Tickets already under the policy keep their timers (their row names the policy). */
export async function deletePolicy(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await getPolicy(db.kysely, id);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('sla_policies').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'sla_policy', entityId: id, before });
  });
}

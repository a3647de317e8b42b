// Agents' routing status: skills, capacity (most open tickets) and away. Agents set their own away; managers and
// admins set anyone's skills and capacity.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { openTicketCounts } from './pick-agent.js';
import type { AgentStatus, AgentStatusInput } from './routing-schemas.js';

const AGENT_ROLES = ['support', 'manager', 'admin'] as const;

export async function listAgentStatus(db: Db, filter: { userId?: string } = {}): Promise<AgentStatus[]> {
  let q = db.kysely
    .selectFrom('users as u')
    .leftJoin('agent_status as s', 's.userId', 'u.id')
    .select(['u.id', 'u.name', 'u.role', 'u.teamId', 's.skills', 's.capacity', 's.away'])
    .where('u.active', '=', 1)
    .where('u.role', 'in', [...AGENT_ROLES])
    .orderBy('u.name')
    .orderBy('u.id');
  if (filter.userId) q = q.where('u.id', '=', filter.userId);
  const rows = await q.execute();
  const counts = await openTicketCounts(db.kysely, rows.map((r) => r.id));
  return rows.map((r) => ({ userId: r.id, name: r.name, role: r.role, teamId: r.teamId, skills: r.skills ? JSON.parse(r.skills) : [], capacity: r.capacity ?? null, away: r.away === 1, openTickets: counts.get(r.id) ?? 0 }));
}

export async function setAgentStatus(db: Db, actor: Actor, userId: string, input: AgentStatusInput): Promise<AgentStatus> {
  const [before] = await listAgentStatus(db, { userId });
  if (!before) throw notFound('Agent');
  const manages = actor.role === 'admin' || actor.role === 'manager';
  if (!manages && actor.id !== userId) throw new AppError('forbidden', 'Only managers and administrators can change another agent');
  if (!manages && (input.skills !== undefined || input.capacity !== undefined)) throw new AppError('forbidden', 'Only managers and administrators can change skills and capacity');
  const skills = input.skills !== undefined ? [...new Set(input.skills.map((s) => s.toLowerCase()))].sort() : before.skills;
  const capacity = input.capacity !== undefined ? input.capacity : before.capacity;
  const away = input.away !== undefined ? input.away : before.away;
  const values = { skills: JSON.stringify(skills), capacity, away: away ? 1 : 0, updatedAt: nowIso() };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('agent_status').values({ userId, ...values }).onConflict((oc) => oc.column('userId').doUpdateSet(values)).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'agent_status', entityId: userId, before: { skills: before.skills, capacity: before.capacity, away: before.away }, after: { skills, capacity, away } });
  });
  return (await listAgentStatus(db, { userId }))[0]!;
}

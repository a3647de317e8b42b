// Teams and the per-role visibility setting (admin only).
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { writeAudit } from '../../core/audit/audit-log.js';
import type { Role, Visibility } from './tables.js';

export interface Team {
  id: string;
  name: string;
  managerId: string | null;
  createdAt: string;
}

export const listTeams = (db: Db): Promise<Team[]> => db.kysely.selectFrom('teams').selectAll().orderBy('name').execute();

async function assertNameFree(db: Db, name: string, exceptId?: string) {
  const clash = await db.kysely.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst();
  if (clash && clash.id !== exceptId) throw new AppError('conflict', `A team named ${name} already exists`, [{ path: 'name', message: 'already in use' }]);
}

async function assertManager(db: Db, managerId: string | null | undefined) {
  if (!managerId) return;
  const u = await db.kysely.selectFrom('users').select('id').where('id', '=', managerId).executeTakeFirst();
  if (!u) throw new AppError('validation', 'The manager must be an existing user', [{ path: 'managerId', message: 'unknown user' }]);
}

export async function createTeam(db: Db, actor: Actor, input: { name: string; managerId?: string | null }): Promise<Team> {
  await assertNameFree(db, input.name);
  await assertManager(db, input.managerId);
  const team = { id: newId(), name: input.name, managerId: input.managerId ?? null, createdAt: nowIso() };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('teams').values(team).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'team', entityId: team.id, after: team });
  });
  return team;
}

export async function updateTeam(db: Db, actor: Actor, id: string, patch: { name?: string; managerId?: string | null }): Promise<Team> {
  const before = await db.kysely.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('Team');
  if (patch.name) await assertNameFree(db, patch.name, id);
  await assertManager(db, patch.managerId);
  const after = { ...before, ...(patch.name !== undefined && { name: patch.name }), ...(patch.managerId !== undefined && { managerId: patch.managerId }) };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('teams').set({ name: after.name, managerId: after.managerId }).where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'team', entityId: id, before, after });
  });
  return after;
}

export async function deleteTeam(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await db.kysely.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('Team');
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ teamId: null }).where('teamId', '=', id).execute();
    await trx.deleteFrom('teams').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'team', entityId: id, before });
  });
}

export const listRoleSettings = (db: Db) => db.kysely.selectFrom('roleSettings').selectAll().orderBy('role').execute();

export async function setRoleVisibility(db: Db, actor: Actor, role: Role, visibility: Visibility) {
  if (role === 'admin' && visibility !== 'all') throw new AppError('validation', 'Administrators always see every record', [{ path: 'visibility', message: 'admin is always "all"' }]);
  const before = await db.kysely.selectFrom('roleSettings').selectAll().where('role', '=', role).executeTakeFirst();
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('roleSettings').values({ role, visibility }).onConflict((oc) => oc.column('role').doUpdateSet({ visibility })).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'role', entityId: role, before, after: { role, visibility } });
  });
  return { role, visibility };
}

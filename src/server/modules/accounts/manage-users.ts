// Creating and changing users (admin), first-run setup, the admin from the environment, password change.
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { hashPassword, verifyPassword } from '../../core/auth/password.js';
import { deleteUserSessions } from '../../core/auth/sessions.js';
import { announceSessionChange } from '../../core/auth/session-events.js';
import { writeAudit, changedFields } from '../../core/audit/audit-log.js';
import { countUsers, findUserByEmail, findUserById, toUser } from './user-repository.js';
import type { User, UserDirectoryEntry } from './schemas.js';
import type { Role } from './tables.js';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  teamId?: string | null;
  locale?: 'en' | 'zh-CN';
}

async function assertTeam(db: Db, teamId: string | null | undefined) {
  if (!teamId) return;
  const t = await db.kysely.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!t) throw new AppError('validation', 'That team does not exist', [{ path: 'teamId', message: 'unknown team' }]);
}

export async function createUser(db: Db, actor: Actor | null, input: NewUser): Promise<User> {
  if (await findUserByEmail(db.kysely, input.email)) {
    throw new AppError('conflict', `A user with the email ${input.email} already exists`, [{ path: 'email', message: 'already in use' }]);
  }
  await assertTeam(db, input.teamId);
  const now = nowIso();
  const row = {
    id: newId(),
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    teamId: input.teamId ?? null,
    locale: input.locale ?? 'en',
    timeZone: null,
    active: 1,
    createdAt: now,
    updatedAt: now,
  };
  return db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(row).execute();
    const user = toUser(row);
    await writeAudit(trx, db.engine, { actorId: actor?.id ?? null, action: 'create', entity: 'user', entityId: row.id, after: user });
    return user;
  });
}

/** First-run: creates the admin only while no user exists. */
export async function setupFirstAdmin(db: Db, input: Omit<NewUser, 'role'>): Promise<User> {
  if ((await countUsers(db.kysely)) > 0) throw new AppError('conflict', 'Rapport is already set up; log in instead');
  return createUser(db, null, { ...input, role: 'admin' });
}

export async function ensureAdminFromEnv(db: Db, email?: string, password?: string): Promise<User | null> {
  if (!email || !password || (await countUsers(db.kysely)) > 0) return null;
  return createUser(db, null, { email: email.trim().toLowerCase(), password, name: 'Administrator', role: 'admin' });
}

export async function updateUser(db: Db, actor: Actor, id: string, patch: Partial<Pick<User, 'name' | 'role' | 'teamId' | 'active' | 'locale' | 'timeZone'>>): Promise<User> {
  const before = await findUserById(db.kysely, id);
  if (!before) throw notFound('User');
  await assertTeam(db, patch.teamId);
  if (before.id === actor.id && (patch.active === false || (patch.role && patch.role !== 'admin' && before.role === 'admin'))) {
    throw new AppError('conflict', 'You cannot deactivate yourself or remove your own admin role');
  }
  const values = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.role !== undefined && { role: patch.role }),
    ...(patch.teamId !== undefined && { teamId: patch.teamId }),
    ...(patch.locale !== undefined && { locale: patch.locale }),
    ...(patch.timeZone !== undefined && { timeZone: patch.timeZone }),
    ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
    updatedAt: nowIso(),
  };
  const updated = await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('users').set(values).where('id', '=', id).execute();
    const after = toUser({ ...before, ...values });
    if (patch.active === false) await deleteUserSessions(trx, id);
    const diff = changedFields(toUser(before), after);
    if (Object.keys(diff.after).length) await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'user', entityId: id, ...diff });
    return after;
  });
  // Open sockets of this user check their session again at once (deactivated, or another role or team).
  if (updated.active !== (before.active === 1) || updated.role !== before.role || updated.teamId !== before.teamId) await announceSessionChange(db, id);
  return updated;
}

export async function changePassword(db: Db, actor: Actor, currentPassword: string, newPassword: string, keepToken?: string): Promise<void> {
  const user = await findUserById(db.kysely, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('validation', 'The current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
  }
  const passwordHash = await hashPassword(newPassword);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ passwordHash, updatedAt: nowIso() }).where('id', '=', actor.id).execute();
    await deleteUserSessions(trx, actor.id, keepToken); // other devices are logged out
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'user', entityId: actor.id, after: { password: 'changed' } });
  });
  await announceSessionChange(db, actor.id);
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.kysely.selectFrom('users').selectAll().orderBy('name').execute()).map(toUser);
}

/** What any user may know of colleagues (for pickers): never their email, role or language. */
export async function listUserDirectory(db: Db): Promise<UserDirectoryEntry[]> {
  return (await db.kysely.selectFrom('users').select(['id', 'name', 'teamId', 'active']).orderBy('name').execute()).map((u) => ({ ...u, active: u.active === 1 }));
}

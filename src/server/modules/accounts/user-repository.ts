// Reads and writes users; maps rows to the API's User shape.
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import type { UsersTable } from './tables.js';
import type { User } from './schemas.js';

export function toUser(r: Selectable<UsersTable>): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    teamId: r.teamId,
    locale: r.locale === 'zh-CN' ? 'zh-CN' : 'en',
    timeZone: r.timeZone ?? null,
    active: r.active === 1,
    createdAt: r.createdAt,
  };
}

export const findUserById = (db: DbOrTrx, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
export const findUserByEmail = (db: DbOrTrx, email: string) => db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

/** The acting user with the visibility their role has; one query per request. */
export async function loadActor(db: DbOrTrx, userId: string): Promise<Actor | null> {
  const r = await db
    .selectFrom('users')
    .leftJoin('roleSettings', 'roleSettings.role', 'users.role')
    .select(['users.id', 'users.name', 'users.role', 'users.teamId', 'users.active', 'roleSettings.visibility'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!r || r.active !== 1) return null;
  return { id: r.id, name: r.name, role: r.role, teamId: r.teamId, visibility: r.role === 'admin' ? 'all' : (r.visibility ?? 'own_team') };
}

export async function countUsers(db: DbOrTrx): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

// Resolves the owner (and so the team) of a record being written, and checks links to other records.
import type { Db } from '../../core/db/database.js';
import { canSee, type Actor } from '../../core/auth/actor.js';
import { AppError } from '../../core/errors.js';

export async function resolveOwner(db: Db, actor: Actor, ownerId: string | null | undefined): Promise<{ ownerId: string | null; teamId: string | null }> {
  const id = ownerId === undefined ? (actor.id === 'system' ? null : actor.id) : ownerId;
  if (id === null) return { ownerId: null, teamId: null };
  const u = await db.kysely.selectFrom('users').select(['id', 'teamId', 'active']).where('id', '=', id).executeTakeFirst();
  if (!u || u.active !== 1) throw new AppError('validation', 'The owner must be an active user', [{ path: 'ownerId', message: 'unknown or inactive user' }]);
  return { ownerId: u.id, teamId: u.teamId };
}

export async function assertVisibleCompany(db: Db, actor: Actor, companyId: string | null | undefined): Promise<{ name: string } | null> {
  if (!companyId) return null;
  const c = await db.kysely.selectFrom('companies').select(['name', 'ownerId', 'teamId']).where('id', '=', companyId).executeTakeFirst();
  if (!c || !canSee(actor, c)) throw new AppError('validation', 'That company does not exist', [{ path: 'companyId', message: 'unknown company' }]);
  return c;
}

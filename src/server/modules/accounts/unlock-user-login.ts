// An admin clears the login limits counted against a user's email, so a colleague locked out by someone else's
// guesses can log in again at once.
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { notFound } from '../../core/errors.js';
import { writeAudit } from '../../core/audit/audit-log.js';
import { findUserById } from './user-repository.js';
import { clearLoginLimits } from './login-limits.js';

export async function unlockUserLogin(db: Db, actor: Actor, userId: string): Promise<{ cleared: number }> {
  const user = await findUserById(db.kysely, userId);
  if (!user) throw notFound('User');
  return db.kysely.transaction().execute(async (trx) => {
    const cleared = await clearLoginLimits(trx, user.email);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'user', entityId: userId, after: { loginLimitsCleared: cleared } });
    return { cleared };
  });
}

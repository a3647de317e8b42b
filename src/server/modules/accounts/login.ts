// Logging in: password check, rate limit on failures per email (kept in the database, so it holds across servers).
import type { Db } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { verifyPassword } from '../../core/auth/password.js';
import { createSession } from '../../core/auth/sessions.js';
import { findUserByEmail, toUser } from './user-repository.js';
import type { User } from './schemas.js';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export async function login(db: Db, email: string, password: string): Promise<{ token: string; user: User }> {
  const since = new Date(Date.now() - FAILURE_WINDOW_MS).toISOString();
  const failures = await db.kysely
    .selectFrom('loginFailures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(failures.n) >= MAX_FAILURES) {
    throw new AppError('too_many_requests', 'Too many failed logins for this account; wait 15 minutes and try again');
  }
  const user = await findUserByEmail(db.kysely, email);
  const ok = user && user.active === 1 && (await verifyPassword(user.passwordHash, password));
  if (!ok || !user) {
    await db.kysely.insertInto('loginFailures').values({ email, at: new Date().toISOString() }).execute();
    throw new AppError('unauthenticated', 'The email or password is wrong');
  }
  await db.kysely.deleteFrom('loginFailures').where('email', '=', email).execute();
  return { token: await createSession(db.kysely, user.id), user: toUser(user) };
}

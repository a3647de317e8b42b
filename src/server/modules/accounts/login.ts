// Logging in: limits counted before the password check (login-limits.ts), the same argon2 work for every email.
import type { Db } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { verifyAgainstDummy, verifyPassword } from '../../core/auth/password.js';
import { createSession } from '../../core/auth/sessions.js';
import { findUserByEmail, toUser } from './user-repository.js';
import { admitLogin, isFamiliarAddress, limitAddress, loginSucceeded } from './login-limits.js';
import type { User } from './schemas.js';

export async function login(db: Db, email: string, password: string, clientIp: string): Promise<{ token: string; user: User }> {
  const now = Date.now();
  const address = limitAddress(clientIp);
  const found = await findUserByEmail(db.kysely, email);
  const user = found?.active === 1 ? found : undefined;
  // Asked for every email (with no user, for none), so an unknown one costs the same queries as a known one.
  const familiar = await isFamiliarAddress(db.kysely, user?.id ?? '', address);
  const counted = await admitLogin(db.kysely, email, address, familiar, now);
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  // A failure needs no write: the attempt was counted before the check.
  if (!ok || !user) throw new AppError('unauthenticated', 'The email or password is wrong');
  await loginSucceeded(db.kysely, counted, user.id, now);
  return { token: await createSession(db.kysely, user.id), user: toUser(user) };
}

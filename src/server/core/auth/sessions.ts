// Login sessions: a random token given to the client, only its SHA-256 kept in the database.
import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../db/database.js';
import { nowIso } from '../ids.js';

export const SESSION_COOKIE = 'rapport_session';
export const SESSION_DAYS = 30;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: DbOrTrx, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + SESSION_DAYS * 86400_000).toISOString();
  await db.insertInto('sessions').values({ id: digest(token), userId, createdAt: nowIso(), expiresAt: expires }).execute();
  return token;
}

export async function sessionUserId(db: DbOrTrx, token: string): Promise<string | null> {
  const row = await db.selectFrom('sessions').select(['userId', 'expiresAt']).where('id', '=', digest(token)).executeTakeFirst();
  if (!row || row.expiresAt < nowIso()) return null;
  return row.userId;
}

export async function deleteSession(db: DbOrTrx, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
}

export async function deleteUserSessions(db: DbOrTrx, userId: string, exceptToken?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptToken) q = q.where('id', '!=', digest(exceptToken));
  await q.execute();
}

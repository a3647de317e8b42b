// The owner a file names (a user's email, name or id) as an active user of this Rapport, or null when none matches.
import type { DbOrTrx } from '../../../../core/db/database.js';

export type OwnerResolver = (named: string) => { ownerId: string; teamId: string | null } | null;

/** Reads the active users once per batch, and only when a row names an owner. */
export async function ownerResolver(trx: DbOrTrx, wanted: boolean): Promise<OwnerResolver> {
  if (!wanted) return () => null;
  const users = await trx.selectFrom('users').select(['id', 'email', 'name', 'teamId']).where('active', '=', 1).execute();
  const byKey = new Map<string, { ownerId: string; teamId: string | null }>();
  const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  // Ids and emails first, so a user whose name is another's email never shadows it.
  for (const u of users) byKey.set(u.id.toLowerCase(), { ownerId: u.id, teamId: u.teamId });
  for (const u of users) if (!byKey.has(key(u.email))) byKey.set(key(u.email), { ownerId: u.id, teamId: u.teamId });
  for (const u of users) if (u.name && !byKey.has(key(u.name))) byKey.set(key(u.name), { ownerId: u.id, teamId: u.teamId });
  return (named) => byKey.get(key(named)) ?? null;
}

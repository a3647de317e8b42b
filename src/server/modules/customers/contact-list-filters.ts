// Filters other modules add to the contacts list (marketing's segmentId): resolved once per request, so the list,
// its count, exports and bulk actions all accept them unchanged.
import type { RawBuilder } from 'kysely';
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';

/** Turns the query parameter's value into a condition on the contacts list (table alias "r"). */
export type ContactListFilter = (db: Db, actor: Actor, value: string) => Promise<RawBuilder<boolean>>;

const registered = new Map<string, ContactListFilter>();

export function registerContactListFilter(name: string, filter: ContactListFilter): void {
  registered.set(name, filter);
}

/** The registered filters this query uses, each already resolved to its condition. */
export async function resolveContactListFilters(db: Db, actor: Actor, query: Record<string, unknown>): Promise<Record<string, () => RawBuilder<boolean>>> {
  const out: Record<string, () => RawBuilder<boolean>> = {};
  for (const [name, filter] of registered) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const cond = await filter(db, actor, String(value));
    out[name] = () => cond;
  }
  return out;
}

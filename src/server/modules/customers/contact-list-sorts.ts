// Sorts other modules add to the contacts list (intelligence's `model.<id>`: a model's score): the list orders by a
// value kept in their own table, one row per contact, read through that table's index (see joined-sort-list.ts).
import type { RawBuilder } from 'kysely';
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';

/** The (contact, value) rows a sort reads: `table` aliased "k", `where` picks the rows (one per contact at most). */
export interface JoinedSort {
  table: string;
  idColumn: string;
  /** Never null in the chosen rows; contacts without a row sort as the lowest value. */
  valueColumn: string;
  where: RawBuilder<boolean>;
}

/** Turns the part after "<prefix>." into the rows to sort by (throws a validation error for an unknown one). */
export type ContactListSort = (db: Db, actor: Actor, rest: string) => Promise<JoinedSort>;

const registered = new Map<string, ContactListSort>();

export function registerContactListSort(prefix: string, sort: ContactListSort): void {
  registered.set(prefix, sort);
}

/** The joined sort the `sort` parameter names (`model.<id>` or `-model.<id>`), keyed by the sort key; else none. */
export async function resolveContactListSort(db: Db, actor: Actor, sortParam: unknown): Promise<Record<string, JoinedSort>> {
  if (typeof sortParam !== 'string') return {};
  const key = sortParam.startsWith('-') ? sortParam.slice(1) : sortParam;
  const dot = key.indexOf('.');
  const sort = dot > 0 ? registered.get(key.slice(0, dot)) : undefined;
  return sort ? { [key]: await sort(db, actor, key.slice(dot + 1)) } : {};
}

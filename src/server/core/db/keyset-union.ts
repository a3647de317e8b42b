// Keyset pages over alternatives ("assigned to me OR my team's", several statuses at once): one query per
// alternative, each an index range scan in key order with its own LIMIT, merged by key. Without this both engines
// collect every row the OR matches from two indexes and sort them all (a team's 125,000 tickets at 1M), or walk the
// whole key order skipping rows when the alternatives are rare.
import type { Expression, ExpressionBuilder, Kysely, SelectQueryBuilder, SqlBool } from 'kysely';
import type { Actor } from '../auth/actor.js';

export type Condition = (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;

/**
 * visibleTo split into its alternatives; none for an actor who sees everything. `ownerElsewhere`: the query already
 * pins the owner column to someone else or to nobody, so only the team alternative can hold (a branch "owner = me AND
 * owner is null" would walk every row of one index range and find nothing).
 */
export function visibilityAlternatives(actor: Actor, ownerCol: string, teamCol: string, ownerElsewhere = false): Condition[] {
  if (actor.visibility === 'all') return [];
  const alternatives: Condition[] = ownerElsewhere ? [] : [(eb) => eb(ownerCol as never, '=', actor.id as never)];
  if (actor.teamId) alternatives.push((eb) => eb(teamCol as never, '=', actor.teamId as never));
  return alternatives.length ? alternatives : [(eb) => eb.lit(false) as unknown as Expression<SqlBool>];
}

/** Every combination of one condition from each non-empty list (an AND of ORs as an OR of ANDs); [] when all are empty. */
export function crossConditions(...lists: Condition[][]): Condition[] {
  const [first, ...rest] = lists.filter((l) => l.length > 0);
  if (!first) return [];
  return rest.reduce<Condition[]>((acc, list) => acc.flatMap((a) => list.map((c): Condition => (eb) => eb.and([a(eb), c(eb)]))), first);
}

/**
 * The first `limit` ids in (k, id) order over the branches, each already filtered, ordered by (k, id) in `dir` and
 * limited to `limit`, selecting `id` and its sort key as `k`. A row found by two branches counts once (UNION).
 */
export async function unionPageIds(db: Kysely<any>, branches: SelectQueryBuilder<any, any, { id: string; k: unknown }>[], dir: 'asc' | 'desc', limit: number): Promise<string[]> {
  const parts = branches.map((b, i) => db.selectFrom(b.as(`b${i}`)).select([`b${i}.id as id`, `b${i}.k as k`]));
  const merged = parts.slice(1).reduce((u, p) => u.union(p), parts[0]!);
  const rows = await db.selectFrom(merged.as('u')).select('u.id').orderBy('u.k', dir).orderBy('u.id', dir).limit(limit).execute();
  return rows.map((r) => r.id as string);
}

/** How many distinct ids the branches (each `select id … limit cap`) find together, at most `cap`. */
export async function unionCount(db: Kysely<any>, branches: SelectQueryBuilder<any, any, { id: string }>[], cap: number): Promise<number> {
  const parts = branches.map((b, i) => db.selectFrom(b.limit(cap).as(`b${i}`)).select(`b${i}.id as id`));
  const merged = parts.slice(1).reduce((u, p) => u.union(p), parts[0]!);
  const row = await db.selectFrom(merged.as('u')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Math.min(cap, Number(row.n));
}

// How many records a list's filters match ("12,345 contacts"): exact up to COUNT_CAP, beyond it a fast estimate
// (PostgreSQL: the planner's row estimate, or reltuples unfiltered; SQLite: the share of matches in slices spread over
// the whole table times the table's size), flagged `estimated`. Always within the actor's record visibility. estimateCount serves
// other modules' lists (tickets) the same way.
import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { filterConditions, scopeSql, type ListParams, type ListSpec } from './record-list.js';
import { searchPredicate } from './search-index.js';

export interface RecordCount {
  total: number;
  estimated: boolean;
}

export const COUNT_CAP = 100_000;
/** Rows read to estimate the share that matches (SQLite): SLICES runs of consecutive rows, evenly spread over the
 * table, so old and new records are both represented (the newest rows alone misjudge any rule that depends on age). */
const SAMPLE = 20_000;
const SLICES = 100;

export async function countRecords(db: Db, actor: Actor, spec: ListSpec, params: ListParams, cap = COUNT_CAP): Promise<RecordCount> {
  // My own records are always mine to see: with the owner filter set to me, the visibility term only sends PostgreSQL to
  // the table for team_id (a bitmap heap scan of every page holding one of my rows) instead of an index-only count.
  const own = params.ownerId === 'me' || params.ownerId === actor.id;
  const conds: RawBuilder<boolean>[] = [own ? sql<boolean>`1 = 1` : scopeSql(db, actor, true), ...filterConditions(db, spec, params)];
  const q = params.q?.trim();
  if (q) conds.push(sql<boolean>`r.id in (select s.entity_id from search_index s where s.entity = ${spec.entity} and ${searchPredicate(db.engine, q)})`);
  const where = sql.join(conds, sql` and `);
  const table = sql.table(spec.table);
  // Reads at most cap + 1 index entries: a count the list can show exactly costs no more than that.
  const capped = Number((await sql<{ n: number }>`select count(*) as n from (select 1 from ${table} r where ${where} limit ${cap + 1}) x`.execute(db.kysely)).rows[0]?.n ?? 0);
  if (capped <= cap) return { total: capped, estimated: false };

  const unfiltered = conds.length === 1 && actor.visibility === 'all';
  return estimateCount(db, cap, {
    table: spec.table,
    unfiltered,
    planned: sql`select 1 from ${table} r where ${where}`.compile(db.kysely),
    // The filter in the select list, not in a where: SQLite may push a where down into each of the sample's 100 union
    // arms, and an event rule's subquery with it.
    sampleHits: async (sample) => Number((await sql<{ n: number | null }>`select sum(case when ${where} then 1 else 0 end) as n from ${sample} r`.execute(db.kysely)).rows[0]?.n ?? 0),
  });
}

/** What a list beyond the cap is counted from (any table: contacts, companies, tickets). */
export interface EstimateSource {
  table: string;
  /** Nothing narrows the table (no filter, visibility 'all'): the table's size is the answer. */
  unfiltered: boolean;
  /** PostgreSQL: the matching rows' query, whose planned row count is the estimate. */
  planned: CompiledQuery;
  /** SQLite: how many rows of `sample` (a derived table of the table's rows: select from it under the list's alias)
   * match, in one statement, so a filter's uncorrelated subquery (an event rule's contact ids) is built once. */
  sampleHits(sample: RawBuilder<unknown>): Promise<number>;
}

/** A fast estimate for a list known to match more than `cap` rows, flagged `estimated` and never below cap + 1. */
export async function estimateCount(db: Db, cap: number, src: EstimateSource): Promise<RecordCount> {
  const table = sql.table(src.table);
  let estimate: number;
  if (db.engine === 'postgres') {
    if (src.unfiltered) {
      estimate = Number((await sql<{ n: number }>`select reltuples::bigint as n from pg_class where oid = to_regclass(${src.table})`.execute(db.kysely)).rows[0]?.n ?? 0);
    } else {
      const plan = (await db.kysely.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${src.planned.sql}`, [...src.planned.parameters]))).rows[0]?.['QUERY PLAN'];
      const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: { 'Plan Rows': number } }[];
      estimate = Number(parsed[0]?.Plan['Plan Rows'] ?? 0);
    }
  } else {
    // max(rowid) is the table's size read from the end of its B-tree (deleted rows make it a little high).
    const size = Number((await sql<{ n: number }>`select max(rowid) as n from ${table}`.execute(db.kysely)).rows[0]?.n ?? 0);
    if (src.unfiltered) estimate = size;
    else {
      const per = Math.ceil(SAMPLE / SLICES);
      const starts = Array.from({ length: SLICES }, (_, i) => 1 + Math.floor((size * i) / SLICES));
      // The slices' rows, as one derived table; the rows read are counted on rowids alone (no row is decoded).
      const slices = (columns: RawBuilder<unknown>) => sql`(${sql.join(starts.map((from) => sql`select * from (select ${columns} from ${table} where rowid >= ${from} order by rowid limit ${per})`), sql` union all `)})`;
      const read = Number((await sql<{ n: number }>`select count(*) as n from ${slices(sql`rowid`)} s`.execute(db.kysely)).rows[0]?.n ?? 0);
      estimate = read ? (size * (await src.sampleHits(slices(sql`*`)))) / read : 0;
    }
  }
  // An estimate never claims fewer rows than were just counted.
  return { total: Math.max(cap + 1, Math.round(estimate)), estimated: true };
}

// Keyset-paginated, sorted, filtered and searched lists over contacts or companies, scoped to what the actor may see.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { AppError } from '../../core/errors.js';
import { decodeCursor, encodeCursor, type CursorValue, type Page } from '../../core/pagination.js';
import { customFilterSql, customValueSql, type CustomField } from './custom-fields.js';
import { ftsMatch, rowContains, searchPredicate } from './search-index.js';
import type { JoinedSort } from './contact-list-sorts.js';
import { listByJoinedSort } from './joined-sort-list.js';

export interface ListSpec {
  table: 'contacts' | 'companies';
  entity: 'contact' | 'company';
  /** Columns selected, table aliased "r". */
  columns: RawBuilder<unknown>;
  /** Joins after "from <table> r". */
  joins: RawBuilder<unknown>;
  /** Sortable keys mapped to SQL expressions (never null). */
  sorts: Record<string, RawBuilder<unknown>>;
  defaultSort: string;
  /** Query parameters that are named filters, mapped to a SQL condition builder. */
  filters: Record<string, (value: string) => RawBuilder<boolean>>;
  customFields: CustomField[];
  /** Sorts by a value another module keeps (a model's score), by sort key (see contact-list-sorts.ts). */
  joinedSorts?: Record<string, JoinedSort>;
}

export interface ListParams {
  limit: number;
  cursor?: string;
  sort?: string;
  q?: string;
  /** Only these records (internal callers such as an export of the selected rows; not a query parameter). */
  ids?: string[];
  /** A further condition on the rows (alias "r") from an internal caller, e.g. a segment's compiled rules; never from a query string. */
  where?: RawBuilder<boolean>;
  [key: string]: unknown;
}

/** `plain`: without the unary + (a count wants the owner/team indexes, it walks no sort order). */
export function scopeSql(db: Db, actor: Actor, plain = false): RawBuilder<boolean> {
  if (actor.visibility === 'all') return sql<boolean>`1 = 1`;
  // Unary + keeps the planner off the owner/team indexes for the OR: a team sees a good share of the rows, so walking
  // the sort order and skipping the others fills a page sooner than collecting and sorting every row the team sees.
  if (!actor.teamId) return sql<boolean>`r.owner_id = ${actor.id}`;
  return db.engine === 'sqlite' && !plain ? sql<boolean>`(+r.owner_id = ${actor.id} or +r.team_id = ${actor.teamId})` : sql<boolean>`(r.owner_id = ${actor.id} or r.team_id = ${actor.teamId})`;
}

function resolveSort(db: Db, spec: ListSpec, sortParam: string | undefined): { key: string; expr: RawBuilder<unknown>; desc: boolean } {
  const raw = sortParam ?? spec.defaultSort;
  const desc = raw.startsWith('-');
  const key = desc ? raw.slice(1) : raw;
  if (key.startsWith('cf.')) {
    const f = spec.customFields.find((x) => x.key === key.slice(3));
    if (f && f.type !== 'multiselect') {
      const fallback = f.type === 'number' ? sql`-1e18` : f.type === 'boolean' ? (db.engine === 'sqlite' ? sql`-1` : sql`false`) : sql`''`;
      return { key, expr: sql`coalesce(${customValueSql(db.engine, 'r.custom', f)}, ${fallback})`, desc };
    }
  }
  const expr = spec.sorts[key];
  if (!expr) {
    const allowed = [...Object.keys(spec.sorts), ...spec.customFields.filter((f) => f.type !== 'multiselect').map((f) => `cf.${f.key}`)];
    throw new AppError('validation', `Cannot sort by "${key}"`, [{ path: 'sort', message: `one of ${allowed.join(', ')} (prefix - for descending)` }]);
  }
  return { key, expr, desc };
}

export function filterConditions(db: Db, spec: ListSpec, params: ListParams): RawBuilder<boolean>[] {
  const conds: RawBuilder<boolean>[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || ['limit', 'cursor', 'sort', 'q'].includes(name)) continue;
    // Chosen rows (an export of the selected records): one JSON parameter however many ids, on both engines.
    if (name === 'ids' && Array.isArray(value)) {
      const ids = JSON.stringify(value.map(String));
      conds.push(db.engine === 'sqlite' ? sql<boolean>`r.id in (select value from json_each(${ids}))` : sql<boolean>`r.id in (select jsonb_array_elements_text(${ids}::jsonb))`);
      continue;
    }
    if (name === 'where' && typeof value === 'object' && value !== null && 'toOperationNode' in value) {
      conds.push(value as RawBuilder<boolean>);
      continue;
    }
    if (name.startsWith('cf.')) {
      const f = spec.customFields.find((x) => x.key === name.slice(3));
      if (!f) throw new AppError('validation', `There is no custom field "${name.slice(3)}"`, [{ path: name, message: 'unknown custom field' }]);
      conds.push(customFilterSql(db.engine, 'r.custom', f, String(value)));
    } else if (spec.filters[name]) conds.push(spec.filters[name](String(value)));
    else throw new AppError('validation', `Unknown filter "${name}"`, [{ path: name, message: `filters are ${Object.keys(spec.filters).join(', ')} and cf.<key>` }]);
  }
  return conds;
}

/** A sorted search with more matches than this first tries walking this many rows of the sort order. */
const SORT_MATCHES_CAP = 4000;
const SORT_WALK = 10_000;

/** Runs the list; rows come back raw for the caller to map. */
export async function listRecords<Row extends { id: string }>(db: Db, actor: Actor, spec: ListSpec, params: ListParams): Promise<Page<Row>> {
  const conds = [scopeSql(db, actor), ...filterConditions(db, spec, params)];
  const limit = params.limit;
  const q = params.q?.trim();
  if (q && !params.sort) return searchNewestFirst<Row>(db, spec, conds, q, limit, params.cursor);
  const joined = params.sort ? spec.joinedSorts?.[params.sort.replace(/^-/, '')] : undefined;
  if (joined) {
    const matching = q ? [sql<boolean>`r.id in (select s.entity_id from search_index s where s.entity = ${spec.entity} and ${searchPredicate(db.engine, q)})`] : [];
    return listByJoinedSort<Row>(db, spec, [...conds, ...matching], joined, params.sort!.startsWith('-'), limit, params.cursor);
  }

  const sort = resolveSort(db, spec, params.sort);
  const dir = sort.desc ? sql`desc` : sql`asc`;
  // Sorting by id (createdAt) needs no tie-breaker: "order by r.id" alone lets the primary key index serve it.
  const byId = spec.sorts[sort.key] !== undefined && sort.key === 'createdAt';
  const keyset: RawBuilder<boolean>[] = [];
  if (params.cursor) {
    const [v, id] = decodeCursor(params.cursor, 2);
    if (byId) keyset.push(sort.desc ? sql<boolean>`r.id < ${id}` : sql<boolean>`r.id > ${id}`);
    else keyset.push(sort.desc ? sql<boolean>`(${sort.expr}, r.id) < (${v}, ${id})` : sql<boolean>`(${sort.expr}, r.id) > (${v}, ${id})`);
  }
  const order = byId ? sql`r.id ${dir}` : sql`${sort.expr} ${dir}, r.id ${dir}`;
  const table = sql.table(spec.table);
  const run = async (from: RawBuilder<unknown>, where: RawBuilder<boolean>[]) => {
    const rows = await sql<Row & { sortKey: CursorValue }>`select ${spec.columns}, ${sort.expr} as sort_key from ${from} where ${sql.join(where, sql` and `)} order by ${order} limit ${limit + 1}`.execute(db.kysely);
    return paginate(rows.rows, limit, (r) => [r.sortKey ?? null, r.id]);
  };
  if (!q) return run(sql`${table} r ${spec.joins}`, [...conds, ...keyset]);
  if (db.engine !== 'sqlite') {
    const matching = sql<boolean>`r.id in (select s.entity_id from search_index s where s.entity = ${spec.entity} and ${searchPredicate(db.engine, q)})`;
    return run(sql`${table} r ${spec.joins}`, [...conds, ...keyset, matching]);
  }

  // Sorted search on SQLite. Many matches: walk the next rows of the sort order (an index serves it and the cursor)
  // and keep those whose search row contains q; that fills a page unless the sort clusters the matches elsewhere
  // (a name sorted by name). Otherwise, and for few matches, collect every match through the FTS index and sort them.
  const match = ftsMatch(q);
  const n = Number((await sql<{ n: number }>`select count(*) as n from (select 1 from search_fts where search_fts match ${match} limit ${SORT_MATCHES_CAP + 1})`.execute(db.kysely)).rows[0]?.n ?? 0);
  if (n > SORT_MATCHES_CAP && spec.sorts[sort.key]) {
    // The walk ends where the sort index is SORT_WALK entries further (read from the index alone), so a miss is bounded.
    const ahead = sql`select ${sort.expr} as v, r.id as id from ${table} r where ${keyset.length ? sql.join(keyset, sql` and `) : sql`1 = 1`} order by ${order} limit 1 offset ${SORT_WALK}`;
    const bound = (await sql<{ v: CursorValue; id: string }>`${ahead}`.execute(db.kysely)).rows[0];
    const within = !bound ? [] : byId ? [sort.desc ? sql<boolean>`r.id >= ${bound.id}` : sql<boolean>`r.id <= ${bound.id}`] : [sort.desc ? sql<boolean>`(${sort.expr}, r.id) >= (${bound.v}, ${bound.id})` : sql<boolean>`(${sort.expr}, r.id) <= (${bound.v}, ${bound.id})`];
    const page = await run(sql`${table} r cross join search_index s on s.entity = ${spec.entity} and s.entity_id = r.id ${spec.joins}`, [...conds, ...keyset, ...within, rowContains(q)]);
    if (page.nextCursor || !bound) return page; // a full page, or the walk reached the end of the list: complete
  }
  const matches = sql`(select s.entity_id as id from search_fts f cross join search_index s on s.rid = f.rowid where f.search_fts match ${match} and s.entity = ${spec.entity})`;
  return run(sql`${matches} m cross join ${table} r on r.id = m.id ${spec.joins}`, [...conds, ...keyset]);
}

/**
 * Search without a sort: matches newest first (search rows are written in creation order). On SQLite the FTS
 * index yields matching rowids in descending order and the join stops at the page size, so no match set is sorted.
 */
async function searchNewestFirst<Row extends { id: string }>(db: Db, spec: ListSpec, conds: RawBuilder<boolean>[], q: string, limit: number, cursor: string | undefined): Promise<Page<Row>> {
  const after = cursor === undefined ? null : Number(decodeCursor(cursor, 1)[0]);
  let rows: (Row & { sortKey: number })[];
  if (db.engine === 'sqlite') {
    if (after !== null) conds.push(sql<boolean>`f.rowid < ${after}`);
    rows = (
      await sql<Row & { sortKey: number }>`select ${spec.columns}, f.rowid as sort_key
        from search_fts f cross join search_index s on s.rid = f.rowid cross join ${sql.table(spec.table)} r on r.id = s.entity_id ${spec.joins}
        where f.search_fts match ${ftsMatch(q)} and s.entity = ${spec.entity} and ${sql.join(conds, sql` and `)}
        order by f.rowid desc limit ${limit + 1}`.execute(db.kysely)
    ).rows;
  } else {
    if (after !== null) conds.push(sql<boolean>`s.rid < ${after}`);
    rows = (
      await sql<Row & { sortKey: number }>`select ${spec.columns}, s.rid as sort_key
        from search_index s join ${sql.table(spec.table)} r on r.id = s.entity_id ${spec.joins}
        where s.entity = ${spec.entity} and ${searchPredicate(db.engine, q)} and ${sql.join(conds, sql` and `)}
        order by s.rid desc limit ${limit + 1}`.execute(db.kysely)
    ).rows;
  }
  return paginate(rows, limit, (r) => [Number(r.sortKey)]);
}

function paginate<Row>(rows: Row[], limit: number, cursorOf: (r: Row) => CursorValue[]): Page<Row> {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  return { data, nextCursor: more ? encodeCursor(cursorOf(data[data.length - 1]!)) : null };
}

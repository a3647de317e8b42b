// Keyset-paginated, sorted, filtered and searched lists over contacts or companies, scoped to what the actor may see.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { AppError } from '../../core/errors.js';
import { decodeCursor, encodeCursor, type CursorValue, type Page } from '../../core/pagination.js';
import { customFilterSql, customValueSql, type CustomField } from './custom-fields.js';
import { searchPredicate } from './search-index.js';

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
}

export interface ListParams {
  limit: number;
  cursor?: string;
  sort?: string;
  q?: string;
  [key: string]: unknown;
}

function scopeSql(actor: Actor): RawBuilder<boolean> {
  if (actor.visibility === 'all') return sql<boolean>`1 = 1`;
  return actor.teamId ? sql<boolean>`(r.owner_id = ${actor.id} or r.team_id = ${actor.teamId})` : sql<boolean>`r.owner_id = ${actor.id}`;
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

function filterConditions(db: Db, spec: ListSpec, params: ListParams): RawBuilder<boolean>[] {
  const conds: RawBuilder<boolean>[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || ['limit', 'cursor', 'sort', 'q'].includes(name)) continue;
    if (name.startsWith('cf.')) {
      const f = spec.customFields.find((x) => x.key === name.slice(3));
      if (!f) throw new AppError('validation', `There is no custom field "${name.slice(3)}"`, [{ path: name, message: 'unknown custom field' }]);
      conds.push(customFilterSql(db.engine, 'r.custom', f, String(value)));
    } else if (spec.filters[name]) conds.push(spec.filters[name](String(value)));
    else throw new AppError('validation', `Unknown filter "${name}"`, [{ path: name, message: `filters are ${Object.keys(spec.filters).join(', ')} and cf.<key>` }]);
  }
  return conds;
}

/** Runs the list; rows come back raw for the caller to map. */
export async function listRecords<Row extends { id: string }>(db: Db, actor: Actor, spec: ListSpec, params: ListParams): Promise<Page<Row>> {
  const conds = [scopeSql(actor), ...filterConditions(db, spec, params)];
  const limit = params.limit;
  const q = params.q?.trim();
  let from = sql`${sql.table(spec.table)} r ${spec.joins}`;
  let order: RawBuilder<unknown>;
  let cursorOf: (row: Row & { sortKey?: CursorValue }) => CursorValue[];

  if (q && !params.sort) {
    // Matches in index order (newest first): the engine stops at the page size instead of sorting every match.
    const searchFrom = db.engine === 'sqlite' ? sql`search_fts f join search_index s on s.rid = f.rowid` : sql`search_index s`;
    from = sql`${searchFrom} join ${sql.table(spec.table)} r on r.id = s.entity_id ${spec.joins}`;
    conds.push(sql<boolean>`s.entity = ${spec.entity}`, searchPredicate(db.engine, q));
    const ridCol = db.engine === 'sqlite' ? sql`f.rowid` : sql`s.rid`;
    if (params.cursor) conds.push(sql<boolean>`${ridCol} < ${Number(decodeCursor(params.cursor, 1)[0])}`);
    order = sql`${ridCol} desc`;
    const columns = sql`${spec.columns}, ${ridCol} as sort_key`;
    const rows = await sql<Row & { sortKey: number }>`select ${columns} from ${from} where ${sql.join(conds, sql` and `)} order by ${order} limit ${limit + 1}`.execute(db.kysely);
    return paginate(rows.rows, limit, (r) => [r.sortKey]);
  }

  if (q) {
    conds.push(sql<boolean>`r.id in (select s.entity_id from ${db.engine === 'sqlite' ? sql`search_fts f join search_index s on s.rid = f.rowid` : sql`search_index s`} where s.entity = ${spec.entity} and ${searchPredicate(db.engine, q)})`);
  }
  const sort = resolveSort(db, spec, params.sort);
  const dir = sort.desc ? sql`desc` : sql`asc`;
  if (params.cursor) {
    const [v, id] = decodeCursor(params.cursor, 2);
    conds.push(sort.desc ? sql<boolean>`(${sort.expr}, r.id) < (${v}, ${id})` : sql<boolean>`(${sort.expr}, r.id) > (${v}, ${id})`);
  }
  order = sql`${sort.expr} ${dir}, r.id ${dir}`;
  cursorOf = (r) => [r.sortKey ?? null, r.id];
  const rows = await sql<Row & { sortKey: CursorValue }>`select ${spec.columns}, ${sort.expr} as sort_key from ${from} where ${sql.join(conds, sql` and `)} order by ${order} limit ${limit + 1}`.execute(db.kysely);
  return paginate(rows.rows, limit, cursorOf);
}

function paginate<Row>(rows: Row[], limit: number, cursorOf: (r: Row) => CursorValue[]): Page<Row> {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  return { data, nextCursor: more ? encodeCursor(cursorOf(data[data.length - 1]!)) : null };
}

// A list sorted by a value in another table (a model's score): the rows that have one, walked through that table's
// (…, value, id) index with a keyset cursor, and the rows without one, walked by id. Missing counts as the lowest
// value, so highest-first gives the scored rows then the rest and lowest-first the other way round. A cursor
// [value, id] with a null value is in the rows without one.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../core/db/database.js';
import { decodeCursor, encodeCursor, type CursorValue, type Page } from '../../core/pagination.js';
import type { JoinedSort } from './contact-list-sorts.js';

interface Spec {
  table: string;
  columns: RawBuilder<unknown>;
  joins: RawBuilder<unknown>;
}

type Phase = 'valued' | 'missing';

export async function listByJoinedSort<Row extends { id: string }>(db: Db, spec: Spec, conds: RawBuilder<boolean>[], js: JoinedSort, desc: boolean, limit: number, cursor: string | undefined): Promise<Page<Row>> {
  const phases: Phase[] = desc ? ['valued', 'missing'] : ['missing', 'valued'];
  const after = cursor ? decodeCursor(cursor, 2) : null;
  const start = after ? phases.indexOf(after[0] === null ? 'missing' : 'valued') : 0;
  const dir = desc ? sql`desc` : sql`asc`;
  const cmp = sql.raw(desc ? '<' : '>');
  const k = { table: sql.table(js.table), id: sql.ref(`k.${js.idColumn}`), value: sql.ref(`k.${js.valueColumn}`) };
  const table = sql.table(spec.table);
  const rows: (Row & { sortKey: CursorValue })[] = [];
  for (let i = start; i < phases.length && rows.length <= limit; i++) {
    const keyset = i === start && after ? after : null;
    const where = [...conds];
    let query: RawBuilder<Row & { sortKey: CursorValue }>;
    if (phases[i] === 'valued') {
      if (keyset) where.push(sql<boolean>`(${k.value}, ${k.id}) ${cmp} (${keyset[0]}, ${keyset[1]})`);
      // SQLite: "cross join" keeps the value table as the outer loop so its index gives the order (no sort).
      const join = db.engine === 'sqlite' ? sql`cross join` : sql`join`;
      query = sql`select ${spec.columns}, ${k.value} as sort_key from ${k.table} k ${join} ${table} r on r.id = ${k.id} ${spec.joins}
        where ${js.where} and ${sql.join(where, sql` and `)} order by ${k.value} ${dir}, ${k.id} ${dir} limit ${limit + 1 - rows.length}`;
    } else {
      if (keyset) where.push(sql<boolean>`r.id ${cmp} ${keyset[1]}`);
      query = sql`select ${spec.columns}, null as sort_key from ${table} r ${spec.joins}
        where not exists (select 1 from ${k.table} k where ${js.where} and ${k.id} = r.id) and ${sql.join(where, sql` and `)} order by r.id ${dir} limit ${limit + 1 - rows.length}`;
    }
    rows.push(...(await query.execute(db.kysely)).rows);
  }
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return { data, nextCursor: more && last ? encodeCursor([last.sortKey === null || last.sortKey === undefined ? null : Number(last.sortKey), last.id]) : null };
}

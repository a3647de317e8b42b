// Median and 90th percentile of durations in SQL on both engines: the minutes between two ISO timestamps (julianday
// on SQLite, epoch seconds on PostgreSQL), ordered in the database; the two rows around each rank are read and
// interpolated linearly (PostgreSQL's percentile_cont), so no engine-only aggregate is needed.
import { sql, type RawBuilder } from 'kysely';
import type { Engine } from '../../../core/db/database.js';

export function minutesBetween(engine: Engine, start: string, end: string): RawBuilder<number> {
  return engine === 'postgres'
    ? sql<number>`(extract(epoch from (${sql.ref(end)}::timestamptz - ${sql.ref(start)}::timestamptz)) / 60.0)`
    : sql<number>`((julianday(${sql.ref(end)}) - julianday(${sql.ref(start)})) * 1440.0)`;
}

/** The value at fraction p of the sorted values, interpolated; `at(offset, n)` reads n sorted values from an offset. */
export async function percentile(total: number, p: number, at: (offset: number, n: number) => Promise<number[]>): Promise<number | null> {
  if (total === 0) return null;
  const rank = p * (total - 1);
  const lo = Math.floor(rank);
  const values = await at(lo, rank > lo ? 2 : 1);
  const v = values[0]! + (values.length > 1 ? (values[1]! - values[0]!) * (rank - lo) : 0);
  return Math.round(v * 10) / 10;
}

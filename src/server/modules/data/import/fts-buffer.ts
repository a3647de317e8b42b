// SQLite: a batch's search rows go into the FTS5 index through a larger in-memory buffer (the same setting the bulk
// seed uses), so a batch is flushed as one segment instead of several; restored before the transaction commits,
// so no other writer ever sees the changed setting. (Literal values: FTS5 refuses a bound number, which arrives as a REAL.)
import { sql } from 'kysely';
import type { DbOrTrx, Engine } from '../../../core/db/database.js';

const BATCH_HASH = 64 * 2 ** 20;
const DEFAULT_HASH = 2 ** 20;

export async function withLargeFtsBuffer<T>(trx: DbOrTrx, engine: Engine, fn: () => Promise<T>): Promise<T> {
  if (engine !== 'sqlite') return fn();
  await sql`insert into search_fts(search_fts, rank) values ('hashsize', ${sql.raw(String(BATCH_HASH))})`.execute(trx);
  const out = await fn();
  await sql`insert into search_fts(search_fts, rank) values ('hashsize', ${sql.raw(String(DEFAULT_HASH))})`.execute(trx);
  return out;
}

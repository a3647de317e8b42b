// Database connections the demo seed writes through, and spreading its writes over them.
import { sql } from 'kysely';
import type { Db } from '../core/db/database.js';

/**
 * On PostgreSQL, n connections pinned for the seed with asynchronous commit: every service call commits its own
 * transaction, and waiting for a WAL flush each time is most of the seed's time. A crash may lose the last moments
 * of a seed, never consistency; the setting is reset before the connections go back to the pool.
 * SQLite has one connection, so it gets just the Db it came with.
 */
export async function withWriters<T>(db: Db, n: number, fn: (writers: Db[]) => Promise<T>): Promise<T> {
  if (db.engine !== 'postgres') return fn([db]);
  const writers: Db[] = [];
  const open = (): Promise<T> =>
    writers.length >= n
      ? fn(writers)
      : db.kysely.connection().execute(async (k) => {
          await sql`set synchronous_commit = off`.execute(k);
          writers.push({ ...db, kysely: k });
          try {
            return await open();
          } finally {
            await sql`reset synchronous_commit`.execute(k);
          }
        });
  return open();
}

/** Runs fn over items, one worker per writer, each writing through its own connection. */
export async function runOn<T>(writers: Db[], items: readonly T[], fn: (item: T, db: Db, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (db: Db) => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, db, i);
    }
  };
  await Promise.all(writers.map(worker));
}

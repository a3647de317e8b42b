// Runs code written against a Db (services that open their own transactions) inside one outer transaction, so a
// seed is all-or-nothing: each inner `db.kysely.transaction()` becomes a savepoint of the outer one.
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../core/db/database.js';
import type { Database } from '../db-schema.js';

export async function inOneTransaction<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  const trx = await db.kysely.startTransaction().execute();
  let n = 0;
  // One connection: inner transactions run one after another, as they would queue on SQLite's single connection.
  let queue: Promise<unknown> = Promise.resolve();
  const savepointed = <R>(inner: (t: Transaction<Database>) => Promise<R>): Promise<R> => {
    const run = async () => {
      const name = `sp${++n}`;
      const sp = await trx.savepoint(name).execute();
      try {
        const out = await inner(sp);
        await sp.releaseSavepoint(name).execute();
        return out;
      } catch (err) {
        // Undoes the inner transaction only, as its own rollback would have; the caller decides what to do next.
        await sp.rollbackToSavepoint(name).execute();
        await sp.releaseSavepoint(name).execute();
        throw err;
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => {});
    return result;
  };
  const builder = {
    setIsolationLevel: () => builder,
    setAccessMode: () => builder,
    execute: savepointed,
  };
  // Kysely keeps its state in private fields, so its methods must be called on the real object, not the proxy.
  const kysely = new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => builder;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Kysely<Database>;
  try {
    const out = await fn({ ...db, kysely });
    await trx.commit().execute();
    return out;
  } catch (err) {
    await trx.rollback().execute();
    throw err;
  }
}

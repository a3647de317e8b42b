// A write thread for a SQLite file: statements compiled by Kysely on the main thread run in a worker thread with a
// connection of its own (sqlite-write-worker.mjs), one transaction per call. better-sqlite3 is synchronous, so a hot
// write path (the tracking intake) otherwise spends the event loop on inserts and commits; here the loop goes on
// parsing requests while the previous group commits. PostgreSQL needs none of this (its driver is asynchronous).
import { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';
import type { Db } from './database.js';
import { sqliteLockWaitMs } from './sqlite-immediate-driver.js';

export type WriteStatement = Pick<CompiledQuery, 'sql' | 'parameters'>;

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
}

export class SqliteWriteThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiter>();
  private nextId = 1;
  private failure: Error | null = null;
  /** The newest write (the thread runs them in order): close() lets it finish. */
  private last: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    this.worker = new Worker(new URL('./sqlite-write-worker.mjs', import.meta.url), { workerData: { file, lockWaitMs: sqliteLockWaitMs() } });
    // Idle, the thread does not keep the process alive; with writes in flight it does (see run()).
    this.worker.unref();
    this.worker.on('message', (m: { id: number; error?: { message: string; code?: string } }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.settle(m.id);
      if (m.error) w.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      else w.resolve();
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      for (const [id, w] of this.waiting) {
        this.settle(id);
        w.reject(this.failure);
      }
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`The SQLite write thread stopped (exit code ${code})`)));
  }

  private settle(id: number) {
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker.unref();
  }

  /** Runs the statements in one transaction (BEGIN IMMEDIATE … COMMIT); resolves once committed, rejects after a rollback. */
  run(statements: readonly WriteStatement[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const done = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    if (this.waiting.size === 1) this.worker.ref();
    this.worker.postMessage({ id, queries: statements.map((s) => ({ sql: s.sql, parameters: s.parameters })) });
    this.last = done.catch(() => undefined);
    return done;
  }

  /** Lets the writes already handed over commit, then stops the thread. */
  async close(): Promise<void> {
    await this.last;
    this.failure ??= new Error('The SQLite write thread is closed');
    await this.worker.terminate();
  }
}

const threads = new WeakMap<Db, SqliteWriteThread>();

/** The write thread of a SQLite file database (started on first use); null on PostgreSQL and in-memory SQLite. */
export function writeThreadOf(db: Db): SqliteWriteThread | null {
  if (!db.sqliteFile) return null;
  let t = threads.get(db);
  if (!t) threads.set(db, (t = new SqliteWriteThread(db.sqliteFile)));
  return t;
}

/** Stops the database's write thread, if it has one (Db.close calls it). */
export async function closeWriteThread(db: Db): Promise<void> {
  const t = threads.get(db);
  threads.delete(db);
  await t?.close();
}

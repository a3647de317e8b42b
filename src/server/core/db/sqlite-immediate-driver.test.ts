// Two connections on one SQLite file: transactions that read then write queue for the write lock instead of failing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../../test/test-app.js';
import { openDatabase, type Db } from './database.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rapport-immediate-'));
const url = `sqlite:${path.join(dir, 'two.db')}`;
let a: Db;
let b: Db;
const counter = async (db: Db) => (await sql<{ n: number }>`select n from counter`.execute(db.kysely)).rows[0]!.n;

// Both connections live in this one process: had either waited synchronously (busy_timeout), the event loop would stop
// and the lock holder could never commit, so these tests also prove the wait is asynchronous.
describe.runIf(engine === 'sqlite')('SQLite write transactions across connections', () => {
  beforeAll(async () => {
    a = openDatabase(url);
    b = openDatabase(url);
    await sql`create table counter (n integer not null)`.execute(a.kysely);
    await sql`insert into counter values (0)`.execute(a.kysely);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('read-modify-write transactions on two connections all commit, none lost (a deferred BEGIN fails here with SQLITE_BUSY)', async () => {
    const increment = (db: Db) =>
      db.kysely.transaction().execute(async (trx) => {
        const n = (await sql<{ n: number }>`select n from counter`.execute(trx)).rows[0]!.n;
        await new Promise((r) => setTimeout(r, 2)); // the other connection gets a turn between the read and the write
        await sql`update counter set n = ${n + 1}`.execute(trx);
      });
    const before = await counter(a);
    await Promise.all(Array.from({ length: 40 }, (_, i) => increment(i % 2 ? a : b)));
    expect(await counter(a)).toBe(before + 40);
  });

  it('a single statement waits for the other connection’s transaction, and timers keep firing meanwhile', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    let release!: () => void;
    const held = a.kysely.transaction().execute(async (trx) => {
      await sql`update counter set n = n + 100`.execute(trx);
      await new Promise<void>((r) => (release = r));
    });
    await new Promise((r) => setTimeout(r, 20));
    const write = sql`update counter set n = n + 1`.execute(b.kysely);
    await new Promise((r) => setTimeout(r, 200));
    const ticksWhileWaiting = ticks;
    release();
    await Promise.all([held, write]);
    clearInterval(ticker);
    expect(ticksWhileWaiting).toBeGreaterThan(5);
    expect((await counter(b)) % 100).toBe(41);
  });

  it('a read-only transaction does not hold the other connection’s writes up', async () => {
    let release!: () => void;
    const reading = a.kysely.transaction().setAccessMode('read only').execute(async (trx) => {
      const n = await counter({ ...a, kysely: trx });
      await new Promise<void>((r) => (release = r));
      return n;
    });
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    await sql`update counter set n = n + 1`.execute(b.kysely);
    expect(Date.now() - started).toBeLessThan(100);
    release();
    expect((await counter(b)) - (await reading)).toBe(1); // the reader kept its snapshot
  });

  it('gives up after RAPPORT_SQLITE_LOCK_WAIT_MS with SQLITE_BUSY', async () => {
    process.env.RAPPORT_SQLITE_LOCK_WAIT_MS = '100';
    let release!: () => void;
    const held = a.kysely.transaction().execute(async () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 20));
    try {
      await expect(b.kysely.transaction().execute(async () => {})).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    } finally {
      delete process.env.RAPPORT_SQLITE_LOCK_WAIT_MS;
      release();
      await held;
    }
  });
});

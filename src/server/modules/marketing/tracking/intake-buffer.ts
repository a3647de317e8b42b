// Stores accepted batches before answering, with group commit: requests arriving together are written in one
// transaction (one fsync for many), and each request is answered only once its rows are in the database. Refusal
// counts per site, day and reason ride along in the same transaction.
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { newId, nowIso } from '../../../core/ids.js';
import type { WebIntakeTable } from './tracking-tables.js';

interface Pending {
  rows: WebIntakeTable[];
  rejections: Map<string, number>; // `${siteId}\n${reason}` → count
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

const buffers = new WeakMap<Db, { pending: Pending | null; flushing: Promise<void> | null; lastWrite: number }>();
/** "Under load": the previous transaction ended less than this long ago. */
const BUSY_MS = 10;
const empty = (): Pending => ({ rows: [], rejections: new Map(), waiters: [] });

function stateOf(db: Db) {
  let s = buffers.get(db);
  if (!s) buffers.set(db, (s = { pending: null, flushing: null, lastWrite: 0 }));
  return s;
}

async function addRejections(trx: DbOrTrx, rejections: Map<string, number>, day: string): Promise<void> {
  for (const [key, count] of rejections) {
    const [siteId, reason] = key.split('\n') as [string, string];
    await trx
      .insertInto('webRejections')
      .values({ siteId, day, reason, count })
      .onConflict((oc) => oc.columns(['siteId', 'day', 'reason']).doUpdateSet({ count: sql`web_rejections.count + ${count}` }))
      .execute();
  }
}

async function write(db: Db, batch: Pending): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < batch.rows.length; i += 200) await trx.insertInto('webIntake').values(batch.rows.slice(i, i + 200)).execute();
    await addRejections(trx, batch.rejections, nowIso().slice(0, 10));
  });
}

/** Transactions written and rows in them since start-up (the bench reports rows per transaction). */
export const intakeWrites = { transactions: 0, rows: 0 };

function schedule(db: Db): Promise<void> {
  const s = stateOf(db);
  const batch = s.pending!;
  const done = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }));
  if (!s.flushing) {
    // Whatever arrives while one transaction is being written goes into the next one.
    const run = async () => {
      // Quiet: write at the next turn of the event loop. Busy: one turn more (it reads the sockets that became ready), so
      // the requests arriving meanwhile share the transaction; a commit costs about as much as writing six rows, and
      // with one-event requests transactions of 2–3 rows capped intake near 6,000 requests/s.
      await new Promise((r) => setImmediate(r));
      if (performance.now() - s.lastWrite < BUSY_MS) await new Promise((r) => setImmediate(r));
      while (s.pending) {
        const next = s.pending;
        s.pending = null;
        try {
          await write(db, next);
          intakeWrites.transactions++;
          intakeWrites.rows += next.rows.length;
          for (const w of next.waiters) w.resolve();
        } catch (err) {
          for (const w of next.waiters) w.reject(err);
        }
        // Requests that came in during this write are still being read: let that turn of the event loop finish, so the
        // next transaction takes every request that is already in.
        if (s.pending) await new Promise((r) => setImmediate(r));
      }
      s.lastWrite = performance.now();
      s.flushing = null;
    };
    s.flushing = run();
  }
  return done;
}

/** Stores one accepted batch (and the refusals counted with it); resolves once it is committed. */
export function storeBatch(db: Db, siteId: string, payload: unknown, rejections: { siteId: string; reason: string }[] = []): Promise<void> {
  const s = stateOf(db);
  s.pending ??= empty();
  s.pending.rows.push({ id: newId(), siteId, payload: JSON.stringify(payload), receivedAt: nowIso(), claimedUntil: null });
  for (const r of rejections) countInto(s.pending, r.siteId, r.reason);
  return schedule(db);
}

function countInto(p: Pending, siteId: string, reason: string) {
  const key = `${siteId}\n${reason}`;
  p.rejections.set(key, (p.rejections.get(key) ?? 0) + 1);
}

/** Counts a refused request or event (siteId '' when the site is unknown); written with the next transaction. */
export function countRejection(db: Db, siteId: string, reason: string): Promise<void> {
  const s = stateOf(db);
  s.pending ??= empty();
  countInto(s.pending, siteId, reason);
  return schedule(db);
}

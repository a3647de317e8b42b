// Stores accepted batches before answering, with group commit: requests arriving together are written in one
// transaction (one fsync for many), and each request is answered only once its rows are in the database. Refusal
// counts per site, day and reason ride along in the same transaction. On a SQLite file the transactions run on the
// database's write thread (core/db/sqlite-write-thread.ts), so the event loop parses the next requests meanwhile.
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeThreadOf } from '../../../core/db/sqlite-write-thread.js';
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

const rejectionUpserts = (k: DbOrTrx, rejections: Map<string, number>, day: string) =>
  [...rejections].map(([key, count]) => {
    const [siteId, reason] = key.split('\n') as [string, string];
    return k
      .insertInto('webRejections')
      .values({ siteId, day, reason, count })
      .onConflict((oc) => oc.columns(['siteId', 'day', 'reason']).doUpdateSet({ count: sql`web_rejections.count + ${count}` }));
  });

const INTAKE_COLUMNS = ['id', 'siteId', 'payload', 'receivedAt', 'claimedUntil'] as const satisfies readonly (keyof WebIntakeTable)[];
const intakeInserts = new WeakMap<Db, { sql: string; order: (typeof INTAKE_COLUMNS)[number][] }>();

/** The one-row intake insert, compiled by Kysely once per database, and where each column's value goes in it. */
function intakeInsert(db: Db) {
  let t = intakeInserts.get(db);
  if (!t) {
    const marks = Object.fromEntries(INTAKE_COLUMNS.map((c) => [c, `\u0000${c}`])) as unknown as WebIntakeTable;
    const q = db.kysely.insertInto('webIntake').values(marks).compile();
    const order = q.parameters.map((p) => INTAKE_COLUMNS.find((c) => marks[c] === p)!);
    if (order.length !== INTAKE_COLUMNS.length || order.includes(undefined!)) throw new Error('intake insert: unexpected parameters');
    intakeInserts.set(db, (t = { sql: q.sql, order }));
  }
  return t;
}

async function write(db: Db, batch: Pending): Promise<void> {
  const day = nowIso().slice(0, 10);
  const thread = writeThreadOf(db);
  if (thread) {
    // SQLite on a file: the inserts and the commit run on the write thread; this event loop goes on taking requests.
    const insert = intakeInsert(db);
    const rows = batch.rows.map((r) => ({ sql: insert.sql, parameters: insert.order.map((c) => r[c]) }));
    return thread.run([...rows, ...rejectionUpserts(db.kysely, batch.rejections, day).map((q) => q.compile())]);
  }
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < batch.rows.length; i += 200) await trx.insertInto('webIntake').values(batch.rows.slice(i, i + 200)).execute();
    for (const q of rejectionUpserts(trx, batch.rejections, day)) await q.execute();
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
        // The write thread answers in the middle of reading the sockets: let that turn finish, so the next transaction
        // takes every request that is already in (without this, one-event requests went one per transaction).
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

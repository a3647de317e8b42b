// The thread behind sqlite-write-thread.ts (plain JavaScript: a worker thread loads it without the TypeScript loader).
// It owns a better-sqlite3 connection to the server's SQLite file and runs each message's statements — already
// compiled by Kysely on the main thread — in one BEGIN IMMEDIATE transaction, then answers { id } or { id, error }.
// Waiting for another process's write lock (busy_timeout) blocks only this thread, never the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma(`busy_timeout = ${workerData.lockWaitMs}`);

const prepared = new Map();
const statement = (text) => {
  let s = prepared.get(text);
  if (!s) {
    if (prepared.size >= 200) prepared.clear();
    prepared.set(text, (s = db.prepare(text)));
  }
  return s;
};
const begin = db.prepare('begin immediate');
const commit = db.prepare('commit');
const rollback = db.prepare('rollback');

parentPort.on('message', ({ id, queries }) => {
  try {
    begin.run();
    for (const q of queries) statement(q.sql).run(...q.parameters);
    commit.run();
    parentPort.postMessage({ id });
  } catch (err) {
    if (db.inTransaction) rollback.run();
    parentPort.postMessage({ id, error: { message: String(err?.message ?? err), code: err?.code } });
  }
});

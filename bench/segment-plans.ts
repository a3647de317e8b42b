// Query plans of one segment request: records the statements the server runs for it (better-sqlite3 statements, or
// pg client queries) and prints each one on contacts / orders / web events with its plan — EXPLAIN QUERY PLAN on
// SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL — so BENCHMARKS.md can show what the wall times come from.
import pg from 'pg';
import { CompiledQuery } from 'kysely';
import type { Db } from '../src/server/core/db/database.js';
import { capture, explain, installCapture, type Captured } from './query-plans.js';

let pgCapturing: Captured[] | null = null;
let pgInstalled = false;

function installPgCapture(): void {
  if (pgInstalled) return;
  pgInstalled = true;
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string; values?: unknown[] };
    const text = typeof q === 'string' ? q : q?.text;
    const values = (typeof q === 'string' ? args[1] : q?.values) as unknown[] | undefined;
    if (pgCapturing && text && /^\s*select/i.test(text)) pgCapturing.push({ sql: text, params: values ?? [] });
    return original.apply(this, args);
  };
}

const interesting = /\b(contacts|orders|web_events|web_daily)\b/;

export async function printPlans(db: Db, log: (line: string) => void, work: () => Promise<unknown>): Promise<void> {
  if (db.sqlite) {
    installCapture();
    const statements = await capture(work);
    for (const q of statements.filter((s) => interesting.test(s.sql))) {
      log(`  SQL ${q.sql}\n  params ${JSON.stringify(q.params)}\n    ${explain(db.sqlite, q).plan.join('\n    ')}`);
    }
    return;
  }
  installPgCapture();
  pgCapturing = [];
  try {
    await work();
  } finally {
    const statements = pgCapturing;
    pgCapturing = null;
    for (const q of statements.filter((s) => interesting.test(s.sql) && !/^\s*explain/i.test(s.sql))) {
      const rows = (await db.kysely.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${q.sql}`, q.params))).rows;
      log(`  SQL ${q.sql}\n  params ${JSON.stringify(q.params)}\n    ${rows.map((r) => r['QUERY PLAN']).join('\n    ')}`);
    }
  }
}

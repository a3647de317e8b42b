// Captures the SQL that the server runs for a request (better-sqlite3 statements) and explains it,
// flagging full scans, FTS scans without MATCH and sorts of whole result sets.
import Database from 'better-sqlite3';

export interface Captured {
  sql: string;
  params: unknown[];
}

let capturing: Captured[] | null = null;

/** Wraps Statement#all/get/iterate once, process-wide; capture() turns recording on for one piece of work. */
export function installCapture(): void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...a: unknown[]) => unknown>;
  probe.close();
  for (const method of ['all', 'get', 'iterate']) {
    const original = proto[method]!;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      if (capturing && /^\s*select/i.test(this.source)) capturing.push({ sql: this.source, params: args.flat() });
      return original.apply(this, args);
    };
  }
}

export async function capture(work: () => Promise<unknown>): Promise<Captured[]> {
  capturing = [];
  try {
    await work();
    return capturing;
  } finally {
    capturing = null;
  }
}

/** Statements on the big tables are checked; small ones (sessions, users, custom fields) may scan and sort. */
const bigTables = /\b(contacts|companies|search_index|search_fts|interactions|tags|tasks|deals|lead_details)\b/;

export function explain(db: Database.Database, q: Captured): { plan: string[]; problems: string[] } {
  const rows = db.prepare(`explain query plan ${q.sql}`).all(...(q.params as unknown[])) as { detail: string }[];
  const plan = rows.map((r) => r.detail);
  const problems = bigTables.test(q.sql) ? plan.filter((d) => (/^SCAN \S+( AS \S+)?$/.test(d) && !d.startsWith('SCAN (')) || /VIRTUAL TABLE INDEX \d+:$/.test(d) || /^USE TEMP B-TREE FOR (ORDER BY|RIGHT PART OF ORDER BY)/.test(d)) : [];
  return { plan, problems };
}

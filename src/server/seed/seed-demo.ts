// `rapport seed --demo`: a realistic bilingual demo (staff, companies, contacts, timeline) written through the real services,
// so the audit log, the search index and the event outbox are exactly what the app itself would have produced.
import type { Db } from '../core/db/database.js';
import { countDemoUsers, createStaff, demoEmail, ensureCustomFields } from './demo-accounts.js';
import { createDemoCompanies } from './demo-companies.js';
import { createDemoContacts } from './demo-contacts.js';
import { makeRand } from './demo-random.js';
import { withWriters } from './demo-writers.js';
import { createDemoTimeline } from './demo-timeline.js';
import { seedDemoSales } from './demo-sales.js';
import { createDemoLeads } from './demo-leads.js';
import { DEMO_DOMAIN, DEMO_PASSWORD } from './demo-words.js';
import { inOneTransaction } from './one-transaction.js';

export interface DemoOptions {
  companies?: number;
  contacts?: number;
  seed?: number;
  /** PostgreSQL connections writing at once (default 6, at most 8); SQLite always writes through its one connection. */
  parallel?: number;
  /** Progress lines as the seed goes (default: to stderr when it is a terminal). */
  log?: (line: string) => void;
}

/**
 * On SQLite the whole demo is one transaction: a seed that fails or is killed leaves nothing behind, so running it
 * again starts afresh instead of finding half a demo "already seeded". It holds the write lock meanwhile (seconds);
 * a running server's writes wait for it (see sqlite-immediate-driver.ts). On PostgreSQL the seed writes over several
 * connections in short transactions: one long transaction there would commit outbox events far older than the
 * consumers' lag, and they would be skipped.
 */
export async function seedDemo(db: Db, opts: DemoOptions = {}): Promise<string> {
  return db.engine === 'sqlite' ? inOneTransaction(db, (trx) => seedDemoIn(trx, opts)) : seedDemoIn(db, opts);
}

async function seedDemoIn(db: Db, opts: DemoOptions): Promise<string> {
  const { companies: companyCount = 300, contacts: contactCount = 2000, seed = 20261125 } = opts;
  const log = opts.log ?? (process.stderr.isTTY ? (line: string) => process.stderr.write(`  … ${line}\n`) : () => {});
  const existing = await countDemoUsers(db);
  if (existing > 0) {
    return [
      `The demo is already seeded (${existing} users @${DEMO_DOMAIN} exist); nothing was changed.`,
      `Log in as ${demoEmail('wang.fang')} with the password ${DEMO_PASSWORD} (unless it was changed since).`,
    ].join('\n');
  }
  // PostgreSQL overlaps writes over a few connections (the pool holds 10); SQLite has one connection anyway.
  const parallel = Math.min(opts.parallel ?? 6, 8);
  const r = makeRand(seed);
  const started = Date.now();
  const lap = (() => {
    let last = started;
    return () => {
      const now = Date.now();
      const s = ((now - last) / 1000).toFixed(1);
      last = now;
      return `${s} s`;
    };
  })();

  const { staff, companies, contacts, timeline } = await withWriters(db, parallel, async (writers) => {
    const w = writers[0]!;
    const staff = await createStaff(w);
    await ensureCustomFields(w, staff.admin);
    log(`staff and custom fields: ${lap()}`);
    const companies = await createDemoCompanies(writers, r, staff, companyCount);
    log(`${companies.length} companies: ${lap()}`);
    const contacts = await createDemoContacts(writers, r, staff, companies, contactCount);
    log(`${contacts.length} contacts: ${lap()}`);
    const timeline = await createDemoTimeline(writers, r, staff, contacts);
    log(`interactions: ${lap()}`);
    log(`${await createDemoLeads(w, r, staff)} inbound leads with scoring and assignment rules: ${lap()}`);
    return { staff, companies, contacts, timeline };
  });
  const interactions = Object.values(timeline.byType).reduce((a, b) => a + b, 0);
  const sales = await seedDemoSales(db, makeRand(seed + 7)); // products, pipelines, deals, quotas, two years of orders

  const stages = new Map<string, number>();
  for (const c of contacts) stages.set(c.stage, (stages.get(c.stage) ?? 0) + 1);
  const login = (s: (typeof staff.members)[number]) => `  ${s.email.padEnd(34)} ${s.spec.role.padEnd(10)} ${s.spec.team ?? ''} ${s.spec.name}`;
  return [
    `Demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (${db.engine}):`,
    `  ${staff.members.length} users in 5 teams, 5 custom fields`,
    `  ${companies.length} companies, ${contacts.length} contacts (${[...stages].map(([s, n]) => `${s} ${n}`).join(', ')})`,
    `  ${interactions} interactions (${Object.entries(timeline.byType).map(([t, n]) => `${t} ${n}`).join(', ')}); ${timeline.openTasks} open tasks, ${timeline.overdueTasks} overdue`,
    sales,
    '',
    `Demo users (password for all: ${DEMO_PASSWORD}):`,
    ...staff.members.map(login),
    ...(staff.keptAdmin ? [`  (the existing admin ${staff.keptAdmin} was kept; no demo admin was created)`] : []),
  ].join('\n');
}

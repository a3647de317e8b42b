// Outbound event volume of a bulk contact import, run by hand: `RAPPORT_TEST_DB=sqlite|postgres npx tsx bench/bulk-events.ts [rows]`.
// Imports N lead-stage contacts without owners (as the CLI does) into a fresh database with a round-robin assignment
// rule and one "*" webhook, lets leads, scoring, assignment and webhook fan-out settle, then counts the outbox rows by
// type, the webhook deliveries, notifications, and whether every lead was scored and assigned. Deliveries are counted,
// not sent (the settle loop runs the fan-out, not the sender).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newId, nowIso } from '../src/server/core/ids.js';
import { runNextJob } from '../src/server/core/jobs/job-queue.js';
import { startTestApp } from '../src/server/test/test-app.js';
import { importFileFromCli } from '../src/server/modules/data/index.js';
import { fanOutEvents } from '../src/server/modules/data/webhooks/webhook-delivery.js';
import { consumeLeadEvents } from '../src/server/modules/sales/leads/lead-events.js';
import { consumeScoringEvents } from '../src/server/modules/sales/scoring/scoring-consumer.js';
import { assignPendingLeads } from '../src/server/modules/sales/assignment/assign-leads.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';
const rows = Number(process.argv[2] ?? 100_000);

const t = await startTestApp();
const db = t.app.db;
const team = (await t.json('POST', '/api/v1/teams', t.admin, { name: 'East' })).body;
for (const k of ['wang', 'li']) await t.json('POST', '/api/v1/users', t.admin, { email: `${k}@example.com`, name: k, password: 'password-123', role: 'sales', teamId: team.id });
await t.json('POST', '/api/v1/lead-assignment/rules', t.admin, { name: 'Everyone', strategy: 'round_robin', teamId: team.id });
await t.json('POST', '/api/v1/lead-scoring/rules', t.admin, { kind: 'attribute', name: 'Fair', field: 'source', operator: 'equals', value: 'fair', points: 12 });
// Straight into the table: the URL is never called, and URL-safety checks on the route must not refuse it.
await db.kysely.insertInto('webhooks').values({ id: newId(), url: 'http://127.0.0.1:9/hook', events: '["*"]', secret: 'whsec_bench', active: 1, createdBy: null, createdAt: nowIso() } as never).execute();

const dir = mkdtempSync(path.join(tmpdir(), 'bulk-events-'));
const file = path.join(dir, 'leads.csv');
const lines = ['Name,Email,Company,Job Title,Source'];
for (let i = 0; i < rows; i++) lines.push(`Lead ${i},lead${i}@bench${i % 97}.example.com,Company ${i % 500},${i % 3 ? 'Engineer' : 'Buyer'},${i % 2 ? 'fair' : 'web'}`);
writeFileSync(file, lines.join('\n'));

const t0 = performance.now();
await importFileFromCli(db, { file, object: 'contacts' }, { log: () => {}, err: () => {} });
const t1 = performance.now();
for (;;) {
  const n = (await consumeLeadEvents(db)) + (await consumeScoringEvents(db)) + (await runNextJob(db)) + (await assignPendingLeads(db, 200)) + (await fanOutEvents(db));
  if (n === 0) break;
}
const t2 = performance.now();

const k = db.kysely;
const outbox = await k.selectFrom('outbox').select(['type', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('type').orderBy('type').execute();
const count = async (table: 'webhookDeliveries' | 'notifications' | 'leadScores') => Number((await k.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const assignment = await k.selectFrom('leadDetails').select(['assignmentStatus', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('assignmentStatus').execute();
const fair = await k.selectFrom('leadScores').select((eb) => eb.fn.countAll<number>().as('n')).where('score', '>', 0).executeTakeFirstOrThrow();
console.log(JSON.stringify({
  engine: db.engine, rows,
  importSeconds: +((t1 - t0) / 1000).toFixed(1), settleSeconds: +((t2 - t1) / 1000).toFixed(1),
  outbox: Object.fromEntries(outbox.map((r) => [r.type, Number(r.n)])), outboxTotal: outbox.reduce((s, r) => s + Number(r.n), 0),
  deliveries: await count('webhookDeliveries'), notifications: await count('notifications'), leadScores: await count('leadScores'), scoredAboveZero: Number(fair.n),
  assignment: Object.fromEntries(assignment.map((r) => [r.assignmentStatus, Number(r.n)])),
}, null, 1));
await t.close();
rmSync(dir, { recursive: true, force: true });

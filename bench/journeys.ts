// BENCH_ONLY=journeys: journey step throughput. BENCH_JOURNEY_ENROLMENTS contacts (10,000, e-mail consent granted)
// are enrolled by hand into wait 1 minute → add tag → branch (has the tag?) → yes: send e-mail / no: end. The runner
// (the worker's poller function, one transaction per step) schedules every wait, then — with the waits moved into
// the past, as time passing would — runs the rest; every contact ends with one queued e-mail in the mail outbox.
// SQLite by default, BENCH_DATABASE_URL for a PostgreSQL schema. Reports steps/s and contacts/s per phase.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from '../src/server/server.js';
import type { Db } from '../src/server/core/db/database.js';
import { newId } from '../src/server/core/ids.js';
import { runDueEnrolments } from '../src/server/modules/marketing/journeys/journey-runner.js';

const N = Number(process.env.BENCH_JOURNEY_ENROLMENTS ?? 10_000);
const ADMIN = { email: 'admin@example.com', password: 'bench-password-1' };

export async function runJourneyBench(log: (line: string) => void = console.log): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-bench-journeys-'));
  const app = await createServer({ databaseUrl: process.env.BENCH_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'bench.db')}`, dataDir, logLevel: 'warn', webDir: path.join(dataDir, 'no-web'), adminEmail: ADMIN.email, adminPassword: ADMIN.password, worker: false });
  const db = (app as unknown as { db: Db }).db;
  const call = async (method: string, url: string, headers: Record<string, string>, body?: unknown) => {
    const res = await app.inject({ method: method as 'POST', url: `/api/v1${url}`, headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) }, payload: body === undefined ? undefined : JSON.stringify(body) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  try {
    const admin = { authorization: `Bearer ${(await call('POST', '/auth/login', {}, ADMIN)).token}` };
    // Contacts: one made through the API, the rest copies of its row (the bench measures journeys, not contact creation).
    const template = await call('POST', '/contacts', admin, { displayName: 'Bench 0', emails: ['bench0@example.com'], consent: { email: true } });
    const row = await db.kysely.selectFrom('contacts').selectAll().where('id', '=', template.id).executeTakeFirstOrThrow();
    const ids = [template.id as string];
    for (let i = 1; i < N; i += 500) {
      const batch = Array.from({ length: Math.min(500, N - i) }, (_, k) => ({ ...row, id: newId(), displayName: `Bench ${i + k}`, sortName: `bench ${i + k}`, emails: JSON.stringify([`bench${i + k}@example.com`]), primaryEmail: `bench${i + k}@example.com`, externalId: null }));
      await db.kysely.insertInto('contacts').values(batch).execute();
      ids.push(...batch.map((b) => b.id));
    }
    const journey = await call('POST', '/journeys', admin, {
      name: 'Bench journey',
      trigger: { kind: 'manual' },
      steps: [
        { id: 'wait', kind: 'wait', amount: 1, unit: 'minutes' },
        { id: 'tag', kind: 'tag', action: 'add', tag: 'bench' },
        { id: 'branch', kind: 'branch', condition: { type: 'rules', rules: { combinator: 'and', children: [{ field: 'tags', operator: 'any_of', value: ['bench'] }] } }, yes: [{ id: 'mail', kind: 'email', subject: 'Hello {{contact.displayName}}', body: 'Hi {{contact.givenName | "there"}}, see https://example.com/bench' }], no: [{ id: 'stop', kind: 'end' }] },
      ],
    });
    await call('POST', `/journeys/${journey.id}/activate`, admin);
    const phase = async (name: string, steps: number, fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      await fn();
      const s = (performance.now() - t0) / 1000;
      log(`journeys (${db.engine}): ${name.padEnd(44)} ${s.toFixed(2).padStart(7)} s  ${Math.round(N / s).toLocaleString('en').padStart(7)} contacts/s  ${Math.round(steps / s).toLocaleString('en').padStart(7)} steps/s`);
    };
    const drain = async () => {
      while ((await runDueEnrolments(db, 200)) > 0);
    };
    await phase(`enrol ${N.toLocaleString('en')} contacts (POST …/enrolments)`, 0, async () => {
      for (let i = 0; i < ids.length; i += 1000) await call('POST', `/journeys/${journey.id}/enrolments`, admin, { contactIds: ids.slice(i, i + 1000) });
    });
    await phase('wait scheduled (1 step each)', N, drain);
    await db.kysely.updateTable('journeyEnrolments').set({ nextRunAt: new Date(Date.now() - 1000).toISOString() }).where('journeyId', '=', journey.id).execute();
    await phase('wait over → tag → branch → e-mail queued (4 each)', 4 * N, drain);
    const mails = await db.kysely.selectFrom('mailOutbox').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'journey.email').executeTakeFirstOrThrow();
    const done = await db.kysely.selectFrom('journeyEnrolments').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'completed').executeTakeFirstOrThrow();
    log(`journeys (${db.engine}): ${Number(done.n).toLocaleString('en')} completed, ${Number(mails.n).toLocaleString('en')} e-mails queued; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    if (Number(mails.n) !== N || Number(done.n) !== N) throw new Error('journeys bench: not every contact went through once');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

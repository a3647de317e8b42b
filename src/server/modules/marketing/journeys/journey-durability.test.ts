// A restart loses no one and runs no step twice. A crash between a step's work and its record (simulated by throwing
// before the commit) leaves no trace and the step runs once on the next claim; two runners racing run each step
// once; a second server on the same database finishes the waits and the crashed step of the first one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { createServer } from '../../../server.js';
import { runDueEnrolments, setBeforeStepCommit } from './journey-runner.js';
import { activeJourney, api, contact, enrolmentsOf, runsOf, settle } from './journey-test-helpers.js';

process.env.RAPPORT_OUTBOX_LAG_MS = '0';
process.env.RAPPORT_JOURNEY_LOCK_MS = '300';

let t: TestApp;
let second: FastifyInstance | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-journey-restart-'));
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => {
  setBeforeStepCommit(null);
  await second?.close();
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const mailsTo = (app: FastifyInstance, to: string) => app.db.kysely.selectFrom('mailOutbox').select('id').where('toAddress', '=', to).execute();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const crashAt = (stepId: string) =>
  setBeforeStepCommit((_e, s) => {
    if (s !== stepId) return;
    setBeforeStepCommit(null);
    throw Object.assign(new Error('simulated crash'), { journeyCrash: true });
  });

const steps = [
  { id: 'tag', kind: 'tag', action: 'add', tag: 'first' },
  { id: 'mail', kind: 'email', subject: 'Once', body: 'Only once' },
  { id: 'task', kind: 'task', subject: 'Follow up', assignTo: 'owner' },
];

describe('durable journey state', () => {
  it('a crash before a step is recorded leaves nothing; the step then runs exactly once', async () => {
    const j = await activeJourney(t, { trigger: { kind: 'manual' }, steps });
    const id = await contact(t, { emails: ['crash@example.com'], consent: { email: true } });
    await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: [id] });
    crashAt('mail');
    await expect(runDueEnrolments(t.app.db)).rejects.toThrow('simulated crash');
    const [e] = await enrolmentsOf(t, j.id);
    expect(e).toMatchObject({ status: 'active', stepId: 'mail' });
    expect((await runsOf(t, e!.id)).map((r) => r.stepId)).toEqual(['tag']);
    expect(await mailsTo(t.app, 'crash@example.com')).toEqual([]);
    // Still claimed by the "dead" runner until its lock expires.
    expect(await runDueEnrolments(t.app.db)).toBe(0);
    await sleep(350);
    await settle(t);
    expect((await enrolmentsOf(t, j.id))[0]).toMatchObject({ status: 'completed' });
    expect((await runsOf(t, e!.id)).map((r) => [r.stepId, r.outcome])).toEqual([['tag', 'done'], ['mail', 'done'], ['task', 'done']]);
    expect(await mailsTo(t.app, 'crash@example.com')).toHaveLength(1);
    expect((await api(t, 'GET', `/contacts/${id}`)).body.tags).toEqual(['first']);
  });

  it('two runners racing run every step once', async () => {
    const j = await activeJourney(t, { trigger: { kind: 'manual' }, steps });
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await contact(t, { displayName: `Racer ${i}`, emails: [`racer${i}@example.com`], consent: { email: true } }));
    await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: ids });
    await Promise.all([runDueEnrolments(t.app.db, 3), runDueEnrolments(t.app.db, 3), runDueEnrolments(t.app.db)]);
    await settle(t);
    expect((await enrolmentsOf(t, j.id)).every((e) => e.status === 'completed')).toBe(true);
    for (let i = 0; i < 6; i++) expect(await mailsTo(t.app, `racer${i}@example.com`)).toHaveLength(1);
    const tasks = await t.app.db.kysely.selectFrom('interactions').select('id').where('contactId', 'in', ids).where('type', '=', 'task').execute();
    expect(tasks).toHaveLength(6);
  });

  it('a second server on the same database finishes what the first left (waits and a crashed step)', async () => {
    const j = await activeJourney(t, { trigger: { kind: 'manual' }, steps: [{ id: 'wait', kind: 'wait', amount: 1, unit: 'minutes' }, ...steps] });
    const waiting = await contact(t, { emails: ['waiting@example.com'], consent: { email: true } });
    const crashed = await contact(t, { emails: ['crashed@example.com'], consent: { email: true } });
    await api(t, 'POST', `/journeys/${j.id}/enrolments`, { contactIds: [waiting, crashed] });
    await settle(t);
    const rows = await enrolmentsOf(t, j.id);
    expect(rows.map((r) => r.stepId)).toEqual(['wait', 'wait']);
    // The crashed contact's wait ends and its e-mail step dies mid-way in the first server.
    const crashedRow = rows.find((r) => r.contactId === crashed)!;
    await t.app.db.kysely.updateTable('journeyEnrolments').set({ nextRunAt: new Date(Date.now() - 1000).toISOString() }).where('id', '=', crashedRow.id).execute();
    crashAt('mail');
    await expect(runDueEnrolments(t.app.db)).rejects.toThrow('simulated crash');
    await t.app.close();

    second = await createServer({ databaseUrl: t.databaseUrl, dataDir, logLevel: 'silent', webDir: '/nonexistent', adminEmail: '', adminPassword: '', worker: true, outboundAllow: '' });
    await second.db.kysely.updateTable('journeyEnrolments').set({ nextRunAt: new Date(Date.now() - 1000).toISOString() }).where('journeyId', '=', j.id).where('stepId', '=', 'wait').execute();
    let done: { status: string }[] = [];
    for (let i = 0; i < 100; i++) {
      done = await second.db.kysely.selectFrom('journeyEnrolments').select('status').where('journeyId', '=', j.id).where('status', '=', 'completed').execute();
      if (done.length === 2) break;
      await sleep(100);
    }
    expect(done).toHaveLength(2);
    expect(await mailsTo(second, 'waiting@example.com')).toHaveLength(1);
    expect(await mailsTo(second, 'crashed@example.com')).toHaveLength(1);
    const runs = await second.db.kysely.selectFrom('journeyStepRuns').select(['stepId', 'outcome']).where('enrolmentId', '=', crashedRow.id).orderBy('stepId').execute();
    expect(runs).toEqual([{ stepId: 'mail', outcome: 'done' }, { stepId: 'tag', outcome: 'done' }, { stepId: 'task', outcome: 'done' }, { stepId: 'wait', outcome: 'done' }]);
  });
});

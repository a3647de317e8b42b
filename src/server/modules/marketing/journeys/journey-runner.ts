// Runs journeys: a poller claims due enrolments (their lock expires if the process dies) and runs each one's step in
// a transaction that also records it in journey_step_runs (primary key enrolment + step). A step whose run is
// recorded is never run again; one whose transaction did not commit left nothing behind and runs again. Steps
// follow each other at once until a wait, the end, or the goal.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import { getOrgSettings } from '../../../core/settings.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { readContactIn } from '../../customers/index.js';
import { loadedJourney, type LoadedJourney } from './journey-store.js';
import { contactMatches, runStep, type StepResult } from './journey-steps.js';

const lockMs = () => Number(process.env.RAPPORT_JOURNEY_LOCK_MS ?? 60_000);
const MAX_STEPS_PER_RUN = 50;

/** Test hook: called after a step's work and before its transaction commits (a crash simulated by throwing). */
let beforeCommit: ((enrolmentId: string, stepId: string) => void) | null = null;
export function setBeforeStepCommit(hook: typeof beforeCommit): void {
  beforeCommit = hook;
}

type Outcome = 'next' | 'stop';

export async function finishEnrolment(trx: DbOrTrx, id: string, status: 'completed' | 'goal' | 'exited', reason: string | null): Promise<void> {
  await trx.updateTable('journeyEnrolments').set({ status, stepId: null, nextRunAt: null, lockedUntil: null, exitReason: reason, finishedAt: nowIso() }).where('id', '=', id).where('status', '=', 'active').execute();
}

/** One step of one enrolment, in its own transaction. */
async function runOne(db: Db, journey: LoadedJourney, enrolmentId: string, timeZone: string): Promise<Outcome> {
  return db.kysely.transaction().execute(async (trx) => {
    let q = trx.selectFrom('journeyEnrolments').selectAll().where('id', '=', enrolmentId);
    if (db.engine === 'postgres') q = q.forUpdate();
    const e = await q.executeTakeFirst();
    const now = new Date();
    if (!e || e.status !== 'active' || !e.stepId || !e.nextRunAt || e.nextRunAt > now.toISOString()) return 'stop';
    const contact = await readContactIn(trx, e.contactId);
    if (!contact) {
      await finishEnrolment(trx, e.id, 'exited', 'contact removed');
      return 'stop';
    }
    if (journey.goal && (await contactMatches(trx, db.engine, contact.id, journey.goal))) {
      await finishEnrolment(trx, e.id, 'goal', null);
      return 'stop';
    }
    const place = journey.places.get(e.stepId);
    if (!place) {
      await finishEnrolment(trx, e.id, 'exited', 'step removed from the journey');
      return 'stop';
    }
    const done = await trx.selectFrom('journeyStepRuns').select(['outcome']).where('enrolmentId', '=', e.id).where('stepId', '=', place.step.id).executeTakeFirst();
    let result: StepResult;
    if (done && done.outcome !== 'waiting') {
      // Recorded already (a runner died after its commit, before moving on): take the recorded outcome, do nothing again.
      const branch = place.step.kind === 'branch' ? (done.outcome === 'yes' ? place.step.yes : place.step.no) : null;
      result = { outcome: done.outcome as StepResult['outcome'], detail: null, ...(branch && { branchTo: branch[0]?.id ?? null }), end: place.step.kind === 'end' };
    } else if (done) {
      // The wait is over.
      await trx.updateTable('journeyStepRuns').set({ outcome: 'done', ranAt: now.toISOString() }).where('enrolmentId', '=', e.id).where('stepId', '=', place.step.id).execute();
      result = { outcome: 'done', detail: null };
    } else {
      result = await runStep({ trx, engine: db.engine, journey, enrolmentId: e.id, contact, now, timeZone }, place.step);
      await trx.insertInto('journeyStepRuns').values({ enrolmentId: e.id, stepId: place.step.id, journeyId: journey.id, contactId: e.contactId, outcome: result.outcome, detail: result.detail, ranAt: now.toISOString() }).execute();
    }
    beforeCommit?.(e.id, place.step.id);
    if (result.until) {
      await trx.updateTable('journeyEnrolments').set({ nextRunAt: result.until.toISOString(), lockedUntil: null }).where('id', '=', e.id).execute();
      return 'stop';
    }
    const next = result.end ? null : result.branchTo !== undefined && result.branchTo !== null ? result.branchTo : place.next;
    if (next === null) {
      await finishEnrolment(trx, e.id, 'completed', null);
      return 'stop';
    }
    await trx.updateTable('journeyEnrolments').set({ stepId: next, nextRunAt: now.toISOString() }).where('id', '=', e.id).execute();
    return 'next';
  });
}

/** Runs an enrolment's due steps one after another; a failing step is recorded as failed and the contact moves on. */
export async function runEnrolment(db: Db, journey: LoadedJourney, enrolmentId: string, timeZone: string): Promise<void> {
  for (let i = 0; i < MAX_STEPS_PER_RUN; i++) {
    let outcome: Outcome;
    try {
      outcome = await runOne(db, journey, enrolmentId, timeZone);
    } catch (err) {
      if ((err as { journeyCrash?: boolean }).journeyCrash) throw err;
      outcome = await recordFailure(db, journey, enrolmentId, (err as Error).message || String(err));
    }
    if (outcome === 'stop') break;
  }
  await db.kysely.updateTable('journeyEnrolments').set({ lockedUntil: null }).where('id', '=', enrolmentId).execute();
}

async function recordFailure(db: Db, journey: LoadedJourney, enrolmentId: string, message: string): Promise<Outcome> {
  return db.kysely.transaction().execute(async (trx) => {
    const e = await trx.selectFrom('journeyEnrolments').selectAll().where('id', '=', enrolmentId).executeTakeFirst();
    if (!e || e.status !== 'active' || !e.stepId) return 'stop';
    const place = journey.places.get(e.stepId);
    await trx.insertInto('journeyStepRuns').values({ enrolmentId, stepId: e.stepId, journeyId: journey.id, contactId: e.contactId, outcome: 'failed', detail: message.slice(0, 500), ranAt: nowIso() }).onConflict((oc) => oc.columns(['enrolmentId', 'stepId']).doNothing()).execute();
    if (!place?.next) {
      await finishEnrolment(trx, enrolmentId, 'completed', null);
      return 'stop';
    }
    await trx.updateTable('journeyEnrolments').set({ stepId: place.next, nextRunAt: nowIso() }).where('id', '=', enrolmentId).execute();
    return 'next';
  });
}

/** Claims up to `batch` due enrolments of active journeys and runs them; returns how many. */
export async function runDueEnrolments(db: Db, batch = 100): Promise<number> {
  const now = nowIso();
  const due = await db.kysely
    .selectFrom('journeyEnrolments')
    .select(['id', 'journeyId'])
    .where('status', '=', 'active')
    .where('nextRunAt', '<=', now)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
    .where('journeyId', 'in', (eb) => eb.selectFrom('journeys').select('id').where('status', '=', 'active'))
    .orderBy('nextRunAt')
    .limit(batch)
    .execute();
  if (due.length === 0) return 0;
  const until = new Date(Date.now() + lockMs()).toISOString();
  const claimed = await db.kysely
    .updateTable('journeyEnrolments')
    .set({ lockedUntil: until })
    .where('id', 'in', due.map((d) => d.id))
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
    .returning(['id', 'journeyId'])
    .execute();
  const journeys = new Map<string, LoadedJourney>();
  for (const r of await db.kysely.selectFrom('journeys').selectAll().where('id', 'in', [...new Set(claimed.map((c) => c.journeyId))].concat([''])).execute()) journeys.set(r.id, loadedJourney(r));
  const { timeZone } = await getOrgSettings(db.kysely);
  for (const c of claimed) await runEnrolment(db, journeys.get(c.journeyId)!, c.id, timeZone);
  return claimed.length;
}

registerPoller({ name: 'marketing.journeys.steps', run: (db) => runDueEnrolments(db), idleMs: 1000 });

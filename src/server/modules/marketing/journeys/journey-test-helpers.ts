// Shared by the journey tests: a contact, a journey made active, events written to the outbox, the worker's
// journey pollers run until idle, and the state of an enrolment.
import { expect } from 'vitest';
import type { TestApp } from '../../../test/test-app.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { consumeJourneyEvents } from './journey-triggers.js';
import { runDueEnrolments } from './journey-runner.js';

export const api = (t: TestApp, method: string, url: string, body?: unknown, who?: Record<string, string>) => t.json(method, `/api/v1${url}`, who ?? t.admin, body);

export async function contact(t: TestApp, body: Record<string, unknown>): Promise<string> {
  const res = await api(t, 'POST', '/contacts', { displayName: 'Journey Contact', ...body });
  expect(res.status).toBe(201);
  return res.body.id;
}

export async function activeJourney(t: TestApp, body: Record<string, unknown>): Promise<any> {
  const res = await api(t, 'POST', '/journeys', { name: 'Journey', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const on = await api(t, 'POST', `/journeys/${res.body.id}/activate`);
  expect(on.status, JSON.stringify(on.body)).toBe(200);
  return on.body;
}

export async function emit(t: TestApp, type: string, entity: string, entityId: string, payload: unknown): Promise<void> {
  await emitEvent(t.app.db.kysely, type, entity, entityId, payload);
}

/** Reads the outbox and runs due steps until nothing is left to do. */
export async function settle(t: TestApp): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const n = (await consumeJourneyEvents(t.app.db)) + (await runDueEnrolments(t.app.db));
    if (n === 0) return;
  }
}

export async function enrolmentsOf(t: TestApp, journeyId: string) {
  return t.app.db.kysely.selectFrom('journeyEnrolments').selectAll().where('journeyId', '=', journeyId).orderBy('enteredAt').execute();
}

export async function runsOf(t: TestApp, enrolmentId: string) {
  return t.app.db.kysely.selectFrom('journeyStepRuns').select(['stepId', 'outcome', 'detail']).where('enrolmentId', '=', enrolmentId).orderBy('ranAt').orderBy('stepId').execute();
}

/** Makes the enrolment's wait end now (time passing). */
export async function endWait(t: TestApp, enrolmentId: string): Promise<void> {
  await t.app.db.kysely.updateTable('journeyEnrolments').set({ nextRunAt: new Date(Date.now() - 1000).toISOString() }).where('id', '=', enrolmentId).execute();
}

// Journeys: create, read, change (while draft or paused), delete, and the draft → active → paused lifecycle. Who made
// a journey, managers, administrators and the marketing role change it; everyone may read it.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { checkJourney } from './journey-check.js';
import { findJourneyRow, type JourneyRow } from './journey-store.js';
import type { CreateJourneyBody, Journey, PatchJourneyBody } from './journey-schemas.js';

const mayChange = (actor: Actor, row: Pick<JourneyRow, 'createdBy'>) => row.createdBy === actor.id || ['admin', 'manager', 'marketing'].includes(actor.role);

export function toJourney(r: JourneyRow, actor: Actor): Journey {
  return { id: r.id, name: r.name, description: r.description, status: r.status, trigger: JSON.parse(r.trigger), steps: JSON.parse(r.steps), goal: r.goal ? JSON.parse(r.goal) : null, reentry: r.reentry, reentryDays: r.reentryDays, webhookSecret: mayChange(actor, r) ? r.webhookSecret : null, createdBy: r.createdBy, createdAt: r.createdAt, updatedAt: r.updatedAt, activatedAt: r.activatedAt };
}

export async function listJourneys(db: Db, actor: Actor): Promise<Journey[]> {
  const rows = await db.kysely.selectFrom('journeys').selectAll().orderBy('name').orderBy('id').limit(500).execute();
  return rows.map((r) => toJourney(r, actor));
}

export async function journeyRow(db: Db, id: string): Promise<JourneyRow> {
  const row = await findJourneyRow(db.kysely, id);
  if (!row) throw notFound('Journey');
  return row;
}

async function editable(db: Db, actor: Actor, id: string): Promise<JourneyRow> {
  const row = await journeyRow(db, id);
  if (!mayChange(actor, row)) throw new AppError('forbidden', 'Only the journey’s creator, a manager, a marketer or an administrator can change it');
  return row;
}

export async function createJourney(db: Db, actor: Actor, input: CreateJourneyBody): Promise<Journey> {
  const def = await checkJourney(db.kysely, input);
  const at = nowIso();
  const row: JourneyRow = { id: newId(), name: input.name, description: input.description ?? null, status: 'draft', trigger: JSON.stringify(def.trigger), steps: JSON.stringify(def.steps), goal: def.goal ? JSON.stringify(def.goal) : null, reentry: def.reentry, reentryDays: def.reentryDays, webhookSecret: randomBytes(24).toString('base64url'), createdBy: actor.id === 'system' ? null : actor.id, createdAt: at, updatedAt: at, activatedAt: null };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('journeys').values(row).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'journey', entityId: row.id, after: { name: row.name, trigger: def.trigger, steps: def.steps, goal: def.goal } });
  });
  return toJourney(row, actor);
}

export async function updateJourney(db: Db, actor: Actor, id: string, patch: PatchJourneyBody): Promise<Journey> {
  const before = await editable(db, actor, id);
  const definitionChanges = patch.trigger !== undefined || patch.steps !== undefined || patch.goal !== undefined || patch.reentry !== undefined || patch.reentryDays !== undefined;
  if (definitionChanges && before.status === 'active') throw new AppError('conflict', 'Pause the journey before changing its trigger, steps, goal or re-entry');
  const def = await checkJourney(db.kysely, {
    trigger: patch.trigger ?? JSON.parse(before.trigger),
    steps: patch.steps ?? JSON.parse(before.steps),
    goal: patch.goal !== undefined ? patch.goal : before.goal ? JSON.parse(before.goal) : null,
    reentry: patch.reentry ?? before.reentry,
    reentryDays: patch.reentryDays !== undefined ? patch.reentryDays : before.reentryDays,
  });
  const values = { ...(patch.name !== undefined && { name: patch.name }), ...(patch.description !== undefined && { description: patch.description }), trigger: JSON.stringify(def.trigger), steps: JSON.stringify(def.steps), goal: def.goal ? JSON.stringify(def.goal) : null, reentry: def.reentry, reentryDays: def.reentryDays, updatedAt: nowIso() };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('journeys').set(values).where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'journey', entityId: id, before: { name: before.name, steps: JSON.parse(before.steps) }, after: { name: values.name ?? before.name, steps: def.steps } });
  });
  return toJourney(await journeyRow(db, id), actor);
}

/** draft/paused → active (checked again: a segment or user may have gone since), active → paused. */
export async function setJourneyStatus(db: Db, actor: Actor, id: string, status: 'active' | 'paused'): Promise<Journey> {
  const before = await editable(db, actor, id);
  if (status === 'paused' && before.status !== 'active') throw new AppError('conflict', 'Only an active journey can be paused');
  if (status === 'active') {
    if (before.status === 'active') throw new AppError('conflict', 'The journey is already active');
    await checkJourney(db.kysely, { trigger: JSON.parse(before.trigger), steps: JSON.parse(before.steps), goal: before.goal ? JSON.parse(before.goal) : null, reentry: before.reentry, reentryDays: before.reentryDays });
  }
  const at = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('journeys').set({ status, updatedAt: at, ...(status === 'active' && { activatedAt: at }) }).where('id', '=', id).execute();
    // Waits that ended while paused run when it is active again; nothing is lost meanwhile.
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'journey', entityId: id, before: { status: before.status }, after: { status } });
  });
  return toJourney(await journeyRow(db, id), actor);
}

export async function deleteJourney(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await editable(db, actor, id);
  await db.kysely.transaction().execute(async (trx) => {
    const enrolments = trx.selectFrom('journeyEnrolments').select('id').where('journeyId', '=', id);
    await trx.deleteFrom('journeyEmailEvents').where('enrolmentId', 'in', enrolments).execute();
    await trx.deleteFrom('journeyWebhookCalls').where('journeyId', '=', id).execute();
    await trx.deleteFrom('journeyStepRuns').where('journeyId', '=', id).execute();
    await trx.deleteFrom('journeyEnrolments').where('journeyId', '=', id).execute();
    await trx.deleteFrom('journeys').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'journey', entityId: id, before: { name: before.name, status: before.status } });
  });
}

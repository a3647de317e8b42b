// Enrolments as people see them: manual enrolment of chosen contacts or a segment's members (those the caller may
// see), a journey's enrolments list, and a contact's journeys with every step it went through (its timeline).
import { sql } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import { contactScopeSql, getContact } from '../../customers/index.js';
import { findSegmentRow, segmentCondition } from '../segments/segment-conditions.js';
import { stepMap } from './journey-definition.js';
import { enrolMany } from './journey-enrol.js';
import { loadedJourney } from './journey-store.js';
import { journeyRow } from './journey-service.js';
import type { enrolmentQuery } from './journey-schemas.js';
import type { z } from 'zod';

const MAX_MANUAL = 10_000;

export async function enrolManually(db: Db, actor: Actor, id: string, input: { contactIds?: string[]; segmentId?: string }): Promise<{ enrolled: number; skipped: number }> {
  const journey = loadedJourney(await journeyRow(db, id));
  if (journey.status !== 'active') throw new AppError('conflict', 'Activate the journey before enrolling contacts');
  if (!input.contactIds && !input.segmentId) throw new AppError('validation', 'Choose contacts or a segment', [{ path: 'contactIds', message: 'give contactIds or segmentId' }]);
  const scope = contactScopeSql(db, actor, true);
  let where = input.contactIds ? sql<boolean>`r.id in (${sql.join(input.contactIds)})` : sql<boolean>`1 = 1`;
  if (input.segmentId) {
    const seg = await findSegmentRow(db.kysely, input.segmentId);
    if (!seg) throw notFound('Segment');
    where = sql<boolean>`${where} and ${await segmentCondition(db, seg)}`;
  }
  const ids = (await sql<{ id: string }>`select r.id from contacts r where ${where} and ${scope} limit ${MAX_MANUAL}`.execute(db.kysely)).rows.map((r) => r.id);
  const ref = `manual:${newId()}`;
  let enrolled = 0;
  for (let i = 0; i < ids.length; i += 500) enrolled += await db.kysely.transaction().execute((trx) => enrolMany(trx, journey, ids.slice(i, i + 500), ref));
  const asked = input.contactIds ? new Set(input.contactIds).size : ids.length;
  return { enrolled, skipped: asked - enrolled };
}

const enrolmentColumns = sql`e.id, e.journey_id as "journeyId", j.name as "journeyName", e.contact_id as "contactId", r.display_name as "contactName", e.status, e.step_id as "stepId", e.next_run_at as "nextRunAt", e.exit_reason as "exitReason", e.entered_at as "enteredAt", e.finished_at as "finishedAt"`;

export async function listEnrolments(db: Db, actor: Actor, id: string, q: z.infer<typeof enrolmentQuery>) {
  await journeyRow(db, id);
  const filters = [sql`e.journey_id = ${id}`, contactScopeSql(db, actor, true)];
  if (q.status) filters.push(sql`e.status = ${q.status}`);
  if (q.stepId) filters.push(sql`e.step_id = ${q.stepId}`);
  if (q.cursor) filters.push(sql`e.id < ${q.cursor}`);
  const rows = (await sql<any>`select ${enrolmentColumns} from journey_enrolments e join journeys j on j.id = e.journey_id join contacts r on r.id = e.contact_id where ${sql.join(filters, sql` and `)} order by e.id desc limit ${q.limit + 1}`.execute(db.kysely)).rows;
  const page = rows.slice(0, q.limit);
  return { data: page, nextCursor: rows.length > q.limit ? page[page.length - 1].id : null };
}

/** A contact's journeys, newest first, each with the steps it went through. 404 for a contact the caller may not see. */
export async function contactJourneys(db: Db, actor: Actor, contactId: string) {
  await getContact(db, actor, contactId);
  const enrolments = (await sql<any>`select ${enrolmentColumns}, j.steps as "definition" from journey_enrolments e join journeys j on j.id = e.journey_id join contacts r on r.id = e.contact_id where e.contact_id = ${contactId} order by e.entered_at desc limit 50`.execute(db.kysely)).rows;
  if (!enrolments.length) return [];
  const runs = await db.kysely.selectFrom('journeyStepRuns').select(['enrolmentId', 'stepId', 'outcome', 'detail', 'ranAt']).where('enrolmentId', 'in', enrolments.map((e) => e.id)).orderBy('ranAt').execute();
  return enrolments.map(({ definition, ...e }) => {
    const places = stepMap(JSON.parse(definition));
    return { ...e, steps: runs.filter((r) => r.enrolmentId === e.id).map((r) => ({ stepId: r.stepId, kind: places.get(r.stepId)?.step.kind ?? null, outcome: r.outcome, detail: r.detail, ranAt: r.ranAt })) };
  });
}

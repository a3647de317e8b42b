// The timeline: log, change, delete and list interactions. One on a contact is visible when the contact is; one on a company alone, when the company is.
import type { Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { contactOrCompanyVisibleTo } from '../../core/auth/record-scope.js';
import type { Ctx } from '../../core/http/request-context.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../core/pagination.js';
import { writeAudit, changedFields } from '../../core/audit/audit-log.js';
import { emitEvent } from '../../core/events/outbox.js';
import { getCompany, getContact } from '../customers/index.js';
import type { InteractionsTable } from './tables.js';
import type { Interaction, InteractionInput, InteractionPatch } from './schemas.js';
export { toInteraction };

type Row = Selectable<InteractionsTable> & { assigneeName: string | null; createdByName: string | null; contactName: string | null; companyName: string | null };

export type InteractionRow = Row;

function toInteraction(r: Row): Interaction {
  return {
    id: r.id,
    type: r.type,
    contactId: r.contactId,
    contactName: r.contactName,
    companyId: r.companyId,
    companyName: r.companyName,
    subject: r.subject,
    body: r.body,
    occurredAt: r.occurredAt,
    direction: r.direction,
    durationSeconds: r.durationSeconds,
    outcome: r.outcome,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    attendees: JSON.parse(r.attendees),
    dueAt: r.dueAt,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    done: r.done === 1,
    reminderAt: r.reminderAt ?? null,
    remindedAt: r.remindedAt ?? null,
    dealId: r.dealId ?? null,
    createdBy: r.createdBy,
    createdByName: r.createdByName,
    createdAt: r.createdAt,
  };
}

const baseQuery = (db: DbOrTrx) =>
  db
    .selectFrom('interactions as i')
    .leftJoin('users as a', 'a.id', 'i.assigneeId')
    .leftJoin('users as cb', 'cb.id', 'i.createdBy')
    // Names, so a task list can say whom a task is about without a request per row.
    .leftJoin('contacts as ct', 'ct.id', 'i.contactId')
    .leftJoin('companies as co', 'co.id', 'i.companyId')
    .selectAll('i')
    .select(['a.name as assigneeName', 'cb.name as createdByName', 'ct.displayName as contactName', 'co.name as companyName']);

/** Throws 404 unless the actor sees the contact or company the interaction hangs on. */
async function assertParentVisible(db: Db, actor: Actor, contactId: string | null, companyId: string | null) {
  if (contactId) await getContact(db, actor, contactId);
  if (companyId) await getCompany(db, actor, companyId);
}

/** Only interactions the actor may see: one on a contact follows the contact, one on a company alone the company. */
export const scopedQuery = (db: DbOrTrx, actor: Actor) => baseQuery(db).where((eb) => contactOrCompanyVisibleTo(eb, actor, 'i.contactId', 'i.companyId'));

async function getInteraction(db: Db, actor: Actor, id: string): Promise<Interaction> {
  const row = await scopedQuery(db.kysely, actor).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Interaction');
  return toInteraction(row);
}

function requireFields(input: InteractionInput) {
  const need: Record<string, (keyof InteractionInput)[]> = { call: ['direction'], meeting: ['startsAt'], task: ['dueAt'], email: ['direction'], note: [] };
  const missing = need[input.type]!.filter((k) => input[k] === undefined || input[k] === null);
  if (input.type === 'note' && !input.body?.trim()) missing.push('body');
  if (missing.length) throw new AppError('validation', `A ${input.type} needs ${missing.join(' and ')}`, missing.map((path) => ({ path, message: 'required' })));
  if (input.reminderAt && input.type !== 'task') throw new AppError('validation', 'Only a task can have a reminder', [{ path: 'reminderAt', message: 'tasks only' }]);
  if (!input.contactId && !input.companyId) throw new AppError('validation', 'Log it on a contact or a company', [{ path: 'contactId', message: 'contactId or companyId is required' }]);
  if (input.startsAt && input.endsAt && input.endsAt < input.startsAt) throw new AppError('validation', 'A meeting cannot end before it starts', [{ path: 'endsAt', message: 'before startsAt' }]);
}

async function assertAssignee(db: Db, id: string | null | undefined) {
  if (!id) return;
  const u = await db.kysely.selectFrom('users').select('active').where('id', '=', id).executeTakeFirst();
  if (!u || u.active !== 1) throw new AppError('validation', 'The assignee must be an active user', [{ path: 'assigneeId', message: 'unknown or inactive user' }]);
}

/** `dealId`: only the sales module passes one, after checking that the actor may see the deal. */
export async function logInteraction(db: Db, actor: Actor, input: InteractionInput, links: { dealId?: string } = {}): Promise<Interaction> {
  requireFields(input);
  await assertParentVisible(db, actor, input.contactId ?? null, input.companyId ?? null);
  let companyId = input.companyId ?? null;
  if (!companyId && input.contactId) companyId = (await getContact(db, actor, input.contactId)).companyId; // shows on the company's timeline too
  const assigneeId = input.type === 'task' ? (input.assigneeId ?? (actor.id === 'system' ? null : actor.id)) : null;
  await assertAssignee(db, assigneeId);
  const now = nowIso();
  const id = newId();
  const row = {
    id,
    type: input.type,
    contactId: input.contactId ?? null,
    companyId,
    subject: input.subject ?? null,
    body: input.body ?? null,
    occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : input.startsAt ? new Date(input.startsAt).toISOString() : now,
    direction: input.direction ?? null,
    durationSeconds: input.durationSeconds ?? null,
    outcome: input.outcome ?? null,
    startsAt: input.startsAt ? new Date(input.startsAt).toISOString() : null,
    endsAt: input.endsAt ? new Date(input.endsAt).toISOString() : null,
    attendees: JSON.stringify(input.attendees ?? []),
    dueAt: input.dueAt ? new Date(input.dueAt).toISOString() : null,
    assigneeId,
    done: input.done ? 1 : 0,
    reminderAt: input.type === 'task' && input.reminderAt ? new Date(input.reminderAt).toISOString() : null,
    remindedAt: null,
    dealId: links.dealId ?? null,
    createdBy: actor.id === 'system' ? null : actor.id,
    teamId: actor.teamId,
    createdAt: now,
    updatedAt: now,
  };
  return db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('interactions').values(row).execute();
    const created = toInteraction((await baseQuery(trx).where('i.id', '=', id).executeTakeFirst())!);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'interaction', entityId: id, after: created });
    await emitEvent(trx, 'interaction.created', 'interaction', id, created);
    return created;
  });
}

export async function updateInteraction(db: Db, actor: Actor, id: string, patch: InteractionPatch): Promise<Interaction> {
  const before = await getInteraction(db, actor, id);
  await assertAssignee(db, patch.assigneeId);
  const toIso = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v).toISOString());
  const values = {
    ...(patch.subject !== undefined && { subject: patch.subject }),
    ...(patch.body !== undefined && { body: patch.body }),
    ...(patch.occurredAt !== undefined && { occurredAt: toIso(patch.occurredAt)! }),
    ...(patch.direction !== undefined && { direction: patch.direction }),
    ...(patch.durationSeconds !== undefined && { durationSeconds: patch.durationSeconds }),
    ...(patch.outcome !== undefined && { outcome: patch.outcome }),
    ...(patch.startsAt !== undefined && { startsAt: toIso(patch.startsAt) }),
    ...(patch.endsAt !== undefined && { endsAt: toIso(patch.endsAt) }),
    ...(patch.attendees !== undefined && { attendees: JSON.stringify(patch.attendees) }),
    ...(patch.dueAt !== undefined && { dueAt: toIso(patch.dueAt) }),
    ...(patch.assigneeId !== undefined && { assigneeId: patch.assigneeId }),
    ...(patch.done !== undefined && { done: patch.done ? 1 : 0 }),
    ...(patch.reminderAt !== undefined && { reminderAt: toIso(patch.reminderAt) }),
    // A rescheduled task (or a new reminder time) reminds again.
    ...((patch.reminderAt !== undefined || patch.dueAt !== undefined) && { remindedAt: null }),
    updatedAt: nowIso(),
  };
  if (patch.reminderAt && before.type !== 'task') throw new AppError('validation', 'Only a task can have a reminder', [{ path: 'reminderAt', message: 'tasks only' }]);
  return db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('interactions').set(values).where('id', '=', id).execute();
    const after = toInteraction((await baseQuery(trx).where('i.id', '=', id).executeTakeFirst())!);
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length) {
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'interaction', entityId: id, ...diff });
      await emitEvent(trx, 'interaction.updated', 'interaction', id, after);
    }
    return after;
  });
}

export async function deleteInteraction(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await getInteraction(db, actor, id);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('interactions').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'interaction', entityId: id, before });
  });
}

export interface TimelineQuery {
  contactId?: string;
  companyId?: string;
  type?: Interaction['type'];
  limit: number;
  cursor?: string;
}

/** Newest first by when it happened; a contact's or company's visibility gates its timeline. */
export async function listTimeline(db: Db, actor: Actor, query: TimelineQuery): Promise<Page<Interaction>> {
  if (!query.contactId && !query.companyId) throw new AppError('validation', 'Name a contactId or companyId', [{ path: 'contactId', message: 'contactId or companyId is required' }]);
  await assertParentVisible(db, actor, query.contactId ?? null, query.companyId ?? null);
  // A visible company's timeline still leaves out what hangs on its contacts the actor may not see.
  let q = scopedQuery(db.kysely, actor).orderBy('i.occurredAt', 'desc').orderBy('i.id', 'desc').limit(query.limit + 1);
  if (query.contactId) q = q.where('i.contactId', '=', query.contactId);
  if (query.companyId) q = q.where('i.companyId', '=', query.companyId);
  if (query.type) q = q.where('i.type', '=', query.type);
  if (query.cursor) {
    q = q.where(keysetAfter('i.occurredAt', 'i.id', decodeCursor(query.cursor, 2), 'desc'));
  }
  const page = pageOf(await q.execute(), query.limit, (r) => [r.occurredAt, r.id]);
  return { data: page.data.map(toInteraction), nextCursor: page.nextCursor };
}

export async function openTasksOf(db: DbOrTrx, actor: Actor, column: 'contactId' | 'companyId', id: string): Promise<Interaction[]> {
  return (await scopedQuery(db, actor).where(`i.${column}`, '=', id).where('i.type', '=', 'task').where('i.done', '=', 0).orderBy('i.dueAt').limit(50).execute()).map(toInteraction);
}

export async function recentOf(db: DbOrTrx, actor: Actor, column: 'contactId' | 'companyId', id: string, limit = 20): Promise<Interaction[]> {
  return (await scopedQuery(db, actor).where(`i.${column}`, '=', id).orderBy('i.occurredAt', 'desc').orderBy('i.id', 'desc').limit(limit).execute()).map(toInteraction);
}

export async function engagementCount(db: DbOrTrx, actor: Actor, column: 'contactId' | 'companyId', id: string, days = 90): Promise<number> {
  const since = new Date(Date.now() - days * 86400_000).toISOString();
  const r = await db
    .selectFrom('interactions as i')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(`i.${column}`, '=', id)
    .where('i.occurredAt', '>=', since)
    .where((eb) => contactOrCompanyVisibleTo(eb, actor, 'i.contactId', 'i.companyId'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// Reading households and an admin's corrections: moving a contact into a household (out of any other) or out of one.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import type { ExpressionBuilder } from 'kysely';
import { canSee, type Actor } from '../../../core/auth/actor.js';
import { contactVisibleTo } from '../../../core/auth/record-scope.js';
import type { Database } from '../../../db-schema.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { decodeCursor, keysetAfter, pageOf } from '../../../core/pagination.js';
import { getContact, readContact } from '../../customers/index.js';
import { householdValue } from './household-value.js';

export const householdListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), cursor: z.string().max(500).optional(), contactId: z.string().max(100).optional() });

/** Households with a member the actor may see, counting only such members; a hidden contact finds none. */
export async function listHouseholds(db: Db, actor: Actor, query: z.infer<typeof householdListQuery>) {
  const seen = (eb: ExpressionBuilder<Database, 'householdMembers'>) => contactVisibleTo(eb, actor, 'householdMembers.contactId');
  const visibleMembers = (eb: ExpressionBuilder<Database & { h: Database['households'] }, 'h'>) =>
    eb.selectFrom('householdMembers').whereRef('householdMembers.householdId', '=', 'h.id').where('householdMembers.origin', '!=', 'excluded').where(seen);
  let q = db.kysely
    .selectFrom('households as h')
    .select(['h.id', 'h.name', 'h.basis', 'h.createdAt', 'h.updatedAt'])
    .select((eb) => visibleMembers(eb as never).select((e) => e.fn.countAll<number>().as('n')).as('memberCount'))
    .orderBy('h.name')
    .orderBy('h.id')
    .limit(query.limit + 1);
  if (actor.visibility !== 'all') q = q.where((eb) => eb.exists(visibleMembers(eb as never).select('householdMembers.contactId')));
  if (query.contactId) q = q.where('h.id', 'in', (eb) => eb.selectFrom('householdMembers').select('householdId').where('contactId', '=', query.contactId!).where('origin', '!=', 'excluded').where(seen));
  if (query.cursor) {
    q = q.where(keysetAfter('h.name', 'h.id', decodeCursor(query.cursor, 2), 'asc'));
  }
  const page = pageOf(await q.execute(), query.limit, (r) => [r.name, r.id]);
  return { data: page.data.map((r) => ({ ...r, memberCount: Number(r.memberCount) })), nextCursor: page.nextCursor };
}

/**
 * A household as the actor may see it: members they may not see are left out, only counted in hiddenMembers, and the
 * combined value is over the visible members alone; with no visible member the household is not found.
 */
export async function getHousehold(db: Db, actor: Actor, id: string) {
  const h = await db.kysely.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
  if (!h) throw notFound('Household');
  const rows = await db.kysely.selectFrom('householdMembers').select(['contactId', 'origin']).where('householdId', '=', id).where('origin', '!=', 'excluded').orderBy('contactId').execute();
  const members = [];
  for (const r of rows) {
    const c = await readContact(db.kysely, r.contactId);
    if (c && canSee(actor, c)) members.push({ id: c.id, displayName: c.displayName, emails: c.emails, phones: c.phones, address: c.address, origin: r.origin });
  }
  const hiddenMembers = rows.length - members.length;
  if (members.length === 0 && actor.visibility !== 'all') throw notFound('Household');
  const value = await householdValue(db.kysely, actor, members.map((m) => m.id));
  return { id: h.id, name: h.name, basis: h.basis, address: h.address ? JSON.parse(h.address) : null, members, hiddenMembers, value, createdAt: h.createdAt, updatedAt: h.updatedAt };
}

/** Puts a contact into a household, taking it out of any other one; an admin's placement survives regrouping. */
export async function addMember(db: Db, actor: Actor, householdId: string, contactId: string) {
  await getContact(db, actor, contactId);
  await db.kysely.transaction().execute(async (trx) => {
    const h = await trx.selectFrom('households').select('id').where('id', '=', householdId).executeTakeFirst();
    if (!h) throw notFound('Household');
    const before = await trx.selectFrom('householdMembers').select(['householdId', 'origin']).where('contactId', '=', contactId).where('origin', '!=', 'excluded').execute();
    // Leaving another household is recorded as an exclusion there, so regrouping does not pull it back.
    for (const b of before) if (b.householdId !== householdId) await trx.updateTable('householdMembers').set({ origin: 'excluded' }).where('householdId', '=', b.householdId).where('contactId', '=', contactId).execute();
    await trx.deleteFrom('householdMembers').where('householdId', '=', householdId).where('contactId', '=', contactId).execute();
    await trx.insertInto('householdMembers').values({ householdId, contactId, origin: 'manual', createdAt: nowIso() }).execute();
    await trx.updateTable('households').set({ updatedAt: nowIso() }).where('id', '=', householdId).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'household', entityId: householdId, before: { households: before.map((b) => b.householdId) }, after: { added: contactId } });
  });
  return getHousehold(db, actor, householdId);
}

/** Moves a contact out of a household; it stays out when households are grouped again. */
export async function removeMember(db: Db, actor: Actor, householdId: string, contactId: string) {
  await db.kysely.transaction().execute(async (trx) => {
    const m = await trx.selectFrom('householdMembers').select('origin').where('householdId', '=', householdId).where('contactId', '=', contactId).executeTakeFirst();
    if (!m || m.origin === 'excluded') throw notFound('Household member');
    await trx.updateTable('householdMembers').set({ origin: 'excluded' }).where('householdId', '=', householdId).where('contactId', '=', contactId).execute();
    await trx.updateTable('households').set({ updatedAt: nowIso() }).where('id', '=', householdId).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'household', entityId: householdId, before: { member: contactId, origin: m.origin }, after: { removed: contactId } });
  });
  return getHousehold(db, actor, householdId);
}

/** A household an admin makes by hand from contacts (each leaves any household it was in). */
export async function createHousehold(db: Db, actor: Actor, input: { name: string; contactIds: string[] }) {
  if (new Set(input.contactIds).size !== input.contactIds.length) throw new AppError('validation', 'A contact is listed twice', [{ path: 'contactIds', message: 'duplicate contact' }]);
  for (const c of input.contactIds) await getContact(db, actor, c);
  const id = newId();
  const now = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('households').values({ id, name: input.name, basis: 'manual', address: null, createdAt: now, updatedAt: now }).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'household', entityId: id, after: input });
  });
  for (const c of input.contactIds) await addMember(db, actor, id, c);
  return getHousehold(db, actor, id);
}

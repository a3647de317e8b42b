// Reads of scores, always over the contacts the actor may see: a model's scored contacts (highest first, keyset
// pages, score range), one contact's scores across models with reasons and any correction, and the latest score of a
// contact for other modules (alerts). Corrections: a person sets a contact's true label; it is kept and used as a
// training label from the next training on.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { contactVisibleTo } from '../../../core/auth/record-scope.js';
import { notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { decodeCursor, keysetAfter, pageOf } from '../../../core/pagination.js';
import type { Reason } from './feature-values.js';
import { loadModelSpec } from './model-store.js';

const num = (v: unknown) => Number(v);

export async function listModelScores(db: DbOrTrx, actor: Actor, modelId: string, q: { limit: number; cursor?: string; minScore?: number; maxScore?: number }) {
  await loadModelSpec(db, modelId);
  let query = db
    .selectFrom('contact_model_scores as s')
    .innerJoin('contacts as c', 'c.id', 's.contactId')
    .select(['s.contactId', 'c.displayName', 'c.lifecycleStage', 's.score', 's.reasons', 's.scoredAt', 's.version'])
    .where('s.modelId', '=', modelId)
    .where((eb) => contactVisibleTo(eb, actor, 's.contactId'));
  if (q.minScore !== undefined) query = query.where('s.score', '>=', q.minScore);
  if (q.maxScore !== undefined) query = query.where('s.score', '<=', q.maxScore);
  if (q.cursor) {
    const cur = decodeCursor(q.cursor, 2);
    query = query.where(() => keysetAfter('s.score', 's.contactId', cur, 'desc'));
  }
  const rows = await query.orderBy('s.score', 'desc').orderBy('s.contactId', 'desc').limit(q.limit + 1).execute();
  const page = pageOf(rows, q.limit, (r) => [num(r.score), r.contactId]);
  return { data: page.data.map((r) => ({ contactId: r.contactId, displayName: r.displayName, lifecycleStage: r.lifecycleStage, score: num(r.score), version: num(r.version), reasons: JSON.parse(r.reasons) as Reason[], scoredAt: r.scoredAt })), nextCursor: page.nextCursor };
}

/** The scores of many contacts (a page of the contacts list) for every model, leaving out contacts the actor may not see. */
export async function scoresOfContacts(db: DbOrTrx, actor: Actor, contactIds: string[]) {
  if (!contactIds.length) return [];
  const rows = await db
    .selectFrom('contact_model_scores as s')
    .innerJoin('predictive_models as m', 'm.id', 's.modelId')
    .select(['s.contactId', 's.modelId', 's.score', 'm.threshold'])
    .where('s.contactId', 'in', contactIds)
    .where((eb) => contactVisibleTo(eb, actor, 's.contactId'))
    .execute();
  return rows.map((r) => ({ contactId: r.contactId, modelId: r.modelId, score: num(r.score), high: num(r.score) >= num(r.threshold) }));
}

async function latestCorrections(db: DbOrTrx, contactId: string) {
  const rows = await db.selectFrom('model_label_overrides as o').leftJoin('users as u', 'u.id', 'o.userId').select(['o.modelId', 'o.label', 'o.note', 'o.createdAt', 'u.name as userName']).where('o.contactId', '=', contactId).orderBy('o.createdAt').execute();
  return new Map(rows.map((r) => [r.modelId, { label: num(r.label) === 1, note: r.note, at: r.createdAt, by: r.userName ?? null }]));
}

async function requireVisibleContact(db: DbOrTrx, actor: Actor, contactId: string) {
  const c = await db.selectFrom('contacts').select('id').where('id', '=', contactId).where((eb) => contactVisibleTo(eb, actor, 'contacts.id')).executeTakeFirst();
  if (!c) throw notFound('Contact');
}

/** Every model's score of the contact (models without one are left out), with reasons and the latest correction. */
export async function contactScores(db: DbOrTrx, actor: Actor, contactId: string) {
  await requireVisibleContact(db, actor, contactId);
  const rows = await db
    .selectFrom('contact_model_scores as s')
    .innerJoin('predictive_models as m', 'm.id', 's.modelId')
    .select(['m.id as modelId', 'm.name', 'm.kind', 'm.threshold', 's.score', 's.reasons', 's.scoredAt', 's.version'])
    .where('s.contactId', '=', contactId)
    .orderBy('m.createdAt')
    .execute();
  const corrections = await latestCorrections(db, contactId);
  return rows.map((r) => ({ modelId: r.modelId, name: r.name, kind: r.kind, threshold: num(r.threshold), score: num(r.score), high: num(r.score) >= num(r.threshold), version: num(r.version), reasons: JSON.parse(r.reasons) as Reason[], scoredAt: r.scoredAt, correction: corrections.get(r.modelId) ?? null }));
}

export async function correctLabel(db: Db, actor: Actor, modelId: string, contactId: string, input: { label: boolean; note?: string | null }) {
  await loadModelSpec(db.kysely, modelId);
  await requireVisibleContact(db.kysely, actor, contactId);
  const current = await db.kysely.selectFrom('contact_model_scores').select('score').where('modelId', '=', modelId).where('contactId', '=', contactId).executeTakeFirst();
  const row = { id: newId(), modelId, contactId, label: input.label ? 1 : 0, note: input.note ?? null, scoreThen: current ? num(current.score) : null, userId: actor.id, createdAt: nowIso() };
  await db.kysely.insertInto('model_label_overrides').values(row).execute();
  return { id: row.id, modelId, contactId, label: input.label, note: row.note, scoreThen: row.scoreThen, createdAt: row.createdAt };
}

/** For other modules (alerts): the contact's latest score of each model of a kind, e.g. churn. */
export async function latestScores(db: DbOrTrx, contactId: string, kind?: string) {
  let q = db.selectFrom('contact_model_scores as s').innerJoin('predictive_models as m', 'm.id', 's.modelId').select(['m.id as modelId', 'm.kind', 'm.threshold', 's.score', 's.reasons', 's.scoredAt']).where('s.contactId', '=', contactId);
  if (kind) q = q.where('m.kind', '=', kind as never);
  return (await q.execute()).map((r) => ({ modelId: r.modelId, kind: r.kind, threshold: num(r.threshold), score: num(r.score), reasons: JSON.parse(r.reasons) as Reason[], scoredAt: r.scoredAt }));
}

// Where model scores reach the rest of Rapport: the contacts list filter `modelScore=<modelId>:<min>[:<max>]` and
// sort `model.<modelId>` (highest first with `-`; contacts without a score count as lowest),
// a segment field per model ("Score: <model name>", 0–100), and the contact-data participant (scores and corrections
// in the person's export, deleted on erasure; on a merge corrections move to the survivor and scores wait for the
// next scoring run).
import { sql } from 'kysely';
import { AppError } from '../../../core/errors.js';
import { registerContactDataParticipant, registerContactListFilter, registerContactListSort } from '../../customers/index.js';
import { registerSegmentFieldSource } from '../../marketing/index.js';

registerContactListFilter('modelScore', async (_db, _actor, value) => {
  const [modelId, min, max] = value.split(':');
  const lo = Number(min ?? 0);
  const hi = max === undefined ? 1 : Number(max);
  if (!modelId || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new AppError('validation', 'modelScore is <model id>:<lowest score 0–1>[:<highest>]', [{ path: 'modelScore', message: 'e.g. 0190…:0.7' }]);
  return sql<boolean>`r.id in (select s.contact_id from contact_model_scores s where s.model_id = ${modelId} and s.score >= ${lo} and s.score <= ${hi})`;
});

registerContactListSort('model', async (db, _actor, modelId) => {
  const model = await db.kysely.selectFrom('predictive_models').select('id').where('id', '=', modelId).executeTakeFirst();
  if (!model) throw new AppError('validation', `Cannot sort by "model.${modelId}"`, [{ path: 'sort', message: 'one of model.<id of a predictive model> (prefix - for descending)' }]);
  // Walked through contact_model_scores_rank (model_id, score, contact_id).
  return { table: 'contact_model_scores', idColumn: 'contact_id', valueColumn: 'score', where: sql<boolean>`k.model_id = ${modelId}` };
});

registerSegmentFieldSource(async (db) => {
  const models = await db.selectFrom('predictive_models').select(['id', 'name']).where('activeVersion', 'is not', null).orderBy('createdAt').execute();
  return models.map((m) => ({
    key: `model.${m.id}`,
    group: 'models',
    label: `Score: ${m.name}`,
    type: 'number' as const,
    operators: ['gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty'],
    scale: 0.01,
    rows: { on: 'id' as const, sql: () => sql`select s.contact_id as id, s.score as v from contact_model_scores s where s.model_id = ${m.id}`, empty: null },
  }));
});

registerContactDataParticipant({
  key: 'model-scores',
  async exportFor(db, contactId) {
    const [scores, corrections] = await Promise.all([
      db.selectFrom('contact_model_scores').selectAll().where('contactId', '=', contactId).execute(),
      db.selectFrom('model_label_overrides').selectAll().where('contactId', '=', contactId).execute(),
    ]);
    return scores.length || corrections.length ? { scores, corrections } : null;
  },
  async reassign(db, fromId, toId) {
    await db.deleteFrom('contact_model_scores').where('contactId', '=', fromId).execute();
    const moved = await db.selectFrom('model_label_overrides').select('id').where('contactId', '=', fromId).execute();
    if (moved.length) await db.updateTable('model_label_overrides').set({ contactId: toId }).where('contactId', '=', fromId).execute();
    return moved.map((m) => m.id);
  },
  async restore(db, ids, toId) {
    if (ids.length) await db.updateTable('model_label_overrides').set({ contactId: toId }).where('id', 'in', ids).execute();
  },
  async erase(db, contactId) {
    const a = await db.deleteFrom('contact_model_scores').where('contactId', '=', contactId).executeTakeFirst();
    const b = await db.deleteFrom('model_label_overrides').where('contactId', '=', contactId).executeTakeFirst();
    return Number(a.numDeletedRows) + Number(b.numDeletedRows);
  },
});

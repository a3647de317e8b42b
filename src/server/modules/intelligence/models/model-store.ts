// Reading and writing model definitions; the API view of a model with its latest version's card.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { listCustomFields } from '../../customers/index.js';
import { modelConfig, type ModelConfig, type ModelInput } from './model-config.js';
import type { ModelSpec } from './model-population.js';
import type { ModelKind, ModelStatus } from './model-tables.js';
import type { TrainedModel } from './trained-model.js';

type Row = { id: string; name: string; kind: ModelKind; config: string; threshold: number; status: ModelStatus; statusMessage: string | null; activeVersion: number | null; createdAt: string; updatedAt: string };

export async function loadModelSpec(db: DbOrTrx, id: string): Promise<ModelSpec & { threshold: number; name: string }> {
  const r = await db.selectFrom('predictive_models').select(['id', 'kind', 'config', 'threshold', 'name']).where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Model');
  return { id: r.id, kind: r.kind, config: modelConfig.parse(JSON.parse(r.config)), threshold: Number(r.threshold), name: r.name };
}

/** The weights of the model's active version, or null when it has none that passed. */
export async function activeTrained(db: DbOrTrx, id: string): Promise<{ version: number; trained: TrainedModel } | null> {
  const r = await db
    .selectFrom('predictive_models as m')
    .innerJoin('model_versions as v', (j) => j.onRef('v.modelId', '=', 'm.id').onRef('v.version', '=', 'm.activeVersion'))
    .select(['v.version', 'v.weights'])
    .where('m.id', '=', id)
    .executeTakeFirst();
  return r?.weights ? { version: Number(r.version), trained: JSON.parse(r.weights) as TrainedModel } : null;
}

async function checkConfig(db: DbOrTrx, kind: ModelKind, config: ModelConfig): Promise<void> {
  if (kind !== 'custom') return;
  if (!config.label) throw new AppError('validation', 'A custom model needs a label: a yes/no custom field or a lifecycle stage', [{ path: 'config.label', message: 'required for a custom model' }]);
  if (config.label.type === 'customField') {
    const key = config.label.key;
    const f = (await listCustomFields(db, 'contact')).find((x) => x.key === key);
    if (!f || f.type !== 'boolean') throw new AppError('validation', 'The label must be a yes/no (boolean) custom field of contacts', [{ path: 'config.label.key', message: 'not a boolean contact field' }]);
  }
}

function view(r: Row, latest: { version: number; status: string; message: string | null; rows: number; positives: number; card: string; trainedAt: string } | undefined, scored: number) {
  return {
    id: r.id, name: r.name, kind: r.kind, config: JSON.parse(r.config) as ModelConfig, threshold: Number(r.threshold), status: r.status, statusMessage: r.statusMessage,
    activeVersion: r.activeVersion === null ? null : Number(r.activeVersion), scoredContacts: scored, createdAt: r.createdAt, updatedAt: r.updatedAt,
    latestVersion: latest ? { version: Number(latest.version), status: latest.status, message: latest.message, rows: Number(latest.rows), positives: Number(latest.positives), trainedAt: latest.trainedAt, card: JSON.parse(latest.card) } : null,
  };
}
export type ModelView = ReturnType<typeof view>;

export async function getModel(db: DbOrTrx, id: string): Promise<ModelView> {
  const r = await db.selectFrom('predictive_models').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Model');
  const latest = await db.selectFrom('model_versions').select(['version', 'status', 'message', 'rows', 'positives', 'card', 'trainedAt']).where('modelId', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst();
  const scored = await db.selectFrom('contact_model_scores').select((eb) => eb.fn.countAll<number>().as('n')).where('modelId', '=', id).executeTakeFirst();
  return view(r as Row, latest, Number(scored?.n ?? 0));
}

export async function listModels(db: DbOrTrx): Promise<ModelView[]> {
  const ids = await db.selectFrom('predictive_models').select('id').orderBy('createdAt').execute();
  return Promise.all(ids.map((r) => getModel(db, r.id)));
}

export async function listVersions(db: DbOrTrx, id: string) {
  await loadModelSpec(db, id);
  const rows = await db.selectFrom('model_versions').select(['version', 'status', 'message', 'rows', 'positives', 'trainedAt', 'card']).where('modelId', '=', id).orderBy('version', 'desc').limit(20).execute();
  return rows.map((v) => {
    const card = JSON.parse(v.card) as { auc: number | null };
    return { version: Number(v.version), status: v.status, message: v.message, rows: Number(v.rows), positives: Number(v.positives), trainedAt: v.trainedAt, auc: card.auc };
  });
}

export async function createModel(db: Db, actorId: string, input: ModelInput): Promise<ModelView> {
  await checkConfig(db.kysely, input.kind, input.config);
  const now = nowIso();
  const id = newId();
  await db.kysely.insertInto('predictive_models').values({ id, name: input.name, kind: input.kind, config: JSON.stringify(input.config), threshold: input.threshold, status: 'new', statusMessage: null, activeVersion: null, createdBy: actorId, createdAt: now, updatedAt: now }).execute();
  return getModel(db.kysely, id);
}

export async function updateModel(db: Db, id: string, patch: { name?: string; threshold?: number }): Promise<ModelView> {
  await loadModelSpec(db.kysely, id);
  await db.kysely.updateTable('predictive_models').set({ ...patch, updatedAt: nowIso() }).where('id', '=', id).execute();
  return getModel(db.kysely, id);
}

export async function deleteModel(db: Db, id: string): Promise<void> {
  await loadModelSpec(db.kysely, id);
  await db.kysely.transaction().execute(async (trx) => {
    for (const t of ['contact_model_scores', 'model_label_overrides', 'model_versions'] as const) await trx.deleteFrom(t).where('modelId', '=', id).execute();
    await trx.deleteFrom('predictive_models').where('id', '=', id).execute();
  });
}

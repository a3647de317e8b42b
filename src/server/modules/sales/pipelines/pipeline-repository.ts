// Reads pipelines with their ordered stages; every install has a default pipeline (made by migration, or here on first use).
import type { DbOrTrx } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { defaultStages } from '../deals/deal-migrations.js';
import type { Pipeline, Stage } from './pipeline-schemas.js';

type PipelineRow = { id: string; name: string; isDefault: number; position: number; createdAt: string; updatedAt: string };

const toPipeline = (p: PipelineRow, stages: Stage[]): Pipeline => ({ ...p, isDefault: p.isDefault === 1, stages });

export async function stagesOf(db: DbOrTrx, pipelineIds: string[]): Promise<Map<string, Stage[]>> {
  const out = new Map<string, Stage[]>(pipelineIds.map((id) => [id, []]));
  if (!pipelineIds.length) return out;
  const rows = await db.selectFrom('pipelineStages').selectAll().where('pipelineId', 'in', pipelineIds).orderBy('position').execute();
  for (const r of rows) out.get(r.pipelineId)!.push({ id: r.id, name: r.name, position: r.position, probability: r.probability, kind: r.kind });
  return out;
}

export async function listPipelines(db: DbOrTrx): Promise<Pipeline[]> {
  await ensureDefaultPipeline(db);
  const rows = await db.selectFrom('pipelines').selectAll().orderBy('position').orderBy('id').execute();
  const stages = await stagesOf(db, rows.map((r) => r.id));
  return rows.map((r) => toPipeline(r, stages.get(r.id)!));
}

export async function getPipeline(db: DbOrTrx, id: string): Promise<Pipeline> {
  const row = await db.selectFrom('pipelines').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Pipeline');
  return toPipeline(row, (await stagesOf(db, [id])).get(id)!);
}

export async function getStage(db: DbOrTrx, stageId: string): Promise<(Stage & { pipelineId: string }) | undefined> {
  return db.selectFrom('pipelineStages').select(['id', 'name', 'position', 'probability', 'kind', 'pipelineId']).where('id', '=', stageId).executeTakeFirst();
}

/** The default pipeline, created with the standard stages when none exists (e.g. all pipelines were deleted). */
export async function ensureDefaultPipeline(db: DbOrTrx): Promise<string> {
  const found = await db.selectFrom('pipelines').select('id').orderBy('isDefault', 'desc').orderBy('position').limit(1).executeTakeFirst();
  if (found) return found.id;
  const now = nowIso();
  const id = newId();
  await db.insertInto('pipelines').values({ id, name: 'Sales', isDefault: 1, position: 0, createdAt: now, updatedAt: now }).execute();
  await db.insertInto('pipelineStages').values(defaultStages.map((s, i) => ({ id: newId(), pipelineId: id, name: s.name, position: i, probability: s.probability, kind: s.kind }))).execute();
  return id;
}

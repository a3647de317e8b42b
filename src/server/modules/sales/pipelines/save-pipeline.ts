// Creating, changing and deleting pipelines and their stages (managers and admins), audited, with events.
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit, changedFields } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { getPipeline } from './pipeline-repository.js';
import type { Pipeline, PipelineInput, PipelinePatch } from './pipeline-schemas.js';

type StageIn = PipelineInput['stages'][number];

export function assertCanManagePipelines(actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'manager') throw new AppError('forbidden', 'Only managers and administrators can change pipelines');
}

function checkStages(stages: StageIn[]) {
  const count = (k: string) => stages.filter((s) => s.kind === k).length;
  if (count('open') < 1) throw new AppError('validation', 'A pipeline needs at least one open stage', [{ path: 'stages', message: 'add an open stage' }]);
  if (count('won') !== 1 || count('lost') !== 1) throw new AppError('validation', 'A pipeline needs exactly one won and one lost end stage', [{ path: 'stages', message: 'exactly one stage of kind won and one of kind lost' }]);
  const names = new Set(stages.map((s) => s.name.toLowerCase()));
  if (names.size !== stages.length) throw new AppError('validation', 'Stage names must differ', [{ path: 'stages', message: 'duplicate stage name' }]);
}

async function clearDefault(trx: DbOrTrx, exceptId: string) {
  await trx.updateTable('pipelines').set({ isDefault: 0 }).where('id', '!=', exceptId).execute();
}

export async function createPipeline(db: Db, actor: Actor, input: PipelineInput): Promise<Pipeline> {
  assertCanManagePipelines(actor);
  checkStages(input.stages);
  const now = nowIso();
  const id = newId();
  return db.kysely.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('pipelines').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
    await trx.insertInto('pipelines').values({ id, name: input.name, isDefault: input.isDefault ? 1 : 0, position: Number(last?.p ?? -1) + 1, createdAt: now, updatedAt: now }).execute();
    if (input.isDefault) await clearDefault(trx, id);
    await trx.insertInto('pipelineStages').values(input.stages.map((s, i) => ({ id: newId(), pipelineId: id, name: s.name, position: i, probability: s.probability, kind: s.kind }))).execute();
    const created = await getPipeline(trx, id);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'pipeline', entityId: id, after: created });
    await emitEvent(trx, 'pipeline.created', 'pipeline', id, created);
    return created;
  });
}

export async function updatePipeline(db: Db, actor: Actor, id: string, patch: PipelinePatch): Promise<Pipeline> {
  assertCanManagePipelines(actor);
  const before = await getPipeline(db.kysely, id);
  if (patch.stages) checkStages(patch.stages);
  return db.kysely.transaction().execute(async (trx) => {
    if (patch.stages) {
      const keep = new Set(patch.stages.filter((s) => s.id).map((s) => s.id!));
      for (const s of patch.stages) if (s.id && !before.stages.some((b) => b.id === s.id)) throw new AppError('validation', `Stage ${s.id} is not in this pipeline`, [{ path: 'stages', message: 'unknown stage id' }]);
      const dropped = before.stages.filter((s) => !keep.has(s.id)).map((s) => s.id);
      for (const s of before.stages) {
        const next = patch.stages.find((x) => x.id === s.id);
        if (next && next.kind === s.kind) continue;
        const used = await trx.selectFrom('deals').select('id').where('stageId', '=', s.id).limit(1).executeTakeFirst();
        if (used) throw new AppError('conflict', `Stage "${s.name}" still holds deals: move them before removing it or changing its kind`, [{ path: 'stages', message: 'stage in use' }]);
      }
      if (dropped.length) await trx.deleteFrom('pipelineStages').where('id', 'in', dropped).execute();
      for (const [i, s] of patch.stages.entries()) {
        if (s.id) await trx.updateTable('pipelineStages').set({ name: s.name, probability: s.probability, kind: s.kind, position: i }).where('id', '=', s.id).execute();
        else await trx.insertInto('pipelineStages').values({ id: newId(), pipelineId: id, name: s.name, probability: s.probability, kind: s.kind, position: i }).execute();
      }
    }
    await trx.updateTable('pipelines').set({ ...(patch.name && { name: patch.name }), ...(patch.isDefault && { isDefault: 1 }), updatedAt: nowIso() }).where('id', '=', id).execute();
    if (patch.isDefault) await clearDefault(trx, id);
    const after = await getPipeline(trx, id);
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length) {
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'pipeline', entityId: id, ...diff });
      await emitEvent(trx, 'pipeline.updated', 'pipeline', id, after);
    }
    return after;
  });
}

export async function deletePipeline(db: Db, actor: Actor, id: string): Promise<void> {
  assertCanManagePipelines(actor);
  const before = await getPipeline(db.kysely, id);
  const used = await db.kysely.selectFrom('deals').select('id').where('pipelineId', '=', id).limit(1).executeTakeFirst();
  if (used) throw new AppError('conflict', 'This pipeline still holds deals; move or delete them first');
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('pipelines').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'pipeline', entityId: id, before });
    await emitEvent(trx, 'pipeline.deleted', 'pipeline', id, { id });
  });
}

// Creates a deal in a pipeline stage (default: the default pipeline's first stage), with its contacts and line items.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { getOrgSettings } from '../../../core/settings.js';
import { ensureDefaultPipeline, getPipeline } from '../pipelines/pipeline-repository.js';
import { checkCompany, checkContacts, priceLineItems, resolveDealOwner } from './deal-links.js';
import { findDeal, loadDetail } from './deal-repository.js';
import type { DealDetail, DealInput } from './deal-schemas.js';
import { endPosition } from './deal-positions.js';
import { addToStageTotals } from '../forecast/rollups.js';

export async function createDeal(db: Db, actor: Actor, input: DealInput): Promise<DealDetail> {
  const pipelineId = input.pipelineId ?? (await ensureDefaultPipeline(db.kysely));
  let pipeline;
  try {
    pipeline = await getPipeline(db.kysely, pipelineId);
  } catch {
    throw new AppError('validation', 'That pipeline does not exist', [{ path: 'pipelineId', message: 'unknown pipeline' }]);
  }
  const stage = input.stageId ? pipeline.stages.find((s) => s.id === input.stageId) : pipeline.stages.find((s) => s.kind === 'open');
  if (!stage) throw new AppError('validation', 'That stage is not in the pipeline', [{ path: 'stageId', message: 'unknown stage' }]);
  if (stage.kind !== 'open') throw new AppError('validation', 'A new deal starts in an open stage; move it to won or lost with a reason', [{ path: 'stageId', message: 'not an open stage' }]);
  const currency = input.currency ?? (await getOrgSettings(db.kysely)).defaultCurrency;
  const owner = await resolveDealOwner(db, actor, input.ownerId);
  await checkCompany(db, actor, input.companyId);
  await checkContacts(db, actor, input.contacts);
  const items = await priceLineItems(db.kysely, input.lineItems ?? [], currency);
  const amount = input.amount ?? items.reduce((a, i) => a + i.amount, 0);
  const now = nowIso();
  const id = newId();
  return db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('deals')
      .values({
        id,
        pipelineId,
        stageId: stage.id,
        name: input.name,
        amount,
        currency,
        expectedCloseDate: input.expectedCloseDate ?? null,
        ownerId: owner.ownerId,
        teamId: owner.teamId,
        companyId: input.companyId ?? null,
        status: 'open',
        forecastCategory: input.forecastCategory ?? 'pipeline',
        position: await endPosition(trx, stage.id),
        stageEnteredAt: now,
        closeReason: null,
        closedAt: null,
        cycleDays: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await addToStageTotals(trx, { stageId: stage.id, currency, amount, ...owner }, 1);
    if (input.contacts?.length) await trx.insertInto('dealContacts').values(input.contacts.map((c) => ({ id: newId(), dealId: id, contactId: c.contactId, role: c.role ?? null }))).execute();
    if (items.length) await trx.insertInto('dealLineItems').values(items.map((i) => ({ ...i, dealId: id }))).execute();
    await trx.insertInto('dealStageHistory').values({ id: newId(), dealId: id, stageId: stage.id, enteredAt: now, leftAt: null, actorId: actor.id }).execute();
    const created = await loadDetail(trx, (await findDeal(trx, id))!);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'deal', entityId: id, after: created });
    await emitEvent(trx, 'deal.created', 'deal', id, created);
    return created;
  });
}

// Moves a deal to a stage (and a place in its column): stage history, won/lost with a required reason, deal.stage_changed;
// winning can make an order from the line items and turns the deal's contacts into customers.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit, changedFields } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { getStage } from '../pipelines/pipeline-repository.js';
import { findDeal, getDeal, loadDetail } from './deal-repository.js';
import type { DealDetail, MoveInput } from './deal-schemas.js';
import { endPosition, positionAt } from './deal-positions.js';
import { orderFromWonDeal } from './order-from-deal.js';
import { markContactsCustomers } from './mark-customers.js';
import { addToStageTotals } from '../forecast/rollups.js';

const DAY = 86_400_000;

export async function moveDealToStage(db: Db, actor: Actor, id: string, input: MoveInput): Promise<DealDetail> {
  const before = await getDeal(db, actor, id);
  const stage = await getStage(db.kysely, input.stageId);
  if (!stage || stage.pipelineId !== before.pipelineId) throw new AppError('validation', "That stage is not in the deal's pipeline", [{ path: 'stageId', message: 'unknown stage' }]);
  const ending = stage.kind !== 'open';
  if (ending && !input.reason) throw new AppError('validation', `Moving a deal to ${stage.kind} needs a reason`, [{ path: 'reason', message: `required for a ${stage.kind} stage` }]);
  const changesStage = stage.id !== before.stageId;
  const now = nowIso();
  const result = await db.kysely.transaction().execute(async (trx) => {
    const position = input.position === undefined ? (changesStage ? await endPosition(trx, stage.id) : before.position) : await positionAt(trx, stage.id, input.position, id);
    const values = changesStage
      ? {
          stageId: stage.id,
          position,
          status: stage.kind,
          stageEnteredAt: now,
          closeReason: ending ? input.reason! : null,
          closedAt: ending ? now : null,
          cycleDays: ending ? Math.floor((Date.parse(now) - Date.parse(before.createdAt)) / DAY) : null,
          updatedAt: now,
        }
      : { position, ...(ending && input.reason && { closeReason: input.reason }), updatedAt: now };
    await trx.updateTable('deals').set(values).where('id', '=', id).execute();
    if (changesStage) {
      await addToStageTotals(trx, before, -1);
      await addToStageTotals(trx, { ...before, stageId: stage.id }, 1);
      await trx.updateTable('dealStageHistory').set({ leftAt: now }).where('dealId', '=', id).where('leftAt', 'is', null).execute();
      await trx.insertInto('dealStageHistory').values({ id: newId(), dealId: id, stageId: stage.id, enteredAt: now, leftAt: null, actorId: actor.id }).execute();
    }
    let orderId: string | null = null;
    if (changesStage && stage.kind === 'won') orderId = await orderFromWonDeal(trx, db.engine, actor, id, input.createOrder);
    const after = await loadDetail(trx, (await findDeal(trx, id))!);
    const diff = changedFields(before, after);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'deal', entityId: id, ...diff });
    if (changesStage) {
      await emitEvent(trx, 'deal.stage_changed', 'deal', id, {
        dealId: id,
        pipelineId: after.pipelineId,
        fromStageId: before.stageId,
        toStageId: stage.id,
        status: after.status,
        reason: after.closeReason,
        position,
        secondsInPreviousStage: Math.round((Date.parse(now) - Date.parse(before.stageEnteredAt)) / 1000),
        orderId,
        // Who the deal is with, so consumers (journeys triggered by a won deal) reach the contacts without sales' tables.
        contactIds: after.contacts.map((c) => c.contactId),
      });
    }
    return after;
  });
  if (changesStage && stage.kind === 'won') await markContactsCustomers(db, actor, result.contacts.map((c) => c.contactId));
  return result;
}

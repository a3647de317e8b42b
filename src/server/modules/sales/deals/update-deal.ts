// Changes a deal's fields, contacts and line items (not its stage: see move-deal-to-stage.ts), and deletes deals.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { contactVisibleTo } from '../../../core/auth/record-scope.js';
import { AppError } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit, changedFields } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { checkCompany, checkContacts, priceLineItems, resolveDealOwner } from './deal-links.js';
import { findDeal, getDealDetail, loadDetail } from './deal-repository.js';
import type { DealDetail, DealPatch } from './deal-schemas.js';
import { addToMonthTotals, addToStageTotals } from '../forecast/rollups.js';

export async function updateDeal(db: Db, actor: Actor, id: string, patch: DealPatch): Promise<DealDetail> {
  const before = await getDealDetail(db, actor, id);
  const currency = patch.currency ?? before.currency;
  if (currency !== before.currency && before.lineItems.length && !patch.lineItems) {
    throw new AppError('validation', 'Changing the currency of a deal with line items needs its line items again, priced in the new currency', [{ path: 'lineItems', message: 'required when currency changes' }]);
  }
  const owner = patch.ownerId !== undefined ? await resolveDealOwner(db, actor, patch.ownerId) : { ownerId: before.ownerId, teamId: before.teamId };
  if (patch.companyId !== undefined) await checkCompany(db, actor, patch.companyId);
  if (patch.contacts) await checkContacts(db, actor, patch.contacts);
  const items = patch.lineItems ? await priceLineItems(db.kysely, patch.lineItems, currency) : null;
  const amount = patch.amount ?? (items ? items.reduce((a, i) => a + i.amount, 0) : before.amount);
  return db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('deals')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.expectedCloseDate !== undefined && { expectedCloseDate: patch.expectedCloseDate }),
        ...(patch.companyId !== undefined && { companyId: patch.companyId }),
        ...(patch.forecastCategory !== undefined && { forecastCategory: patch.forecastCategory }),
        amount,
        currency,
        ownerId: owner.ownerId,
        teamId: owner.teamId,
        updatedAt: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    if (amount !== before.amount || currency !== before.currency || owner.ownerId !== before.ownerId || owner.teamId !== before.teamId) {
      await addToStageTotals(trx, before, -1);
      await addToStageTotals(trx, { stageId: before.stageId, currency, amount, ...owner }, 1);
    }
    if (patch.contacts) {
      // The list replaces the contacts the actor can see; links to contacts they cannot see (not shown to them) stay.
      await trx.deleteFrom('dealContacts').where('dealId', '=', id).where((eb) => contactVisibleTo(eb, actor, 'dealContacts.contactId')).execute();
      if (patch.contacts.length) await trx.insertInto('dealContacts').values(patch.contacts.map((c) => ({ id: newId(), dealId: id, contactId: c.contactId, role: c.role ?? null }))).execute();
    }
    if (items) {
      await trx.deleteFrom('dealLineItems').where('dealId', '=', id).execute();
      if (items.length) await trx.insertInto('dealLineItems').values(items.map((i) => ({ ...i, dealId: id }))).execute();
    }
    const after = await loadDetail(trx, (await findDeal(trx, id))!);
    const diff = changedFields({ ...before, stageHistory: null }, { ...after, stageHistory: null });
    if (Object.keys(diff.after).length) {
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'deal', entityId: id, ...diff });
      await emitEvent(trx, 'deal.updated', 'deal', id, { deal: after, changed: Object.keys(diff.after) });
    }
    return after;
  });
}

export async function deleteDeal(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await getDealDetail(db, actor, id);
  await db.kysely.transaction().execute(async (trx) => {
    // Its orders outlive it (deal_id set null) and so count as orders of their own from now on.
    const orders = await trx.selectFrom('orders').selectAll().where('dealId', '=', id).execute();
    await trx.deleteFrom('deals').where('id', '=', id).execute();
    await addToStageTotals(trx, before, -1);
    for (const o of orders) await addToMonthTotals(trx, { ...o, total: Number(o.total), dealId: null }, 1);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'deal', entityId: id, before });
    await emitEvent(trx, 'deal.deleted', 'deal', id, { id });
  });
}

// Conversion: qualifies a lead (lifecycle stage qualified/opportunity), links or creates its company, and marks the
// lead converted. The contact keeps its whole history (timeline, lead activity, score). A deal is created once the
// deals part of the sales module offers createDeal; until then dealId stays null.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { createCompany, updateContact } from '../../customers/index.js';
import type { ConvertInput, Lead } from './lead-schemas.js';
import { getLead } from './lead-repository.js';

export async function convertLead(db: Db, actor: Actor, contactId: string, input: ConvertInput): Promise<{ lead: Lead; dealId: string | null; dealCreated: boolean }> {
  const before = await getLead(db, actor, contactId);
  if (before.status === 'converted') throw new AppError('conflict', 'This lead is already converted');
  if (before.status === 'disqualified') throw new AppError('conflict', 'A disqualified lead cannot be converted; reopen it first');
  if (input.deal) throw new AppError('validation', 'Deals are not available yet: convert without "deal" (the lead is qualified and can get its deal later)', [{ path: 'deal', message: 'deals are not available yet' }]);
  let companyId = before.companyId;
  if (!companyId && input.companyName) companyId = (await createCompany(db, actor, { name: input.companyName, ownerId: before.ownerId })).id;
  await updateContact(db, actor, contactId, { lifecycleStage: input.stage, ...(companyId !== before.companyId && { companyId }) });
  const now = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    const changes = { status: 'converted' as const, convertedAt: now, lastTouchedAt: now, updatedAt: now };
    await trx.updateTable('leadDetails').set(changes).where('contactId', '=', contactId).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'lead', entityId: contactId, before: { status: before.status, convertedAt: null }, after: { status: 'converted', convertedAt: now, stage: input.stage, note: input.note ?? null } });
    await emitEvent(trx, 'lead.converted', 'contact', contactId, { contactId, stage: input.stage, companyId, dealId: null, note: input.note ?? null });
  });
  return { lead: await getLead(db, actor, contactId), dealId: null, dealCreated: false };
}

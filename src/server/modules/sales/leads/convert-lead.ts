// Conversion: qualifies a lead (lifecycle stage qualified/opportunity), links or creates its company, makes a deal
// with the contact and company when asked, and marks the lead converted. The contact keeps its whole history
// (timeline, lead activity, score) because nothing is moved: the lead details stay keyed by the contact.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { createCompany, updateContact } from '../../customers/index.js';
import { createDeal } from '../deals/create-deal.js';
import type { ConvertInput, Lead } from './lead-schemas.js';
import { getLead } from './lead-repository.js';

export async function convertLead(db: Db, actor: Actor, contactId: string, input: ConvertInput): Promise<{ lead: Lead; dealId: string | null; dealCreated: boolean }> {
  const before = await getLead(db, actor, contactId);
  if (before.status === 'converted') throw new AppError('conflict', 'This lead is already converted');
  if (before.status === 'disqualified') throw new AppError('conflict', 'A disqualified lead cannot be converted; set it back to new or working first');
  const stage = input.stage ?? (input.deal ? 'opportunity' : 'qualified');
  let companyId = before.companyId;
  if (!companyId && input.companyName) companyId = (await createCompany(db, actor, { name: input.companyName, ownerId: before.ownerId })).id;
  // The deal first: when it is refused (an unknown pipeline, say) the lead stays as it was.
  const deal = input.deal
    ? await createDeal(db, actor, {
        name: input.deal.name,
        amount: input.deal.amount,
        currency: input.deal.currency,
        pipelineId: input.deal.pipelineId,
        expectedCloseDate: input.deal.expectedCloseDate ?? null,
        ownerId: before.ownerId ?? undefined,
        companyId,
        contacts: [{ contactId }],
      })
    : null;
  await updateContact(db, actor, contactId, { lifecycleStage: stage, ...(companyId !== before.companyId && { companyId }) });
  const now = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    const changes = { status: 'converted' as const, convertedAt: now, lastTouchedAt: now, dealId: deal?.id ?? null, updatedAt: now };
    await trx.updateTable('leadDetails').set(changes).where('contactId', '=', contactId).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'lead', entityId: contactId, before: { status: before.status, convertedAt: null, dealId: null }, after: { ...changes, stage, note: input.note ?? null } });
    await emitEvent(trx, 'lead.converted', 'contact', contactId, { contactId, stage, companyId, dealId: deal?.id ?? null, note: input.note ?? null });
  });
  return { lead: await getLead(db, actor, contactId), dealId: deal?.id ?? null, dealCreated: deal !== null };
}

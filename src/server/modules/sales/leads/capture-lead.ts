// Inbound capture (a web form or an API submission): creates or matches the contact, keeps the lead details
// (source, UTM, form, message), records the form submission as behaviour, and emits lead.created.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { createCompany, createContact, getContact, updateContact, type Contact } from '../../customers/index.js';
import type { CaptureLeadInput, Lead } from './lead-schemas.js';
import { findCompanyByName, findLeadContact } from './contact-lookup.js';
import { getLead } from './lead-repository.js';
import { insertInitialScores } from '../scoring/initial-score.js';
import { explanationColumns } from '../assignment/assignment-steps.js';

async function resolveCompany(db: Db, actor: Actor, input: CaptureLeadInput): Promise<string | null> {
  if (!input.company) return null;
  const found = await findCompanyByName(db, actor, input.company);
  if (found) return found;
  return (await createCompany(db, actor, { name: input.company, industry: input.industry ?? null, size: input.companySize ?? null, ownerId: null })).id;
}

function addressOf(input: CaptureLeadInput) {
  return input.region || input.city || input.country ? { region: input.region ?? null, city: input.city ?? null, country: input.country ?? null } : null;
}

async function upsertLeadContact(db: Db, actor: Actor, input: CaptureLeadInput): Promise<{ contact: Contact; matchedBy: 'email' | 'phone' | null }> {
  const match = await findLeadContact(db, actor, input.email, input.phone);
  const companyId = await resolveCompany(db, actor, input);
  if (!match) {
    const contact = await createContact(db, actor, {
      displayName: input.name,
      givenName: input.givenName ?? null,
      familyName: input.familyName ?? null,
      emails: input.email ? [input.email] : undefined,
      phones: input.phone ? [input.phone] : undefined,
      title: input.title ?? null,
      companyId,
      address: addressOf(input),
      source: input.source ?? 'web_form',
      lifecycleStage: 'lead',
      ownerId: null, // the assignment rules choose the owner
    });
    return { contact, matchedBy: null };
  }
  // A known person: add what is new, never overwrite what the team already keeps.
  const current = await getContact(db, actor, match.id);
  const contact = await updateContact(db, actor, match.id, {
    emails: input.email && !current.emails.includes(input.email) ? [...current.emails, input.email] : undefined,
    phones: input.phone ? [...current.phones, input.phone] : undefined,
    title: current.title ? undefined : (input.title ?? undefined),
    companyId: current.companyId ? undefined : (companyId ?? undefined),
    address: current.address ? undefined : (addressOf(input) ?? undefined),
    lifecycleStage: current.lifecycleStage === 'subscriber' ? 'lead' : undefined,
  });
  return { contact, matchedBy: match.by };
}

export async function captureLead(db: Db, actor: Actor, input: CaptureLeadInput): Promise<{ lead: Lead; created: boolean; matchedBy: 'email' | 'phone' | null }> {
  const { contact, matchedBy } = await upsertLeadContact(db, actor, input);
  const now = nowIso();
  const details = {
    source: input.source ?? contact.source ?? 'web_form',
    utmSource: input.utmSource ?? null,
    utmMedium: input.utmMedium ?? null,
    utmCampaign: input.utmCampaign ?? null,
    utmTerm: input.utmTerm ?? null,
    utmContent: input.utmContent ?? null,
    formName: input.formName ?? null,
    message: input.message ?? null,
    updatedAt: now,
  };
  const created = await db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('leadDetails').selectAll().where('contactId', '=', contact.id).executeTakeFirst();
    if (before) {
      await trx.updateTable('leadDetails').set(details).where('contactId', '=', contact.id).execute();
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'lead', entityId: contact.id, before, after: { ...before, ...details } });
    } else {
      const assignment = contact.ownerId
        ? { assignmentStatus: 'kept', ...explanationColumns([{ kind: 'keptExisting', params: { name: contact.ownerName ?? contact.ownerId } }]), assignedAt: now }
        : { assignmentStatus: 'pending', ...explanationColumns(null), assignedAt: null };
      const row = { contactId: contact.id, status: 'new' as const, ...details, ...assignment, assignmentRuleId: null, reassignCount: 0, lastTouchedAt: null, convertedAt: null, dealId: null, createdAt: now };
      // The outbox consumer may have opened the lead from contact.created already; the form's details win.
      await trx.insertInto('leadDetails').values(row).onConflict((oc) => oc.column('contactId').doUpdateSet(details)).execute();
      await insertInitialScores(trx, [contact.id]);
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'lead', entityId: contact.id, after: row });
      await emitEvent(trx, 'lead.created', 'contact', contact.id, { contactId: contact.id, source: details.source, via: 'capture' });
    }
    const activity = { id: newId(), contactId: contact.id, kind: 'form_submitted' as const, occurredAt: now, sourceEventId: null, detail: JSON.stringify({ formName: input.formName ?? null, utmCampaign: input.utmCampaign ?? null }), createdAt: now };
    await trx.insertInto('leadActivity').values(activity).execute();
    await emitEvent(trx, 'lead.form_submitted', 'contact', contact.id, { contactId: contact.id, formName: input.formName ?? null, utm: { source: details.utmSource, medium: details.utmMedium, campaign: details.utmCampaign } });
    await emitEvent(trx, 'lead.activity_recorded', 'contact', contact.id, { contactId: contact.id, kind: 'form_submitted' });
    return !before;
  });
  // The submitter sees what it submitted, even when the new lead has no owner yet and so is outside its scope.
  return { lead: await getLead(db, { ...actor, visibility: 'all' }, contact.id), created, matchedBy };
}

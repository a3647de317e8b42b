// Processes stored form submissions: the contact is matched by e-mail (or made), takes the form's values, consent
// (at once, or after the double opt-in click), the visitor's web history; the submission lands on the contact's
// timeline and a form.submitted event goes to the outbox (journeys start on it), in the transaction that marks it
// processed. A claim expires, so a crashed worker's submission is taken up again (contact and visitor steps repeat
// harmlessly; the note and the event are written once).
import type { Db } from '../../../core/db/database.js';
import { systemActor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { nowIso } from '../../../core/ids.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { companyIdByName, contactIdByEmail, createCompany, createContact, getContact, updateContact, type ContactInput } from '../../customers/index.js';
import { createNoteIn } from '../../interactions/index.js';
import { linkVisitor, visitorOf } from '../tracking/link-visitor.js';
import { loadSiteByKey } from '../tracking/web-sites.js';
import { sendConfirmation } from './form-confirmation.js';
import type { SubmissionContext } from './submit-form.js';
import { loadForm, type LoadedForm } from './web-forms.js';
import type { WebFormSubmissionsTable } from '../tracking/tracking-tables.js';

const CLAIM_MS = 5 * 60_000;

async function claim(db: Db, limit: number): Promise<WebFormSubmissionsTable[]> {
  const now = nowIso();
  const free = (eb: any) => eb.or([eb('status', '=', 'received'), eb.and([eb('status', '=', 'processing'), eb('processedAt', '<', now)])]);
  return db.kysely
    .updateTable('webFormSubmissions')
    .set({ status: 'processing', processedAt: new Date(Date.now() + CLAIM_MS).toISOString() })
    .where((eb) => eb('id', 'in', eb.selectFrom('webFormSubmissions').select('id').where(free).orderBy('receivedAt').orderBy('id').limit(limit)))
    .where(free)
    .returningAll()
    .execute();
}

async function contactInput(db: Db, fields: Record<string, string>, existing: { emails: string[]; phones: string[] } | null): Promise<ContactInput> {
  const input: ContactInput = {};
  if (fields.name) input.displayName = fields.name;
  if (fields.givenName) input.givenName = fields.givenName;
  if (fields.familyName) input.familyName = fields.familyName;
  if (fields.title) input.title = fields.title;
  if (!existing) input.emails = [fields.email!];
  if (fields.phone && !existing?.phones.length) input.phones = [fields.phone];
  if (fields.company) input.companyId = (await companyIdByName(db.kysely, fields.company)) ?? (await createCompany(db, systemActor, { name: fields.company })).id;
  const custom = Object.entries(fields).filter(([k]) => k.startsWith('cf:'));
  if (custom.length) input.customFields = Object.fromEntries(custom.map(([k, v]) => [k.slice(3), v]));
  if (!existing && !input.displayName && !input.givenName && !input.familyName) input.displayName = fields.email;
  return input;
}

const timelineBody = (form: LoadedForm, fields: Record<string, string>, ctx: SubmissionContext) =>
  [
    ...form.fields.filter((f) => fields[f.key]).map((f) => `${f.label}: ${fields[f.key]}`),
    ctx.pageUrl ? `Page: ${ctx.pageUrl}` : null,
    ctx.utm ? `UTM: ${Object.entries(ctx.utm).map(([k, v]) => `${k}=${v}`).join(', ')}` : null,
  ]
    .filter(Boolean)
    .join('\n')
    .slice(0, 20_000);

async function processOne(db: Db, sub: WebFormSubmissionsTable): Promise<void> {
  const form = await loadForm(db, sub.formId);
  if (!form) return;
  const { fields, consent } = JSON.parse(sub.data) as { fields: Record<string, string>; consent: boolean };
  const ctx = JSON.parse(sub.context) as SubmissionContext;
  const matched = await contactIdByEmail(db.kysely, fields.email!);
  const existing = matched ? await getContact(db, systemActor, matched) : null;
  const input = await contactInput(db, fields, existing);
  const direct = consent && !form.doubleOptIn;
  if (direct) Object.assign(input, { consent: { email: 'granted' }, consentSource: 'form' });
  if (!existing) input.source = `Web form: ${form.name}`.slice(0, 100);
  const contact = existing ? await updateContact(db, systemActor, existing.id, input) : await createContact(db, systemActor, input);

  let visitorId: string | null = null;
  const site = ctx.site && ctx.visitor ? await loadSiteByKey(db, ctx.site) : null;
  if (site && ctx.visitor) {
    const visitor = await visitorOf(db.kysely, site.id, ctx.visitor, sub.receivedAt);
    await linkVisitor(db.kysely, visitor.id, contact.id);
    visitorId = visitor.id;
  }
  // The timeline note commits with the submission's 'processed': a worker that dies before that leaves neither, and
  // the submission's next run writes the note once.
  await db.kysely.transaction().execute(async (trx) => {
    await createNoteIn(trx, db.engine, { contactId: contact.id, subject: `Form submitted: ${form.name}`.slice(0, 300), body: timelineBody(form, fields, ctx), occurredAt: sub.receivedAt, actorId: systemActor.id });
    if (consent && form.doubleOptIn && contact.consentStatus.email.status !== 'granted') {
      await sendConfirmation(trx, { submissionId: sub.id, contactId: contact.id, email: fields.email!, formName: form.name, baseUrl: ctx.baseUrl, language: form.language, emailStatus: contact.consentStatus.email.status });
    }
    await trx.updateTable('webFormSubmissions').set({ status: 'processed', contactId: contact.id, processedAt: nowIso(), error: null }).where('id', '=', sub.id).execute();
    await emitEvent(trx, 'form.submitted', 'web_form', form.id, {
      formId: form.id,
      formName: form.name,
      submissionId: sub.id,
      contactId: contact.id,
      created: !existing,
      fields,
      consent: consent ? (form.doubleOptIn ? 'pending_confirmation' : 'granted') : 'not_given',
      utm: ctx.utm,
      pageUrl: ctx.pageUrl,
      visitorId,
    });
  });
}

/** One round: up to 50 submissions; one that fails is marked failed with the reason (shown in the submissions list). */
export async function processSubmissions(db: Db): Promise<number> {
  const subs = await claim(db, 50);
  for (const sub of subs) {
    try {
      await processOne(db, sub);
    } catch (err) {
      const message = err instanceof AppError ? `${err.message}${err.errors?.length ? `: ${err.errors.map((e) => `${e.path} ${e.message}`).join('; ')}` : ''}` : 'processing failed';
      if (!(err instanceof AppError)) console.error('form submission failed', sub.id, err);
      await db.kysely.updateTable('webFormSubmissions').set({ status: 'failed', error: message.slice(0, 500), processedAt: nowIso() }).where('id', '=', sub.id).execute();
    }
  }
  return subs.length;
}

registerPoller({ name: 'marketing.forms.submissions', run: processSubmissions, idleMs: 1000 });

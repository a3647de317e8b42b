// Opens, clicks and unsubscribes of journey e-mails, reached through the campaigns' signed /mail/* links: an open or a
// click is recorded once per enrolment, step and kind (what an engagement branch asks); a click goes on to the link at
// its index in the step's own template, never to an address taken from the request; an unsubscribe puts the address
// the e-mail went to on the suppression list and withdraws the contact's e-mail consent, as a campaign's does.
import { systemActor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import { updateContact } from '../../customers/index.js';
import { suppress } from '../campaigns/suppression.js';
import { compiledJourneyMail, journeyMailLanguage } from './journey-mail.js';
import { findJourneyRow, loadedJourney } from './journey-store.js';

export interface JourneyMailRef {
  enrolmentId: string;
  stepId: string;
}

async function record(db: Db, ref: JourneyMailRef, kind: 'opened' | 'clicked') {
  await db.kysely.insertInto('journeyEmailEvents').values({ enrolmentId: ref.enrolmentId, stepId: ref.stepId, kind, at: nowIso() }).onConflict((oc) => oc.columns(['enrolmentId', 'stepId', 'kind']).doNothing()).execute();
}

/** The e-mail step that was sent to this enrolment, with the address it went to; undefined when there was none. */
async function sentMail(db: Db, ref: JourneyMailRef) {
  return db.kysely
    .selectFrom('journeyStepRuns as r')
    .innerJoin('journeyEnrolments as e', 'e.id', 'r.enrolmentId')
    .innerJoin('mailOutbox as m', 'm.id', 'r.detail')
    .select(['e.journeyId', 'e.contactId', 'm.toAddress'])
    .where('r.enrolmentId', '=', ref.enrolmentId)
    .where('r.stepId', '=', ref.stepId)
    .where('r.outcome', '=', 'done')
    .executeTakeFirst();
}

export async function recordJourneyOpen(db: Db, ref: JourneyMailRef): Promise<void> {
  if (await sentMail(db, ref)) await record(db, ref, 'opened');
}

/** The link to send the reader on to, or null when the e-mail or its link is not known. */
export async function recordJourneyClick(db: Db, ref: JourneyMailRef, linkIndex: number): Promise<string | null> {
  const mail = await sentMail(db, ref);
  const row = mail ? await findJourneyRow(db.kysely, mail.journeyId) : undefined;
  const step = row ? loadedJourney(row).places.get(ref.stepId)?.step : undefined;
  if (!step || step.kind !== 'email') return null;
  const target = (await compiledJourneyMail(step.subject, step.body)).links[linkIndex];
  if (!target || !/^https?:\/\//i.test(target)) return null;
  await record(db, ref, 'clicked');
  return target;
}

/** Who the e-mail went to (for the unsubscribe page) and in which language. */
export async function journeyMailRecipient(db: Db, ref: JourneyMailRef): Promise<{ email: string; contactId: string; language: 'en' | 'zh-CN'; unsubscribed: boolean } | null> {
  const mail = await sentMail(db, ref);
  if (!mail) return null;
  const row = await findJourneyRow(db.kysely, mail.journeyId);
  const step = row ? loadedJourney(row).places.get(ref.stepId)?.step : undefined;
  const language = step?.kind === 'email' ? journeyMailLanguage(step.subject, step.body) : 'en';
  const suppressed = await db.kysely.selectFrom('emailSuppressions').select('reason').where('email', '=', mail.toAddress.trim().toLowerCase()).executeTakeFirst();
  return { email: mail.toAddress, contactId: mail.contactId, language, unsubscribed: Boolean(suppressed) };
}

export async function recordJourneyUnsubscribe(db: Db, who: { email: string; contactId: string }): Promise<void> {
  await suppress(db.kysely, who.email, 'unsubscribed', { contactId: who.contactId });
  try {
    await updateContact(db, systemActor, who.contactId, { consent: { email: 'withdrawn' }, consentSource: 'unsubscribe' });
  } catch {
    // Deleted contact: the suppression list still keeps the address out of every later e-mail.
  }
}

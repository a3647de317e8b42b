// What each step does, inside the transaction that records it (journey-runner.ts): the mail row, the task, the tag,
// the owner, the field and the queued webhook call commit together with the step's run, so a crash before the commit
// leaves no trace and the step runs again, and a crash after it never runs it twice.
import { sql } from 'kysely';
import type { DbOrTrx, Engine } from '../../../core/db/database.js';
import { newId, nowIso } from '../../../core/ids.js';
import { queueMail } from '../../../core/mail/mail-outbox.js';
import { messageIdDomain } from '../../../core/mail/smtp-settings.js';
import { changeContactIn, type Contact } from '../../customers/index.js';
import { createTaskIn } from '../../interactions/index.js';
import { compiledRules } from '../segments/segment-conditions.js';
import type { JourneyStep } from './journey-definition.js';
import { renderTemplate } from './journey-template.js';
import { suppressionOf } from '../campaigns/suppression.js';
import { JOURNEY_MAIL_KIND, renderJourneyMail } from './journey-mail.js';
import { waitEnds } from './journey-wait.js';
import type { LoadedJourney } from './journey-store.js';

export interface StepContext {
  trx: DbOrTrx;
  engine: Engine;
  journey: LoadedJourney;
  enrolmentId: string;
  contact: Contact;
  now: Date;
  timeZone: string;
}

export interface StepResult {
  outcome: 'done' | 'skipped' | 'waiting' | 'yes' | 'no';
  detail: string | null;
  /** The branch's first step (or the step after the branch when that side is empty). */
  branchTo?: string | null;
  /** A wait: run again at this time. */
  until?: Date;
  /** An end step: the journey is over for this contact. */
  end?: boolean;
}

const ACTOR = 'system';

export async function contactMatches(trx: DbOrTrx, engine: Engine, contactId: string, rules: unknown): Promise<boolean> {
  const cond = await compiledRules(trx, engine, rules as never);
  const hit = await sql<{ one: number }>`select 1 as one from contacts r where r.id = ${contactId} and ${cond}`.execute(trx);
  return hit.rows.length > 0;
}

/** Opened (or clicked, which implies it was opened) the e-mail this enrolment was sent last. */
async function engaged(c: StepContext, event: 'opened' | 'clicked'): Promise<string | null> {
  const emailSteps = [...c.journey.places.values()].filter((p) => p.step.kind === 'email').map((p) => p.step.id);
  if (!emailSteps.length) return null;
  const last = await c.trx.selectFrom('journeyStepRuns').select('stepId').where('enrolmentId', '=', c.enrolmentId).where('stepId', 'in', emailSteps).where('outcome', '=', 'done').orderBy('ranAt', 'desc').limit(1).executeTakeFirst();
  if (!last) return null;
  const kinds = event === 'opened' ? ['opened', 'clicked'] : ['clicked'];
  const hit = await c.trx.selectFrom('journeyEmailEvents').select('kind').where('enrolmentId', '=', c.enrolmentId).where('stepId', '=', last.stepId).where('kind', 'in', kinds as never).executeTakeFirst();
  return hit ? last.stepId : null;
}

export async function runStep(c: StepContext, step: JourneyStep): Promise<StepResult> {
  const { trx, contact } = c;
  switch (step.kind) {
    case 'wait': {
      const until = waitEnds(c.now, step, c.timeZone);
      return until > c.now ? { outcome: 'waiting', detail: `until ${until.toISOString()}`, until } : { outcome: 'done', detail: null };
    }
    case 'branch': {
      const yes = step.condition.type === 'rules' ? await contactMatches(trx, c.engine, contact.id, step.condition.rules) : Boolean(await engaged(c, step.condition.event));
      const side = yes ? step.yes : step.no;
      return { outcome: yes ? 'yes' : 'no', detail: null, branchTo: side[0]?.id ?? null };
    }
    case 'email': {
      if (contact.consentStatus.email.status !== 'granted') return { outcome: 'skipped', detail: `no e-mail consent (${contact.consentStatus.email.status})` };
      const to = contact.emails[0];
      if (!to) return { outcome: 'skipped', detail: 'no e-mail address' };
      const suppressed = await suppressionOf(trx, to);
      if (suppressed) return { outcome: 'skipped', detail: `suppressed (${suppressed})` };
      const mail = await renderJourneyMail(step, c.enrolmentId, contact);
      const mailId = await queueMail(trx, { to, subject: mail.subject, body: mail.text, html: mail.html, listUnsubscribe: mail.unsubscribeUrl, messageIdDomain: await messageIdDomain(trx), kind: JOURNEY_MAIL_KIND, refId: `${c.enrolmentId}:${step.id}` });
      return { outcome: 'done', detail: mailId };
    }
    case 'task': {
      const assigneeId = step.assignTo === 'owner' ? contact.ownerId : step.assignTo;
      const dueAt = step.dueInDays === undefined ? null : new Date(c.now.getTime() + step.dueInDays * 86_400_000).toISOString();
      const id = await createTaskIn(trx, c.engine, { contactId: contact.id, subject: renderTemplate(step.subject, contact), body: step.body ? renderTemplate(step.body, contact) : null, dueAt, assigneeId, actorId: ACTOR });
      return { outcome: 'done', detail: id };
    }
    case 'assign_owner': {
      const changed = await changeContactIn(trx, c.engine, ACTOR, contact.id, { kind: 'owner', ownerId: step.userId });
      return changed ? { outcome: 'done', detail: step.userId } : { outcome: 'skipped', detail: 'already the owner' };
    }
    case 'update_field': {
      const changed = await changeContactIn(trx, c.engine, ACTOR, contact.id, { kind: 'field', field: step.field, value: step.value });
      return changed ? { outcome: 'done', detail: `${step.field} = ${JSON.stringify(step.value)}` } : { outcome: 'skipped', detail: 'already that value' };
    }
    case 'tag': {
      const changed = await changeContactIn(trx, c.engine, ACTOR, contact.id, { kind: step.action === 'add' ? 'add_tag' : 'remove_tag', tag: step.tag });
      return changed ? { outcome: 'done', detail: `${step.action} ${step.tag}` } : { outcome: 'skipped', detail: step.action === 'add' ? 'already tagged' : 'not tagged' };
    }
    case 'webhook': {
      const id = newId();
      const body = JSON.stringify({ id, type: 'journey.step', createdAt: nowIso(), data: { journeyId: c.journey.id, journeyName: c.journey.name, stepId: step.id, enrolmentId: c.enrolmentId, contact } });
      const at = nowIso();
      await trx.insertInto('journeyWebhookCalls').values({ id, enrolmentId: c.enrolmentId, stepId: step.id, journeyId: c.journey.id, url: step.url, body, status: 'pending', attempts: 0, nextAttemptAt: at, lockedUntil: null, lastStatusCode: null, lastError: null, createdAt: at, deliveredAt: null }).execute();
      return { outcome: 'done', detail: id };
    }
    case 'end':
      return { outcome: 'done', detail: null, end: true };
  }
}

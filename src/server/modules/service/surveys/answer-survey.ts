// The customer answers a survey through its signed link: scores and comment stored (changeable until the link
// expires), told on the ticket's timeline, and a low score (CSAT ≤ 2 or NPS ≤ 6) opens one follow-up task for the
// ticket's assignee, else the contact's owner.
import type { Db } from '../../../core/db/database.js';
import { systemActor } from '../../../core/auth/actor.js';
import { emitEvent } from '../../../core/events/outbox.js';
import { newId, nowIso } from '../../../core/ids.js';
import { logInteraction } from '../../interactions/index.js';
import { readSurveyToken } from './survey-token.js';
import { surveyLang } from './survey-wording.js';
import type { PublicSurvey, SurveyAnswer } from './survey-schemas.js';

export const isLowScore = (s: { csat: number | null; nps: number | null }) => (s.csat !== null && s.csat <= 2) || (s.nps !== null && s.nps <= 6);

export async function readSurvey(db: Db, token: string): Promise<PublicSurvey> {
  const id = await readSurveyToken(db.kysely, token);
  const s = await db.kysely
    .selectFrom('surveys as s')
    .innerJoin('tickets as t', 't.id', 's.ticketId')
    .select(['s.csat', 's.nps', 's.comment', 's.answeredAt', 's.expiresAt', 's.language', 't.number', 't.subject'])
    .where('s.id', '=', id)
    .executeTakeFirstOrThrow();
  return { ticketNumber: s.number, subject: s.subject, language: surveyLang(s.language), csat: s.csat, nps: s.nps, comment: s.comment, answeredAt: s.answeredAt, expiresAt: s.expiresAt };
}

async function openFollowUp(db: Db, surveyId: string): Promise<void> {
  // Claimed first, so two answers arriving together open one task.
  const claim = await db.kysely.updateTable('surveys').set({ followUpTaskId: 'opening' }).where('id', '=', surveyId).where('followUpTaskId', 'is', null).executeTakeFirst();
  if (Number(claim.numUpdatedRows) !== 1) return;
  const s = await db.kysely
    .selectFrom('surveys as s')
    .innerJoin('tickets as t', 't.id', 's.ticketId')
    .leftJoin('contacts as c', 'c.id', 's.contactId')
    .leftJoin('users as a', (j) => j.onRef('a.id', '=', 't.assigneeId').on('a.active', '=', 1))
    .leftJoin('users as o', (j) => j.onRef('o.id', '=', 'c.ownerId').on('o.active', '=', 1))
    .select(['s.contactId', 's.csat', 's.nps', 's.comment', 't.number', 't.subject', 'a.id as assigneeId', 'o.id as ownerId'])
    .where('s.id', '=', surveyId)
    .executeTakeFirstOrThrow();
  if (!s.contactId) return;
  const scores = [s.csat !== null ? `CSAT ${s.csat}/5` : null, s.nps !== null ? `NPS ${s.nps}/10` : null].filter(Boolean).join(', ');
  const task = await logInteraction(db, systemActor, {
    type: 'task',
    contactId: s.contactId,
    subject: `Follow up on a low satisfaction score (${scores}) for ticket #${s.number}`,
    body: [`Ticket #${s.number}: ${s.subject}`, s.comment ? `Comment: ${s.comment}` : null].filter(Boolean).join('\n'),
    dueAt: new Date(Date.now() + 86400_000).toISOString(),
    assigneeId: s.assigneeId ?? s.ownerId ?? null,
  });
  await db.kysely.updateTable('surveys').set({ followUpTaskId: task.id }).where('id', '=', surveyId).execute();
}

export async function answerSurvey(db: Db, token: string, answer: SurveyAnswer): Promise<PublicSurvey> {
  const id = await readSurveyToken(db.kysely, token);
  const now = nowIso();
  const after = await db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const values = {
      csat: answer.csat ?? before.csat,
      nps: answer.nps ?? before.nps,
      comment: answer.comment !== undefined ? answer.comment || null : before.comment,
      answeredAt: now,
    };
    await trx.updateTable('surveys').set(values).where('id', '=', id).execute();
    const data = { surveyId: id, csat: values.csat, nps: values.nps, changed: before.answeredAt !== null };
    await trx.insertInto('ticket_events').values({ id: newId(), ticketId: before.ticketId, kind: 'survey', actorId: null, body: values.comment, data: JSON.stringify(data), createdAt: now }).execute();
    await emitEvent(trx, 'survey.answered', 'ticket', before.ticketId, { ...data, ticketId: before.ticketId, contactId: before.contactId });
    return { ...before, ...values };
  });
  if (isLowScore(after) && after.followUpTaskId === null) await openFollowUp(db, id);
  return readSurvey(db, token);
}

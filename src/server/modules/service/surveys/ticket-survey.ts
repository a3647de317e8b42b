// A ticket's survey as agents see it: how it was sent, the answer, and the signed link (to read out on the phone or
// paste into another channel). Visible when the ticket is.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import { getTicketForActor } from '../tickets/ticket-repository.js';
import { surveyToken } from './survey-token.js';
import { surveyBaseUrl } from './survey-wording.js';
import type { TicketSurvey } from './survey-schemas.js';

export async function ticketSurvey(db: Db, actor: Actor, ticketId: string): Promise<TicketSurvey> {
  await getTicketForActor(db, actor, ticketId);
  const s = await db.kysely.selectFrom('surveys').selectAll().where('ticketId', '=', ticketId).executeTakeFirst();
  if (!s) throw notFound('Survey');
  const expired = Date.parse(s.expiresAt) < Date.now();
  return {
    id: s.id,
    state: s.state,
    sentVia: s.sentVia ? s.sentVia.split(',') : [],
    sentAt: s.sentAt,
    csat: s.csat,
    nps: s.nps,
    comment: s.comment,
    answeredAt: s.answeredAt,
    followUpTaskId: s.followUpTaskId,
    expiresAt: s.expiresAt,
    link: expired ? null : `${surveyBaseUrl()}/s/${await surveyToken(db.kysely, s.id, s.expiresAt)}`,
  };
}

// A ticket solved for a known customer gets one survey (pending until a sender finds a way to reach the customer);
// read from the outbox, so a solve is never missed and a ticket solved twice is asked once.
import type { Db } from '../../../core/db/database.js';
import { consumeEvents } from '../../../core/events/consume-events.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { newId, nowIso } from '../../../core/ids.js';
import { SURVEY_TTL_DAYS } from './survey-token.js';

export async function openSurveys(db: Db): Promise<number> {
  return consumeEvents(db, 'service.surveys', async (events, trx) => {
    for (const e of events) {
      if (e.type !== 'ticket.status_changed' || (e.payload as { to?: string }).to !== 'solved') continue;
      const ticket = await trx.selectFrom('tickets').select(['id', 'contactId', 'assigneeId', 'teamId', 'language', 'mergedIntoId']).where('id', '=', e.entityId).executeTakeFirst();
      if (!ticket?.contactId || ticket.mergedIntoId) continue;
      const now = nowIso();
      await trx
        .insertInto('surveys')
        .values({
          id: newId(),
          ticketId: ticket.id,
          contactId: ticket.contactId,
          state: 'pending',
          sentVia: null,
          language: ticket.language,
          expiresAt: new Date(Date.now() + SURVEY_TTL_DAYS * 86400_000).toISOString(),
          csat: null,
          nps: null,
          comment: null,
          answeredAt: null,
          followUpTaskId: null,
          assigneeId: ticket.assigneeId,
          teamId: ticket.teamId,
          createdAt: now,
          sentAt: null,
        })
        .onConflict((oc) => oc.column('ticketId').doNothing())
        .execute();
    }
  });
}

registerPoller({ name: 'service.surveys-open', run: openSurveys, idleMs: 2000 });

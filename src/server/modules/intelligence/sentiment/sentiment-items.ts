// The items sentiment is kept for (messages, interactions, ticket notes, survey comments): their text, their customer,
// and which of them an actor may see. Read-only queries; visibility follows each item's own rule (conversation or
// ticket: assignee/team; interaction: its contact or company).
import type { DbOrTrx } from '../../../core/db/database.js';
import { visibleTo, systemActor, type Actor } from '../../../core/auth/actor.js';
import { contactOrCompanyVisibleTo } from '../../../core/auth/record-scope.js';
import type { SentimentItemKind } from '../tables.js';

export interface SentimentItem {
  id: string;
  text: string;
  contactId: string | null;
  occurredAt: string;
}

/** The items of `ids` the actor may see (all of them for the system actor). */
export async function visibleItems(db: DbOrTrx, actor: Actor, kind: SentimentItemKind, ids: string[]): Promise<SentimentItem[]> {
  if (ids.length === 0) return [];
  switch (kind) {
    case 'message':
      return db
        .selectFrom('messages as m')
        .innerJoin('conversations as cv', 'cv.id', 'm.conversationId')
        .select(['m.id', 'm.bodyText as text', 'cv.contactId', 'm.createdAt as occurredAt'])
        .where('m.id', 'in', ids)
        .where((eb) => visibleTo(eb, actor, 'cv.assigneeId', 'cv.teamId'))
        .execute();
    case 'interaction': {
      const rows = await db
        .selectFrom('interactions as i')
        .select(['i.id', 'i.subject', 'i.body', 'i.contactId', 'i.occurredAt'])
        .where('i.id', 'in', ids)
        .where((eb) => contactOrCompanyVisibleTo(eb, actor, 'i.contactId', 'i.companyId'))
        .execute();
      return rows.map((r) => ({ id: r.id, text: r.body ?? r.subject ?? '', contactId: r.contactId, occurredAt: r.occurredAt }));
    }
    case 'ticket_event': {
      const rows = await db
        .selectFrom('ticket_events as te')
        .innerJoin('tickets as t', 't.id', 'te.ticketId')
        .select(['te.id', 'te.body', 't.contactId', 'te.createdAt as occurredAt'])
        .where('te.id', 'in', ids)
        .where((eb) => visibleTo(eb, actor, 't.assigneeId', 't.teamId'))
        .execute();
      return rows.map((r) => ({ id: r.id, text: r.body ?? '', contactId: r.contactId, occurredAt: r.occurredAt }));
    }
    case 'survey': {
      const rows = await db
        .selectFrom('surveys as s')
        .innerJoin('tickets as t', 't.id', 's.ticketId')
        .select(['s.id', 's.comment', 's.contactId', 's.answeredAt', 's.createdAt'])
        .where('s.id', 'in', ids)
        .where((eb) => visibleTo(eb, actor, 't.assigneeId', 't.teamId'))
        .execute();
      return rows.map((r) => ({ id: r.id, text: r.comment ?? '', contactId: r.contactId, occurredAt: r.answeredAt ?? r.createdAt }));
    }
  }
}

export const itemForSystem = async (db: DbOrTrx, kind: SentimentItemKind, id: string) => (await visibleItems(db, systemActor, kind, [id]))[0];

// A deal's timeline: what was logged against the deal and what happened with its contacts, newest first, within the
// actor's record scope. The sales module checks the deal and names its contacts; this module only reads interactions.
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../core/pagination.js';
import { scopedQuery, toInteraction } from './interaction-service.js';
import type { Interaction } from './schemas.js';

export interface DealTimelineQuery {
  dealId: string;
  contactIds: string[];
  limit: number;
  cursor?: string;
}

export async function listDealTimeline(db: Db, actor: Actor, query: DealTimelineQuery): Promise<Page<Interaction>> {
  let q = scopedQuery(db.kysely, actor)
    .where((eb) => (query.contactIds.length ? eb.or([eb('i.dealId', '=', query.dealId), eb('i.contactId', 'in', query.contactIds)]) : eb('i.dealId', '=', query.dealId)))
    .orderBy('i.occurredAt', 'desc')
    .orderBy('i.id', 'desc')
    .limit(query.limit + 1);
  if (query.cursor) q = q.where(keysetAfter('i.occurredAt', 'i.id', decodeCursor(query.cursor, 2), 'desc'));
  const page = pageOf(await q.execute(), query.limit, (r) => [r.occurredAt, r.id]);
  return { data: page.data.map(toInteraction), nextCursor: page.nextCursor };
}

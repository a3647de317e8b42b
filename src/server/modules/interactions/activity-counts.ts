// Activities logged per user over a date range (for sales performance): interactions they created, and distinct contacts reached.
import type { DbOrTrx } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { contactOrCompanyVisibleTo } from '../../core/auth/record-scope.js';

export interface ActivityCount {
  userId: string;
  activities: number;
  contactsReached: number;
}

/** With an actor, only interactions that actor may see count (see interaction-service.ts). */
export async function activityCountsByUser(db: DbOrTrx, range: { from: string; to: string; userIds?: string[]; actor?: Actor }): Promise<ActivityCount[]> {
  if (range.userIds && range.userIds.length === 0) return [];
  let q = db
    .selectFrom('interactions as i')
    .select((eb) => ['i.createdBy', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('i.contactId').distinct().as('contacts')])
    .where('i.createdBy', 'is not', null)
    .where('i.occurredAt', '>=', range.from)
    .where('i.occurredAt', '<', range.to)
    .groupBy('i.createdBy');
  if (range.userIds) q = q.where('i.createdBy', 'in', range.userIds);
  const actor = range.actor;
  if (actor) q = q.where((eb) => contactOrCompanyVisibleTo(eb, actor, 'i.contactId', 'i.companyId'));
  return (await q.execute()).map((r) => ({ userId: r.createdBy!, activities: Number(r.n), contactsReached: Number(r.contacts) }));
}

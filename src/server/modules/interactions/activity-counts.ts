// Activities logged per user over a date range (for sales performance): interactions they created, and distinct contacts reached.
import type { DbOrTrx } from '../../core/db/database.js';

export interface ActivityCount {
  userId: string;
  activities: number;
  contactsReached: number;
}

export async function activityCountsByUser(db: DbOrTrx, range: { from: string; to: string; userIds?: string[] }): Promise<ActivityCount[]> {
  if (range.userIds && range.userIds.length === 0) return [];
  let q = db
    .selectFrom('interactions')
    .select((eb) => ['createdBy', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('contactId').distinct().as('contacts')])
    .where('createdBy', 'is not', null)
    .where('occurredAt', '>=', range.from)
    .where('occurredAt', '<', range.to)
    .groupBy('createdBy');
  if (range.userIds) q = q.where('createdBy', 'in', range.userIds);
  return (await q.execute()).map((r) => ({ userId: r.createdBy!, activities: Number(r.n), contactsReached: Number(r.contacts) }));
}

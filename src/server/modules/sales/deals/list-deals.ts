// The table view of deals: filters, sort, name search and keyset cursors, scoped to what the actor may see.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../../core/pagination.js';
import { dealQuery, toDeal } from './deal-repository.js';
import type { Deal, DealListQuery } from './deal-schemas.js';

const sorts = { createdAt: 'd.id', name: 'd.name', amount: 'd.amount', expectedCloseDate: 'd.expectedCloseDate', updatedAt: 'd.updatedAt', stageEnteredAt: 'd.stageEnteredAt' } as const;
type SortKey = keyof typeof sorts;

export async function listDeals(db: Db, actor: Actor, q: DealListQuery): Promise<Page<Deal>> {
  const raw = q.sort ?? '-createdAt';
  const desc = raw.startsWith('-');
  const key = (desc ? raw.slice(1) : raw) as SortKey;
  const col = sorts[key];
  if (!col) throw new AppError('validation', `Cannot sort deals by "${key}"`, [{ path: 'sort', message: `one of ${Object.keys(sorts).join(', ')} (prefix - for descending)` }]);
  let query = dealQuery(db.kysely).where((eb) => visibleTo(eb, actor, 'd.ownerId', 'd.teamId'));
  if (q.pipelineId) query = query.where('d.pipelineId', '=', q.pipelineId);
  if (q.stageId) query = query.where('d.stageId', '=', q.stageId);
  if (q.ownerId) query = query.where('d.ownerId', '=', q.ownerId === 'me' ? actor.id : q.ownerId);
  if (q.companyId) query = query.where('d.companyId', '=', q.companyId);
  if (q.contactId) query = query.where('d.id', 'in', (eb) => eb.selectFrom('dealContacts').select('dealId').where('contactId', '=', q.contactId!));
  if (q.status) query = query.where('d.status', '=', q.status);
  if (q.forecastCategory) query = query.where('d.forecastCategory', '=', q.forecastCategory);
  if (q.closeMonth) query = query.where('d.expectedCloseDate', '>=', `${q.closeMonth}-01`).where('d.expectedCloseDate', '<=', `${q.closeMonth}-31`);
  if (q.q) query = query.where((eb) => eb(eb.fn('lower', ['d.name']), 'like', `%${q.q!.toLowerCase()}%`));
  const dir = desc ? 'desc' : 'asc';
  const cmp = desc ? '<' : '>';
  if (q.cursor) {
    const cursor = decodeCursor(q.cursor, 2);
    if (key === 'createdAt') query = query.where('d.id', cmp, String(cursor[1]));
    // Rows without a close date sort as '' so the keyset stays total.
    else if (key === 'expectedCloseDate') query = query.where(keysetAfter(sql`coalesce(d.expected_close_date, '')`, 'd.id', cursor, dir));
    else query = query.where(keysetAfter(col, 'd.id', cursor, dir));
  }
  query = key === 'createdAt' ? query.orderBy('d.id', dir) : key === 'expectedCloseDate' ? query.orderBy((eb) => eb.fn.coalesce('d.expectedCloseDate', eb.val('')), dir).orderBy('d.id', dir) : query.orderBy(col, dir).orderBy('d.id', dir);
  const rows = (await query.limit(q.limit + 1).execute()).map(toDeal);
  return pageOf(rows, q.limit, (r) => {
    const v = key === 'createdAt' ? r.id : key === 'expectedCloseDate' ? (r.expectedCloseDate ?? '') : (r[key] as string | number);
    return [v, r.id];
  });
}

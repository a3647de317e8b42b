// Reads of RFM: the 5 × 5 recency × frequency grid and the segment summary over the contacts the actor may see, the
// contacts of one cell or segment, and one contact's scores.
import type { DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { contactVisibleTo } from '../../../core/auth/record-scope.js';
import { rfmSegmentNames, rfmSegments, type RfmSegment } from './rfm-score.js';

export async function rfmOverview(db: DbOrTrx, actor: Actor) {
  const scoped = db.selectFrom('rfm_scores').where((eb) => contactVisibleTo(eb, actor, 'rfm_scores.contactId'));
  const [cells, segs, last] = await Promise.all([
    scoped.select((eb) => ['r', 'f', eb.fn.countAll<number>().as('contacts')]).groupBy(['r', 'f']).execute(),
    scoped.select((eb) => ['segment', eb.fn.countAll<number>().as('contacts'), eb.fn.sum<number>('monetary').as('monetary'), eb.fn.avg<number>('recencyDays').as('recency'), eb.fn.avg<number>('orders').as('orders')]).groupBy('segment').execute(),
    db.selectFrom('rfm_scores').select((eb) => eb.fn.max('computedAt').as('at')).executeTakeFirst(),
  ]);
  const grid = cells.map((c) => ({ r: Number(c.r), f: Number(c.f), contacts: Number(c.contacts) })).sort((a, b) => b.r - a.r || b.f - a.f);
  const bySeg = new Map(segs.map((s) => [s.segment, s]));
  const segments = rfmSegments.map((key) => {
    const s = bySeg.get(key);
    return { key, name: rfmSegmentNames[key].en, nameZh: rfmSegmentNames[key].zh, contacts: Number(s?.contacts ?? 0), monetary: Number(s?.monetary ?? 0), averageRecencyDays: Math.round(Number(s?.recency ?? 0)), averageOrders: Math.round(Number(s?.orders ?? 0) * 10) / 10 };
  });
  return { computedAt: (last?.at as string | null) ?? null, grid, segments };
}

export async function rfmContacts(db: DbOrTrx, actor: Actor, q: { r?: number; f?: number; segment?: RfmSegment; limit: number }) {
  let query = db
    .selectFrom('rfm_scores as s')
    .innerJoin('contacts as c', 'c.id', 's.contactId')
    .select(['c.id', 'c.displayName', 's.r', 's.f', 's.m', 's.segment', 's.recencyDays', 's.orders', 's.monetary', 's.lastOrderAt'])
    .where((eb) => contactVisibleTo(eb, actor, 's.contactId'));
  if (q.r) query = query.where('s.r', '=', q.r);
  if (q.f) query = query.where('s.f', '=', q.f);
  if (q.segment) query = query.where('s.segment', '=', q.segment);
  const rows = await query.orderBy('s.monetary', 'desc').orderBy('c.id').limit(q.limit).execute();
  return rows.map((r) => ({ ...r, r: Number(r.r), f: Number(r.f), m: Number(r.m), recencyDays: Number(r.recencyDays), orders: Number(r.orders), monetary: Number(r.monetary), segment: r.segment as RfmSegment }));
}

export async function contactRfm(db: DbOrTrx, contactId: string) {
  return db.selectFrom('rfm_scores').selectAll().where('contactId', '=', contactId).executeTakeFirst();
}

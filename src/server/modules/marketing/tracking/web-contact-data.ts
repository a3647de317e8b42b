// A contact's web data in merge (visitors, raw events and daily roll-ups move to the survivor, back on undo), the
// per-person export and erasure (visitors and raw events deleted, with batches still waiting from those visitors;
// roll-up counts kept only in the anonymous bucket, without the person).
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database.js';
import { registerContactDataParticipant } from '../../customers/index.js';
import { addDaily, dailyRowsOf, moveAllDaily, subtractDaily, type DailyCount } from './web-daily-moves.js';

const VISITOR = 'v:';
const EVENT = 'e:';
/** A moved roll-up row: 'd:' + JSON [survivorId, day, siteId, kind, key, count] (undo takes the count back off the survivor). */
const DAILY = 'd:';

const idsOf = (ids: string[], prefix: string) => ids.filter((i) => i.startsWith(prefix)).map((i) => i.slice(prefix.length));

async function inChunks(ids: string[], run: (chunk: string[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await run(ids.slice(i, i + 500));
}

registerContactDataParticipant({
  key: 'marketing.web',
  async exportFor(db, contactId) {
    const visitors = await db
      .selectFrom('webVisitors as v')
      .innerJoin('webSites as s', 's.id', 'v.siteId')
      .select(['v.id', 's.name as site', 'v.firstSeenAt', 'v.lastSeenAt', 'v.identifiedAt'])
      .where('v.contactId', '=', contactId)
      .orderBy('v.firstSeenAt')
      .execute();
    // Events without their ids: the export is what the person did, and erasure takes record ids from it.
    const events = await db
      .selectFrom('webEvents as e')
      .innerJoin('webSites as s', 's.id', 'e.siteId')
      .select(['s.name as site', 'e.kind', 'e.name', 'e.url', 'e.title', 'e.referrer', 'e.utm', 'e.props', 'e.occurredAt'])
      .where('e.contactId', '=', contactId)
      .orderBy('e.occurredAt')
      .orderBy('e.id')
      .execute();
    const daily = await dailyRowsOf(db, contactId);
    return {
      visitors,
      events: events.map((e) => ({ ...e, utm: e.utm ? JSON.parse(e.utm) : null, props: e.props ? JSON.parse(e.props) : null })),
      daily,
    };
  },
  async reassign(db, fromId, toId) {
    const visitors = await db.selectFrom('webVisitors').select('id').where('contactId', '=', fromId).execute();
    if (visitors.length) await db.updateTable('webVisitors').set({ contactId: toId }).where('contactId', '=', fromId).execute();
    const events = await db.selectFrom('webEvents').select('id').where('contactId', '=', fromId).execute();
    if (events.length) await db.updateTable('webEvents').set({ contactId: toId }).where('contactId', '=', fromId).execute();
    const daily = await moveAllDaily(db, fromId, toId);
    return [
      ...visitors.map((v) => VISITOR + v.id),
      ...events.map((e) => EVENT + e.id),
      ...daily.map((d) => DAILY + JSON.stringify([toId, d.day, d.siteId, d.kind, d.key, d.count])),
    ];
  },
  async restore(db, ids, toId) {
    await inChunks(idsOf(ids, VISITOR), (chunk) => db.updateTable('webVisitors').set({ contactId: toId }).where('id', 'in', chunk).execute());
    await inChunks(idsOf(ids, EVENT), (chunk) => db.updateTable('webEvents').set({ contactId: toId }).where('id', 'in', chunk).execute());
    const bySurvivor = new Map<string, DailyCount[]>();
    for (const raw of idsOf(ids, DAILY)) {
      const [survivorId, day, siteId, kind, key, count] = JSON.parse(raw) as [string, string, string, string, string, number];
      bySurvivor.set(survivorId, [...(bySurvivor.get(survivorId) ?? []), { day, siteId, kind, key, count }]);
    }
    for (const [survivorId, rows] of bySurvivor) {
      await subtractDaily(db, survivorId, rows);
      await addDaily(db, toId, rows);
    }
  },
  async erase(db, contactId) {
    const visitors = await db.selectFrom('webVisitors').select(['id', 'siteId', 'visitorKey']).where('contactId', '=', contactId).execute();
    let n = 0;
    await inChunks(visitors.map((v) => v.id), async (chunk) => {
      n += Number((await db.deleteFrom('webEvents').where('visitorId', 'in', chunk).executeTakeFirst()).numDeletedRows);
    });
    n += Number((await db.deleteFrom('webEvents').where('contactId', '=', contactId).executeTakeFirst()).numDeletedRows);
    for (const v of visitors) await dropWaitingBatches(db, v.siteId, v.visitorKey);
    n += Number((await db.deleteFrom('webVisitors').where('contactId', '=', contactId).executeTakeFirst()).numDeletedRows);
    // The site's page and event totals stay right; the counts no longer say whose they were.
    const daily = await moveAllDaily(db, contactId, '');
    return n + daily.length;
  },
});

/** Batches of the visitor not processed yet: processing them after the erasure would link the visitor again. */
async function dropWaitingBatches(db: DbOrTrx, siteId: string, visitorKey: string): Promise<void> {
  // The key is 8–64 letters, digits, - or _ (checked on intake); '_' is a LIKE wildcard, so escape it.
  const pattern = `%"visitor":"${visitorKey.replace(/_/g, '\\_')}"%`;
  await db.deleteFrom('webIntake').where('siteId', '=', siteId).where(sql<boolean>`payload like ${pattern} escape '\\'`).execute();
}

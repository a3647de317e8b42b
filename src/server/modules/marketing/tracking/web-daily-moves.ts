// Moving daily roll-up counts from one contact's rows to another's ('' is the anonymous bucket): a visitor who
// identifies takes their rolled-up anonymous days along, a merge moves the loser's days to the survivor (and back on
// undo), an erasure leaves the counts in the anonymous bucket without the person.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../core/db/database.js';

export interface DailyCount {
  day: string;
  siteId: string;
  kind: string;
  key: string;
  count: number;
}

export const ROLLED_KEY = 'marketing.webRolledUpTo';

/** A roll-up row's key: the page's path, or the event's or click's name. */
export const dailyKey = sql<string>`coalesce(case when kind = 'page' then path else name end, '')`;

/** The last day rolled up (events on or before it are counted in web_daily), or null before the first roll-up. */
export async function rolledUpTo(db: DbOrTrx): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', ROLLED_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as string | null) : null;
}

export async function dailyRowsOf(db: DbOrTrx, contactId: string): Promise<DailyCount[]> {
  return db.selectFrom('webDaily').select(['day', 'siteId', 'kind', 'key', 'count']).where('contactId', '=', contactId).orderBy('day').orderBy('siteId').orderBy('kind').orderBy('key').execute();
}

/** Adds the counts to the contact's rows (a row made where there was none). */
export async function addDaily(db: DbOrTrx, contactId: string, rows: DailyCount[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('webDaily')
      .values(rows.slice(i, i + 500).map((r) => ({ day: r.day, siteId: r.siteId, contactId, kind: r.kind, key: r.key, count: r.count })))
      .onConflict((oc) => oc.columns(['day', 'siteId', 'contactId', 'kind', 'key']).doUpdateSet({ count: sql`web_daily.count + excluded.count` }))
      .execute();
  }
}

/** Takes the counts off the contact's rows; a row left at zero is removed. */
export async function subtractDaily(db: DbOrTrx, contactId: string, rows: DailyCount[]): Promise<void> {
  for (const r of rows) {
    await db
      .updateTable('webDaily')
      .set({ count: sql`count - ${r.count}` })
      .where('day', '=', r.day)
      .where('siteId', '=', r.siteId)
      .where('contactId', '=', contactId)
      .where('kind', '=', r.kind)
      .where('key', '=', r.key)
      .execute();
  }
  if (rows.length) await db.deleteFrom('webDaily').where('contactId', '=', contactId).where('count', '<=', 0).execute();
}

/** Moves every roll-up row of `fromId` to `toId`, adding to rows `toId` already has; returns the rows moved. */
export async function moveAllDaily(db: DbOrTrx, fromId: string, toId: string): Promise<DailyCount[]> {
  const rows = await dailyRowsOf(db, fromId);
  if (!rows.length) return rows;
  await addDaily(db, toId, rows);
  await db.deleteFrom('webDaily').where('contactId', '=', fromId).execute();
  return rows;
}

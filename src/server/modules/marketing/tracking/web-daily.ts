// The daily web-tracking job: rolls the events of finished days up into per day / site / contact / page-or-event
// counts (kept for reports after the raw events are gone), then deletes raw events older than the retention.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import { dailyKey, ROLLED_KEY } from './web-daily-moves.js';

const RETENTION_KEY = 'marketing.webRetentionDays';

export const trackingSettingsSchema = z.object({
  /** Raw events older than this many days are deleted by the daily job (the daily roll-ups stay). */
  retentionDays: z.number().int().min(1).max(3650),
});
export type TrackingSettings = z.infer<typeof trackingSettingsSchema>;

async function readSetting<T>(db: DbOrTrx, key: string, dflt: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : dflt;
}

async function writeSetting(db: DbOrTrx, key: string, value: unknown): Promise<void> {
  await db.insertInto('settings').values({ key, value: JSON.stringify(value) }).onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) })).execute();
}

export async function getTrackingSettings(db: DbOrTrx): Promise<TrackingSettings> {
  return { retentionDays: await readSetting(db, RETENTION_KEY, 180) };
}

export async function setTrackingSettings(db: DbOrTrx, s: TrackingSettings): Promise<TrackingSettings> {
  await writeSetting(db, RETENTION_KEY, s.retentionDays);
  return getTrackingSettings(db);
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Rolls up every finished day not rolled up yet (re-running a day replaces its rows). Returns the rows written. */
export async function rollUpDays(db: Db, now = new Date()): Promise<number> {
  const today = dayOf(now.getTime());
  const rolledTo = await readSetting<string | null>(db.kysely, ROLLED_KEY, null);
  const first = await db.kysely.selectFrom('webEvents').select((eb) => eb.fn.min('occurredAt').as('at')).where('occurredAt', '>=', rolledTo ? dayOf(Date.parse(rolledTo) + 86_400_000) : '0000').executeTakeFirst();
  if (!first?.at) return 0;
  const from = String(first.at).slice(0, 10);
  if (from >= today) return 0;
  const key = dailyKey;
  return db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('webDaily').where('day', '>=', from).where('day', '<', today).execute();
    const res = await trx
      .insertInto('webDaily')
      .columns(['day', 'siteId', 'contactId', 'kind', 'key', 'count'])
      .expression((eb) =>
        eb
          .selectFrom('webEvents')
          .select([sql<string>`substr(occurred_at, 1, 10)`.as('day'), 'siteId', sql<string>`coalesce(contact_id, '')`.as('contactId'), 'kind', key.as('key'), (e) => e.fn.countAll<number>().as('count')])
          .where('occurredAt', '>=', from)
          .where('occurredAt', '<', today)
          .groupBy([sql`substr(occurred_at, 1, 10)`, 'siteId', sql`coalesce(contact_id, '')`, 'kind', key]),
      )
      .executeTakeFirst();
    await writeSetting(trx, ROLLED_KEY, dayOf(Date.parse(today) - 86_400_000));
    return Number(res.numInsertedOrUpdatedRows ?? 0);
  });
}

/** Deletes raw events older than the retention; returns how many. */
export async function deleteExpiredEvents(db: Db, now = new Date()): Promise<number> {
  const { retentionDays } = await getTrackingSettings(db.kysely);
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const res = await db.kysely.deleteFrom('webEvents').where('occurredAt', '<', cutoff).executeTakeFirst();
  return Number(res.numDeletedRows);
}

registerJobHandler('marketing.web.daily', async ({ db }) => ({ rolledUp: await rollUpDays(db), deleted: await deleteExpiredEvents(db) }));

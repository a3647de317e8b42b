// Organisation-wide settings kept in the settings table (default phone region, currency, time zone).
import { z } from 'zod';
import type { DbOrTrx } from './db/database.js';
import { timeZoneSchema } from './today/day-window.js';

export const orgSettingsSchema = z.object({
  defaultRegion: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as CN or US'),
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as CNY or USD'),
  /** Times the server writes to a user without a time zone of their own (reminder e-mails). */
  timeZone: timeZoneSchema,
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

const defaults: OrgSettings = { defaultRegion: 'CN', defaultCurrency: 'CNY', timeZone: 'UTC' };

export async function getOrgSettings(db: DbOrTrx): Promise<OrgSettings> {
  const rows = await db.selectFrom('settings').selectAll().where('key', 'in', Object.keys(defaults)).execute();
  const out: Record<string, unknown> = { ...defaults };
  for (const r of rows) out[r.key] = JSON.parse(r.value);
  return out as OrgSettings;
}

export async function setOrgSettings(db: DbOrTrx, patch: Partial<OrgSettings>): Promise<OrgSettings> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
  return getOrgSettings(db);
}

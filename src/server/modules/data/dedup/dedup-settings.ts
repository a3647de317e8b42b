// Thresholds of duplicate detection, set by an admin: what is suggested, and what (if anything) is merged unattended.
import { z } from 'zod';
import type { DbOrTrx, Engine } from '../../../core/db/database.js';
import { writeAudit } from '../../../core/audit/audit-log.js';

export const dedupSettingsSchema = z.strictObject({
  /** Pairs scoring at least this are suggested in the queue. */
  suggestThreshold: z.number().min(0.1).max(1),
  /** When on, the dedup job merges pairs scoring at least autoMergeThreshold without asking. */
  autoMerge: z.boolean(),
  autoMergeThreshold: z.number().min(0.5).max(1),
});
export type DedupSettings = z.infer<typeof dedupSettingsSchema>;
export const dedupSettingsPatch = dedupSettingsSchema.partial();

const KEY = 'dedup';
const defaults: DedupSettings = { suggestThreshold: 0.5, autoMerge: false, autoMergeThreshold: 0.95 };

export async function getDedupSettings(db: DbOrTrx): Promise<DedupSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return { ...defaults, ...(row ? (JSON.parse(row.value) as Partial<DedupSettings>) : {}) };
}

export async function setDedupSettings(db: DbOrTrx, engine: Engine, actorId: string, patch: z.infer<typeof dedupSettingsPatch>): Promise<DedupSettings> {
  return db.transaction().execute(async (trx) => {
    const before = await getDedupSettings(trx);
    const after = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    const value = JSON.stringify(after);
    await trx.insertInto('settings').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    await writeAudit(trx, engine, { actorId, action: 'update', entity: 'settings', entityId: KEY, before, after });
    return after;
  });
}

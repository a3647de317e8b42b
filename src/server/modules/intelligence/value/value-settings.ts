// Settings of customer value: the cost of handling one ticket (service cost in profitability) and the CLV horizon;
// and the last fitted CLV model (parameters, how many customers, or why it could not be fitted).
import { z } from 'zod';
import type { DbOrTrx } from '../../../core/db/database.js';

const SETTINGS = 'intelligence.value.settings';
const MODEL = 'intelligence.value.model';

export const valueSettingsSchema = z.object({
  /** Minor units per ticket (in the organisation's currency). */
  costPerTicket: z.number().int().min(0).max(100_000_000),
  /** Days ahead the predicted value covers. */
  horizonDays: z.number().int().min(30).max(3650),
});
export type ValueSettings = z.infer<typeof valueSettingsSchema>;
const defaults: ValueSettings = { costPerTicket: 0, horizonDays: 365 };

export const clvModelSchema = z.object({
  status: z.enum(['fitted', 'tooLittleData']),
  /** Why it is not fitted, in words. */
  message: z.string().nullable(),
  customers: z.number(),
  repeatCustomers: z.number(),
  bgNbd: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number() }).nullable(),
  gammaGamma: z.object({ p: z.number(), q: z.number(), gamma: z.number() }).nullable(),
  horizonDays: z.number(),
  fittedAt: z.string(),
});
export type ClvModel = z.infer<typeof clvModelSchema>;

async function readJson(db: DbOrTrx, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? JSON.parse(row.value) : null;
}

async function writeJson(db: DbOrTrx, key: string, value: unknown): Promise<void> {
  const v = JSON.stringify(value);
  await db.insertInto('settings').values({ key, value: v }).onConflict((oc) => oc.column('key').doUpdateSet({ value: v })).execute();
}

export async function getValueSettings(db: DbOrTrx): Promise<ValueSettings> {
  return { ...defaults, ...((await readJson(db, SETTINGS)) as Partial<ValueSettings> | null) };
}

export async function setValueSettings(db: DbOrTrx, patch: Partial<ValueSettings>): Promise<ValueSettings> {
  const next = { ...(await getValueSettings(db)), ...patch };
  await writeJson(db, SETTINGS, next);
  return next;
}

export async function getClvModel(db: DbOrTrx): Promise<ClvModel | null> {
  return (await readJson(db, MODEL)) as ClvModel | null;
}

export const saveClvModel = (db: DbOrTrx, m: ClvModel) => writeJson(db, MODEL, m);

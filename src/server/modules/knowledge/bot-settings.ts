// The knowledge bot's settings (admins): the confidence below which it hands over to a person, and an optional
// OpenAI-compatible endpoint for written answers. The endpoint's API key is kept encrypted and never read back.
import { z } from 'zod';
import type { DbOrTrx, Engine } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { writeAudit } from '../../core/audit/audit-log.js';
import { decryptSecret, encryptSecret } from '../../core/secrets/secret-box.js';

const KEY = 'knowledge.bot';

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((u) => u === '' || (URL.canParse(u) && /^https?:$/.test(new URL(u).protocol)), 'an http(s) address such as https://llm.example.com');

export const botSettingsInput = z.strictObject({
  threshold: z.number().min(0).max(1).optional(),
  llmEnabled: z.boolean().optional(),
  llmUrl: httpUrl.optional(),
  llmModel: z.string().trim().max(200).optional(),
  /** A new key; null removes the stored one; left out keeps it. */
  llmApiKey: z.string().max(500).nullable().optional(),
});
export type BotSettingsInput = z.infer<typeof botSettingsInput>;

export const botSettingsSchema = z.object({
  threshold: z.number(),
  llmEnabled: z.boolean(),
  llmUrl: z.string(),
  llmModel: z.string(),
  hasApiKey: z.boolean(),
});
export type BotSettings = z.infer<typeof botSettingsSchema>;

interface Stored {
  threshold: number;
  llmEnabled: boolean;
  llmUrl: string;
  llmModel: string;
  llmApiKey: string | null; // encrypted
}

/** Half of a question's words found in one article: enough to answer from it; less hands over. */
export const DEFAULT_THRESHOLD = 0.5;
const defaults: Stored = { threshold: DEFAULT_THRESHOLD, llmEnabled: false, llmUrl: '', llmModel: '', llmApiKey: null };

async function readStored(db: DbOrTrx): Promise<Stored> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return { ...defaults, ...(row ? (JSON.parse(row.value) as Partial<Stored>) : {}) };
}

const visible = ({ llmApiKey, ...s }: Stored): BotSettings => ({ ...s, hasApiKey: Boolean(llmApiKey) });

export async function getBotSettings(db: DbOrTrx): Promise<BotSettings> {
  return visible(await readStored(db));
}

/** What the bot needs to call the model: null unless switched on with an address. */
export async function llmConfig(db: DbOrTrx): Promise<{ url: string; model: string; apiKey: string | null } | null> {
  const s = await readStored(db);
  if (!s.llmEnabled || !s.llmUrl) return null;
  return { url: s.llmUrl, model: s.llmModel, apiKey: s.llmApiKey ? decryptSecret(s.llmApiKey) : null };
}

export async function setBotSettings(db: DbOrTrx, engine: Engine, actor: Actor, patch: BotSettingsInput): Promise<BotSettings> {
  const before = await readStored(db);
  const { llmApiKey, ...rest } = patch;
  const next: Stored = { ...before, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
  if (llmApiKey !== undefined) next.llmApiKey = llmApiKey ? encryptSecret(llmApiKey) : null;
  const value = JSON.stringify(next);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('settings').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    await writeAudit(trx, engine, { actorId: actor.id, action: 'update', entity: 'settings', entityId: KEY, before: visible(before), after: visible(next) });
  });
  return visible(next);
}

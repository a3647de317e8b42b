// Chat-widget channels: each site that embeds the widget has one (its look, the origins allowed to use it, the team
// that gets its conversations, and the secret that signs identity tokens and visitor sessions).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { decryptSecret, encryptSecret } from '../../../core/secrets/secret-box.js';
import type { ServiceChannelsTable } from '../tables.js';

const origin = z.string().trim().max(200).regex(/^https?:\/\/[^/\s]+$/, 'an origin such as https://www.example.com (no path)');

export const widgetConfigSchema = z.strictObject({
  /** Pages of these origins may use the widget; empty: any site. */
  allowedOrigins: z.array(origin).max(50).default([]),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #1c7ed6').default('#1c7ed6'),
  greetingEn: z.string().trim().max(300).default('Hi! How can we help?'),
  greetingZh: z.string().trim().max(300).default('您好！有什么可以帮您？'),
  /** The pre-chat form asks for an e-mail address (still optional for the visitor). */
  askEmail: z.boolean().default(true),
  /** The knowledge-base bot answers first when it is confident. */
  botEnabled: z.boolean().default(true),
});
export type WidgetConfig = z.infer<typeof widgetConfigSchema>;

export const widgetChannelInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  teamId: z.string().max(100).nullable().optional(),
  enabled: z.boolean().optional(),
  config: widgetConfigSchema.partial().optional(),
});

export const widgetChannelSchema = z.object({
  id: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  enabled: z.boolean(),
  config: widgetConfigSchema,
  createdAt: z.string(),
  /** Only when created or rotated: the site's backend signs identity tokens with it (HMAC-SHA256 of the user id). */
  secret: z.string().optional(),
});
export type WidgetChannel = z.infer<typeof widgetChannelSchema>;

export interface LoadedWidgetChannel {
  id: string;
  name: string;
  teamId: string | null;
  enabled: boolean;
  config: WidgetConfig;
  secret: string;
}

const toChannel = (r: ServiceChannelsTable): WidgetChannel => ({
  id: r.id,
  name: r.name,
  teamId: r.teamId,
  enabled: r.enabled === 1,
  config: widgetConfigSchema.parse(JSON.parse(r.config)),
  createdAt: r.createdAt,
});

async function checkTeam(db: Db, teamId: string | null | undefined): Promise<void> {
  if (teamId && !(await db.kysely.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) {
    throw new AppError('validation', 'That team does not exist', [{ path: 'teamId', message: 'unknown team' }]);
  }
}

export async function listWidgetChannels(db: Db): Promise<WidgetChannel[]> {
  const rows = await db.kysely.selectFrom('service_channels').selectAll().where('kind', '=', 'widget').orderBy('createdAt').execute();
  return rows.map(toChannel);
}

export async function createWidgetChannel(db: Db, input: z.infer<typeof widgetChannelInput>): Promise<WidgetChannel> {
  await checkTeam(db, input.teamId);
  const secret = randomBytes(32).toString('base64url');
  const at = nowIso();
  const row: ServiceChannelsTable = {
    id: newId(),
    kind: 'widget',
    name: input.name,
    config: JSON.stringify(widgetConfigSchema.parse(input.config ?? {})),
    secret: encryptSecret(secret),
    teamId: input.teamId ?? null,
    enabled: input.enabled === false ? 0 : 1,
    createdAt: at,
    updatedAt: at,
  };
  await db.kysely.insertInto('service_channels').values(row).execute();
  return { ...toChannel(row), secret };
}

async function widgetRow(db: Db, id: string): Promise<ServiceChannelsTable> {
  const row = await db.kysely.selectFrom('service_channels').selectAll().where('id', '=', id).where('kind', '=', 'widget').executeTakeFirst();
  if (!row) throw notFound('Widget channel');
  return row;
}

export async function updateWidgetChannel(db: Db, id: string, input: Partial<z.infer<typeof widgetChannelInput>>): Promise<WidgetChannel> {
  const row = await widgetRow(db, id);
  await checkTeam(db, input.teamId);
  const config = widgetConfigSchema.parse({ ...JSON.parse(row.config), ...input.config });
  await db.kysely
    .updateTable('service_channels')
    .set({
      name: input.name ?? row.name,
      teamId: input.teamId === undefined ? row.teamId : input.teamId,
      enabled: input.enabled === undefined ? row.enabled : input.enabled ? 1 : 0,
      config: JSON.stringify(config),
      updatedAt: nowIso(),
    })
    .where('id', '=', id)
    .execute();
  channelCache.delete(id);
  return toChannel(await widgetRow(db, id));
}

/** A new secret: identity tokens and visitor sessions signed with the old one stop working. */
export async function rotateWidgetSecret(db: Db, id: string): Promise<WidgetChannel> {
  const row = await widgetRow(db, id);
  const secret = randomBytes(32).toString('base64url');
  await db.kysely.updateTable('service_channels').set({ secret: encryptSecret(secret), updatedAt: nowIso() }).where('id', '=', id).execute();
  channelCache.delete(id);
  return { ...toChannel(row), secret };
}

// Visitors' requests read their channel often; a few seconds of staleness after an admin's change is fine.
const CACHE_MS = 5000;
const channelCache = new Map<string, { at: number; channel: LoadedWidgetChannel | null }>();

/** The enabled widget channel with its secret, or null (unknown, disabled or not a widget). */
export async function loadWidgetChannel(db: Db, id: string): Promise<LoadedWidgetChannel | null> {
  const hit = channelCache.get(id);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.channel;
  const row = await db.kysely.selectFrom('service_channels').selectAll().where('id', '=', id).where('kind', '=', 'widget').executeTakeFirst();
  const channel = row && row.enabled === 1 && row.secret ? { ...toChannel(row), secret: decryptSecret(row.secret) } : null;
  if (channelCache.size > 1000) channelCache.clear();
  channelCache.set(id, { at: Date.now(), channel });
  return channel;
}

/** An embedding page's origin must be on the channel's list when it has one (scripts without Origin are not browsers). */
export function checkOrigin(channel: LoadedWidgetChannel, origin: string | undefined): void {
  const allowed = channel.config.allowedOrigins;
  if (origin && allowed.length > 0 && !allowed.includes(origin)) throw new AppError('forbidden', 'This site may not use this chat');
}

// IM channels (admin): create with a generated secret shown once, list, change, rotate the secret.
import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import { newId, nowIso } from '../../../core/ids.js';
import { AppError, notFound } from '../../../core/errors.js';
import { checkUrl } from '../../../core/net/outbound-policy.js';
import type { ServiceChannelsTable } from '../tables.js';
import { sealSecret, openSecret } from './channel-secrets.js';
import { imChannelKinds, TELEGRAM_API, type CreateChannelBody, type ImChannel, type UpdateChannelBody } from './channel-schemas.js';

type Row = Selectable<ServiceChannelsTable>;
export interface ImConfig {
  webhookUrl?: string | null;
  botToken?: string;
  apiBaseUrl?: string;
}

/** Telegram's secret_token allows A-Z a-z 0-9 _ - only, which base64url is. */
const newSecret = () => randomBytes(32).toString('base64url');

export const inboundPathOf = (r: { id: string; kind: string }) => `/api/v1/channels/${r.id}/${r.kind === 'telegram' ? 'telegram' : 'inbound'}`;

export function toChannel(r: Row): ImChannel {
  const c = JSON.parse(r.config) as ImConfig;
  return {
    id: r.id,
    kind: r.kind as ImChannel['kind'],
    name: r.name,
    teamId: r.teamId,
    enabled: r.enabled === 1,
    config: r.kind === 'telegram' ? { botTokenHint: `${openSecret(c.botToken ?? '').split(':')[0]}:…`, apiBaseUrl: c.apiBaseUrl ?? TELEGRAM_API } : { webhookUrl: c.webhookUrl ?? null },
    inboundPath: inboundPathOf(r),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function checkConfig(c: ImConfig) {
  if (c.webhookUrl) checkUrl(c.webhookUrl, 'config.webhookUrl');
  if (c.apiBaseUrl) checkUrl(c.apiBaseUrl, 'config.apiBaseUrl');
}

async function checkTeam(db: Db, teamId: string | null | undefined) {
  if (!teamId) return;
  const team = await db.kysely.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!team) throw new AppError('validation', 'That team does not exist', [{ path: 'teamId', message: 'unknown team' }]);
}

export async function getImChannelRow(db: Db, id: string): Promise<Row> {
  const row = await db.kysely.selectFrom('service_channels').selectAll().where('id', '=', id).where('kind', 'in', [...imChannelKinds]).executeTakeFirst();
  if (!row) throw notFound('Channel');
  return row;
}

export async function listImChannels(db: Db): Promise<ImChannel[]> {
  return (await db.kysely.selectFrom('service_channels').selectAll().where('kind', 'in', [...imChannelKinds]).orderBy('createdAt').execute()).map(toChannel);
}

export async function createImChannel(db: Db, input: CreateChannelBody): Promise<ImChannel & { secret: string }> {
  checkConfig(input.config);
  await checkTeam(db, input.teamId);
  const now = nowIso();
  const secret = newSecret();
  const config = input.kind === 'telegram' ? { ...input.config, botToken: sealSecret(input.config.botToken) } : input.config;
  const row: Row = { id: newId(), kind: input.kind, name: input.name, config: JSON.stringify(config), secret: sealSecret(secret), teamId: input.teamId ?? null, enabled: 1, createdAt: now, updatedAt: now };
  await db.kysely.insertInto('service_channels').values(row).execute();
  return { ...toChannel(row), secret };
}

export async function updateImChannel(db: Db, id: string, patch: UpdateChannelBody): Promise<ImChannel> {
  const row = await getImChannelRow(db, id);
  let config = JSON.parse(row.config) as ImConfig;
  if (patch.config) {
    const p = patch.config;
    if (row.kind === 'generic' && (p.botToken || p.apiBaseUrl)) throw new AppError('validation', 'A generic channel has no bot token or API address', [{ path: 'config', message: 'webhookUrl only' }]);
    if (row.kind === 'telegram' && p.webhookUrl !== undefined) throw new AppError('validation', 'A Telegram channel replies through the Bot API, not a webhook URL', [{ path: 'config.webhookUrl', message: 'telegram channels take botToken and apiBaseUrl' }]);
    config = { ...config, ...Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)), ...(p.botToken && { botToken: sealSecret(p.botToken) }) };
    checkConfig(config);
  }
  await checkTeam(db, patch.teamId);
  const values = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.teamId !== undefined && { teamId: patch.teamId }),
    ...(patch.enabled !== undefined && { enabled: patch.enabled ? 1 : 0 }),
    config: JSON.stringify(config),
    updatedAt: nowIso(),
  };
  await db.kysely.updateTable('service_channels').set(values).where('id', '=', id).execute();
  return toChannel(await getImChannelRow(db, id));
}

export async function rotateImChannelSecret(db: Db, id: string): Promise<ImChannel & { secret: string }> {
  await getImChannelRow(db, id);
  const secret = newSecret();
  await db.kysely.updateTable('service_channels').set({ secret: sealSecret(secret), updatedAt: nowIso() }).where('id', '=', id).execute();
  return { ...toChannel(await getImChannelRow(db, id)), secret };
}

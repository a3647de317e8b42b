// API keys for integrations: created and revoked by admins, scoped per module and access (read/write) plus the
// explicit privacy, merge and backup scopes (core/auth/route-access.ts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { writeAudit } from '../../core/audit/audit-log.js';
import { loadActor } from './user-repository.js';
import { apiKeyScopes } from '../../core/auth/route-access.js';


export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(apiKeyScopes as [string, ...string[]])).min(1, 'give the key at least one scope'),
});
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

const digest = (secret: string) => createHash('sha256').update(secret).digest();
const toKey = (r: { id: string; name: string; prefix: string; scopes: string; createdBy: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }): ApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: JSON.parse(r.scopes),
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  lastUsedAt: r.lastUsedAt,
  revokedAt: r.revokedAt,
});

/** The secret is shown once, in the answer to its creation; only its SHA-256 is kept. */
export async function createApiKey(db: Db, actor: Actor, input: z.infer<typeof createApiKeyBody>): Promise<ApiKey & { key: string }> {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  const row = { id: newId(), name: input.name, prefix, keyHash: digest(secret).toString('hex'), scopes: JSON.stringify([...new Set(input.scopes)]), createdBy: actor.id, createdAt: nowIso(), lastUsedAt: null, revokedAt: null };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('apiKeys').values(row).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'api_key', entityId: row.id, after: toKey(row) });
  });
  return { ...toKey(row), key: `rk_${prefix}_${secret}` };
}

export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  return (await db.kysely.selectFrom('apiKeys').selectAll().orderBy('createdAt', 'desc').execute()).map(toKey);
}

export async function revokeApiKey(db: Db, actor: Actor, id: string): Promise<ApiKey> {
  const before = await db.kysely.selectFrom('apiKeys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('API key');
  if (before.revokedAt) throw new AppError('conflict', 'This API key is already revoked');
  const revokedAt = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('apiKeys').set({ revokedAt }).where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'api_key', entityId: id, before: { revokedAt: null }, after: { revokedAt } });
  });
  return toKey({ ...before, revokedAt });
}

export const isApiKeyToken = (token: string) => token.startsWith('rk_');

/** The actor of a request made with an API key: its creator's identity, limited to the key's scopes. */
export async function actorForApiKey(db: Db, token: string): Promise<Actor | null> {
  const m = /^rk_([0-9a-f]{12})_([A-Za-z0-9_-]+)$/.exec(token);
  if (!m) return null;
  const row = await db.kysely.selectFrom('apiKeys').selectAll().where('prefix', '=', m[1]!).executeTakeFirst();
  if (!row || row.revokedAt) return null;
  const expected = Buffer.from(row.keyHash, 'hex');
  if (!timingSafeEqual(expected, digest(m[2]!))) return null;
  const creator = await loadActor(db.kysely, row.createdBy);
  if (!creator) return null; // a deactivated creator's keys stop working
  await db.kysely.updateTable('apiKeys').set({ lastUsedAt: nowIso() }).where('id', '=', row.id).execute();
  return { ...creator, name: `${creator.name} (API key ${row.name})`, apiKey: { id: row.id, scopes: JSON.parse(row.scopes) } };
}

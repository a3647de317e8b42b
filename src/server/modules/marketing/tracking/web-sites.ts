// Websites that embed the tracking snippet: each has a public site key (in the snippet), the origins whose pages may
// send events, an optional consent-first mode, and a secret with which the site's backend signs identify calls.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { decryptSecret, encryptSecret } from '../../../core/secrets/secret-box.js';
import type { WebSitesTable } from './tracking-tables.js';

const origin = z.string().trim().max(200).regex(/^https?:\/\/[^/\s]+$/, 'an origin such as https://www.example.com (no path)');

export const webSiteInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  allowedOrigins: z.array(origin).min(1, 'list at least one origin such as https://www.example.com').max(50),
  requireConsent: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export type WebSiteInput = z.infer<typeof webSiteInput>;

export const webSiteSchema = z.object({
  id: z.string(),
  name: z.string(),
  siteKey: z.string(),
  allowedOrigins: z.array(z.string()),
  requireConsent: z.boolean(),
  enabled: z.boolean(),
  createdAt: z.string(),
  /** Only when created or rotated: the site's backend signs identify calls with it (hex HMAC-SHA256). */
  secret: z.string().optional(),
});
export type WebSite = z.infer<typeof webSiteSchema>;

export interface LoadedSite {
  id: string;
  siteKey: string;
  allowedOrigins: string[];
  requireConsent: boolean;
  secret: string;
}

const toSite = (r: WebSitesTable): WebSite => ({
  id: r.id,
  name: r.name,
  siteKey: r.siteKey,
  allowedOrigins: JSON.parse(r.allowedOrigins) as string[],
  requireConsent: r.requireConsent === 1,
  enabled: r.enabled === 1,
  createdAt: r.createdAt,
});

export async function listWebSites(db: Db): Promise<WebSite[]> {
  return (await db.kysely.selectFrom('webSites').selectAll().orderBy('createdAt').orderBy('id').execute()).map(toSite);
}

async function siteRow(db: Db, id: string): Promise<WebSitesTable> {
  const row = await db.kysely.selectFrom('webSites').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Website');
  return row;
}

export async function getWebSite(db: Db, id: string): Promise<WebSite> {
  return toSite(await siteRow(db, id));
}

export async function createWebSite(db: Db, input: WebSiteInput): Promise<WebSite> {
  const secret = randomBytes(32).toString('base64url');
  const at = nowIso();
  const row: WebSitesTable = {
    id: newId(),
    name: input.name,
    siteKey: `rs_${randomBytes(12).toString('base64url')}`,
    secret: encryptSecret(secret),
    allowedOrigins: JSON.stringify([...new Set(input.allowedOrigins)]),
    requireConsent: input.requireConsent ? 1 : 0,
    enabled: input.enabled === false ? 0 : 1,
    createdAt: at,
    updatedAt: at,
  };
  await db.kysely.insertInto('webSites').values(row).execute();
  return { ...toSite(row), secret };
}

export async function updateWebSite(db: Db, id: string, input: Partial<WebSiteInput>): Promise<WebSite> {
  const row = await siteRow(db, id);
  await db.kysely
    .updateTable('webSites')
    .set({
      name: input.name ?? row.name,
      allowedOrigins: input.allowedOrigins ? JSON.stringify([...new Set(input.allowedOrigins)]) : row.allowedOrigins,
      requireConsent: input.requireConsent === undefined ? row.requireConsent : input.requireConsent ? 1 : 0,
      enabled: input.enabled === undefined ? row.enabled : input.enabled ? 1 : 0,
      updatedAt: nowIso(),
    })
    .where('id', '=', id)
    .execute();
  siteCache.delete(row.siteKey);
  return getWebSite(db, id);
}

/** A new secret: identify calls signed with the old one are refused from now on. */
export async function rotateWebSiteSecret(db: Db, id: string): Promise<WebSite> {
  const row = await siteRow(db, id);
  const secret = randomBytes(32).toString('base64url');
  await db.kysely.updateTable('webSites').set({ secret: encryptSecret(secret), updatedAt: nowIso() }).where('id', '=', id).execute();
  siteCache.delete(row.siteKey);
  return { ...toSite(row), secret };
}

// The endpoint reads its site on every request; a few seconds of staleness after an admin's change is fine.
const CACHE_MS = 5000;
const siteCache = new Map<string, { at: number; site: LoadedSite | null }>();

/** The enabled site of a key with its secret, or null (unknown or disabled). */
export async function loadSiteByKey(db: Db, siteKey: string): Promise<LoadedSite | null> {
  const hit = siteCache.get(siteKey);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.site;
  const row = await db.kysely.selectFrom('webSites').selectAll().where('siteKey', '=', siteKey).executeTakeFirst();
  const site = row && row.enabled === 1 ? { id: row.id, siteKey: row.siteKey, allowedOrigins: JSON.parse(row.allowedOrigins) as string[], requireConsent: row.requireConsent === 1, secret: decryptSecret(row.secret) } : null;
  if (siteCache.size > 1000) siteCache.clear();
  siteCache.set(siteKey, { at: Date.now(), site });
  return site;
}

/** The secret of a site by id (identify signatures are checked when the intake is processed). */
export async function siteSecret(db: Db, siteId: string): Promise<string | null> {
  const row = await db.kysely.selectFrom('webSites').select('secret').where('id', '=', siteId).executeTakeFirst();
  return row ? decryptSecret(row.secret) : null;
}

export const originAllowed = (site: { allowedOrigins: string[] }, origin: string | undefined): boolean => !!origin && site.allowedOrigins.includes(origin);

export function requireOrigin(site: { allowedOrigins: string[] }, origin: string | undefined): void {
  if (!originAllowed(site, origin)) throw new AppError('forbidden', 'This page’s origin is not one of the website’s allowed origins');
}

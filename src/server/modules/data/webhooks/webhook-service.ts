// Webhook subscriptions (admin): which URL hears which domain events; the secret that signs them.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { assertFetchableUrl } from '../../../core/net/outbound-policy.js';

const eventType = z.string().regex(/^(\*|[a-z_]+\.[a-z_]+)$/, 'an event type such as contact.created, or *');
const httpUrl = z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).max(2000);

export const createWebhookBody = z.strictObject({
  url: httpUrl,
  events: z.array(eventType).min(1).max(50),
  active: z.boolean().optional(),
  /** Also deliver the per-record events of bulk operations (an import's contact.created, …) for the types named here; "*" never gets them. */
  includeBulk: z.boolean().optional(),
});
export const patchWebhookBody = createWebhookBody.partial();

/** The domain events a subscription can name (the outbox may carry more; "*" takes them all). */
export const webhookEventTypes = [
  'contact.created', 'contact.updated', 'contact.deleted', 'contact.merged', 'contact.merge_undone', 'contact.erased',
  'company.created', 'company.updated', 'company.deleted', 'company.merged', 'company.merge_undone',
  'interaction.created', 'interaction.updated',
  'import.completed', 'import.leads_opened', 'dedup.completed',
  'lead.created', 'lead.updated', 'lead.status_changed', 'lead.assigned', 'lead.reassigned', 'lead.score_changed', 'lead.converted', 'lead.form_submitted', 'lead.scores_recomputed',
  'deal.created', 'deal.updated', 'deal.stage_changed', 'deal.deleted',
  'order.created', 'order.updated',
  'product.created', 'product.updated', 'product.deleted',
  'segment.entered', 'segment.left',
] as const;

export const webhookSchema = z.object({ id: z.string(), url: z.string(), events: z.array(z.string()), secret: z.string(), active: z.boolean(), includeBulk: z.boolean(), createdAt: z.string() });
export type Webhook = z.infer<typeof webhookSchema>;

type Row = { id: string; url: string; events: string; secret: string; active: number; includeBulk: number; createdAt: string };
const toWebhook = (r: Row): Webhook => ({ id: r.id, url: r.url, events: JSON.parse(r.events), secret: r.secret, active: r.active === 1, includeBulk: r.includeBulk === 1, createdAt: r.createdAt });

export async function listWebhooks(db: Db): Promise<Webhook[]> {
  return (await db.kysely.selectFrom('webhooks').selectAll().orderBy('createdAt').execute()).map(toWebhook);
}

export async function createWebhook(db: Db, actor: Actor, input: z.infer<typeof createWebhookBody>): Promise<Webhook> {
  await assertFetchableUrl(input.url);
  const row = { id: newId(), url: input.url, events: JSON.stringify([...new Set(input.events)]), secret: `whsec_${randomBytes(24).toString('base64url')}`, active: input.active === false ? 0 : 1, includeBulk: input.includeBulk ? 1 : 0, createdBy: actor.id, createdAt: nowIso() };
  await db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('webhooks').values(row).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'webhook', entityId: row.id, after: { url: row.url, events: input.events, includeBulk: row.includeBulk === 1 } });
  });
  return toWebhook(row);
}

export async function updateWebhook(db: Db, actor: Actor, id: string, patch: z.infer<typeof patchWebhookBody>): Promise<Webhook> {
  const before = await db.kysely.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('Webhook');
  if (patch.url !== undefined) await assertFetchableUrl(patch.url);
  const values = {
    ...(patch.url !== undefined && { url: patch.url }),
    ...(patch.events !== undefined && { events: JSON.stringify([...new Set(patch.events)]) }),
    ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
    ...(patch.includeBulk !== undefined && { includeBulk: patch.includeBulk ? 1 : 0 }),
  };
  if (Object.keys(values).length === 0) throw new AppError('validation', 'Nothing to change', [{ path: 'body', message: 'give url, events, active or includeBulk' }]);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('webhooks').set(values).where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'webhook', entityId: id, before: { url: before.url, events: before.events, active: before.active, includeBulk: before.includeBulk }, after: values });
  });
  return toWebhook({ ...before, ...values });
}

export async function deleteWebhook(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await db.kysely.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('Webhook');
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('webhooks').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'webhook', entityId: id, before: { url: before.url, events: before.events } });
  });
}

/** The event types active subscriptions opted in to per record from bulk operations (named explicitly, not "*"). */
export async function bulkEventTypesWanted(db: DbOrTrx): Promise<string[]> {
  const rows = await db.selectFrom('webhooks').select('events').where('active', '=', 1).where('includeBulk', '=', 1).execute();
  return [...new Set(rows.flatMap((r) => (JSON.parse(r.events) as string[]).filter((e) => e !== '*')))];
}

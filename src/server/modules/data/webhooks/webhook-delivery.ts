// Delivering webhooks: events from the outbox become one delivery per matching subscription; each delivery
// is POSTed signed, retried with exponential backoff, and logged. Nothing is lost across a restart: the
// deliveries and the outbox position live in the database.
import type { Db } from '../../../core/db/database.js';
import { consumeEvents, type DomainEvent } from '../../../core/events/consume-events.js';
import { newId, nowIso } from '../../../core/ids.js';
import { safeFetch } from '../../../core/net/safe-fetch.js';
import { SIGNATURE_HEADER, signPayload } from './webhook-signature.js';

export const MAX_ATTEMPTS = 8;
const retryBaseMs = () => Number(process.env.RAPPORT_WEBHOOK_RETRY_BASE_MS ?? 30_000);
const LOCK_MS = 60_000;

/** Delay before attempt n+1: base × 2^(n-1), at most 6 hours. */
export const backoffMs = (attempts: number) => Math.min(retryBaseMs() * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);

/** A bulk operation's per-record event goes only to a subscription that opted in and names its type; "*" hears only its summary. */
const matches = (hook: { events: string[]; includeBulk: boolean }, e: DomainEvent) =>
  e.bulk ? hook.includeBulk && hook.events.includes(e.type) : hook.events.includes('*') || hook.events.includes(e.type);

export async function fanOutEvents(db: Db): Promise<number> {
  return consumeEvents(db, 'webhooks', async (events: DomainEvent[], trx) => {
    const hooks = (await trx.selectFrom('webhooks').select(['id', 'events', 'includeBulk']).where('active', '=', 1).execute()).map((h) => ({ id: h.id, events: JSON.parse(h.events) as string[], includeBulk: h.includeBulk === 1 }));
    const now = nowIso();
    const rows = events.flatMap((e) =>
      hooks
        .filter((h) => matches(h, e))
        .map((h) => ({
          id: newId(),
          webhookId: h.id,
          eventId: e.id,
          eventType: e.type,
          body: JSON.stringify({ id: e.id, type: e.type, createdAt: e.createdAt, ...(e.bulk && { bulk: e.bulk }), data: e.payload }),
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: now,
          lockedUntil: null,
          lastStatusCode: null,
          lastError: null,
          createdAt: now,
          deliveredAt: null,
        })),
    );
    for (let i = 0; i < rows.length; i += 100) {
      await trx.insertInto('webhookDeliveries').values(rows.slice(i, i + 100)).onConflict((oc) => oc.columns(['webhookId', 'eventId']).doNothing()).execute();
    }
  });
}

/** Claims a delivery by moving its lock forward; only one worker wins the conditional update. */
async function claim(db: Db, id: string, lockedUntil: string | null): Promise<boolean> {
  let q = db.kysely.updateTable('webhookDeliveries').set({ lockedUntil: new Date(Date.now() + LOCK_MS).toISOString() }).where('id', '=', id);
  q = lockedUntil === null ? q.where('lockedUntil', 'is', null) : q.where('lockedUntil', '=', lockedUntil);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

export async function sendOne(db: Db, delivery: { id: string; webhookId: string; body: string; eventType: string; attempts: number }): Promise<void> {
  const hook = await db.kysely.selectFrom('webhooks').select(['url', 'secret']).where('id', '=', delivery.webhookId).executeTakeFirst();
  if (!hook) return;
  let status: number | null = null;
  let error: string | null = null;
  try {
    // Through the outbound guard: the URL's addresses are checked again now, after this delivery's own DNS lookup.
    const res = await safeFetch(hook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Rapport-Webhooks/1', [SIGNATURE_HEADER]: signPayload(hook.secret, delivery.body), 'rapport-event': delivery.eventType, 'rapport-delivery': delivery.id },
      body: delivery.body,
      maxBytes: 64 * 1024,
      timeoutMs: 10_000,
      maxRedirects: 0,
    });
    status = res.status;
    res.body.destroy();
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (e) {
    error = (e as Error).message;
  }
  const attempts = delivery.attempts + 1;
  const now = nowIso();
  const next = error
    ? { status: attempts >= MAX_ATTEMPTS ? ('failed' as const) : ('pending' as const), nextAttemptAt: new Date(Date.now() + backoffMs(attempts)).toISOString() }
    : { status: 'delivered' as const, deliveredAt: now };
  await db.kysely.updateTable('webhookDeliveries').set({ ...next, attempts, lastStatusCode: status, lastError: error, lockedUntil: null }).where('id', '=', delivery.id).execute();
}

export async function deliverDue(db: Db, batch = 20): Promise<number> {
  const now = nowIso();
  const due = await db.kysely
    .selectFrom('webhookDeliveries')
    .select(['id', 'webhookId', 'body', 'eventType', 'attempts', 'lockedUntil'])
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
    .orderBy('nextAttemptAt')
    .limit(batch)
    .execute();
  let sent = 0;
  for (const d of due) {
    if (!(await claim(db, d.id, d.lockedUntil))) continue;
    await sendOne(db, d);
    sent++;
  }
  return sent;
}

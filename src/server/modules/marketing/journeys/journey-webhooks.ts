// Sends the webhook calls that journey steps queued (in the step's transaction): POSTed signed with the journey's
// secret (the same Rapport-Signature scheme as webhooks), through the outbound guard, retried with backoff, and
// carrying the call's id so a receiver can tell a retry from a new call.
import type { Db } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import { safeFetch } from '../../../core/net/safe-fetch.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { SIGNATURE_HEADER, signPayload } from '../../data/index.js';

const MAX_ATTEMPTS = 6;
const LOCK_MS = 60_000;
const retryBaseMs = () => Number(process.env.RAPPORT_WEBHOOK_RETRY_BASE_MS ?? 30_000);

export async function sendJourneyWebhooks(db: Db, batch = 20): Promise<number> {
  const now = nowIso();
  const due = await db.kysely
    .selectFrom('journeyWebhookCalls as c')
    .innerJoin('journeys as j', 'j.id', 'c.journeyId')
    .select(['c.id', 'c.url', 'c.body', 'c.attempts', 'c.lockedUntil', 'c.stepId', 'j.webhookSecret'])
    .where('c.status', '=', 'pending')
    .where('c.nextAttemptAt', '<=', now)
    .where((eb) => eb.or([eb('c.lockedUntil', 'is', null), eb('c.lockedUntil', '<', now)]))
    .orderBy('c.nextAttemptAt')
    .limit(batch)
    .execute();
  let sent = 0;
  for (const call of due) {
    let claim = db.kysely.updateTable('journeyWebhookCalls').set({ lockedUntil: new Date(Date.now() + LOCK_MS).toISOString() }).where('id', '=', call.id);
    claim = call.lockedUntil === null ? claim.where('lockedUntil', 'is', null) : claim.where('lockedUntil', '=', call.lockedUntil);
    if (Number((await claim.executeTakeFirst()).numUpdatedRows) !== 1) continue;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await safeFetch(call.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Rapport-Journeys/1', [SIGNATURE_HEADER]: signPayload(call.webhookSecret, call.body), 'rapport-event': 'journey.step', 'rapport-delivery': call.id },
        body: call.body,
        maxBytes: 64 * 1024,
        timeoutMs: 10_000,
        maxRedirects: 0,
        field: 'url',
      });
      status = res.status;
      res.body.destroy();
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = (e as Error).message;
    }
    const attempts = call.attempts + 1;
    const next = error
      ? { status: attempts >= MAX_ATTEMPTS ? ('failed' as const) : ('pending' as const), nextAttemptAt: new Date(Date.now() + Math.min(retryBaseMs() * 2 ** (attempts - 1), 6 * 3600_000)).toISOString() }
      : { status: 'delivered' as const, deliveredAt: nowIso() };
    await db.kysely.updateTable('journeyWebhookCalls').set({ ...next, attempts, lastStatusCode: status, lastError: error?.slice(0, 500) ?? null, lockedUntil: null }).where('id', '=', call.id).execute();
    sent++;
  }
  return sent;
}

registerPoller({ name: 'marketing.journeys.webhooks', run: (db) => sendJourneyWebhooks(db), idleMs: 1000 });

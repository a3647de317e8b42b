// Agent replies in IM conversations go out through their channel: the outbox's message.sent events become one
// delivery each (in the consumer's transaction, so none is lost), and a poller sends what is due, retrying with
// exponential backoff; the message's status follows (queued → sent | failed).
import type { Db } from '../../../core/db/database.js';
import { consumeEvents } from '../../../core/events/consume-events.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { newId, nowIso } from '../../../core/ids.js';
import { imChannelKinds } from './channel-schemas.js';
import { sendToConnector } from './send-to-connector.js';

export const MAX_DELIVERY_ATTEMPTS = 8;
const LOCK_MS = 60_000;
const retryBaseMs = () => Number(process.env.RAPPORT_CHANNEL_RETRY_BASE_MS ?? 30_000);
export const deliveryBackoffMs = (attempts: number) => Math.min(retryBaseMs() * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);

export async function queueImDeliveries(db: Db): Promise<number> {
  return consumeEvents(db, 'service.im-outbound', async (events, trx) => {
    for (const e of events) {
      const p = e.payload as { messageId?: string; channelKind?: string };
      if (e.type !== 'message.sent' || p.channelKind !== 'im' || !p.messageId) continue;
      const conv = await trx
        .selectFrom('conversations as c')
        .innerJoin('service_channels as ch', 'ch.id', 'c.channelId')
        .select(['ch.id as channelId', 'ch.kind'])
        .where('c.id', '=', e.entityId)
        .executeTakeFirst();
      if (!conv || !(imChannelKinds as readonly string[]).includes(conv.kind)) continue;
      const now = nowIso();
      await trx
        .insertInto('channel_deliveries')
        .values({ id: newId(), messageId: p.messageId, channelId: conv.channelId, status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastStatusCode: null, lastError: null, createdAt: now, sentAt: null })
        .onConflict((oc) => oc.column('messageId').doNothing())
        .execute();
    }
  });
}

export async function deliverImReplies(db: Db, batch = 20): Promise<number> {
  const now = nowIso();
  const due = await db.kysely
    .selectFrom('channel_deliveries')
    .selectAll()
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
    .orderBy('nextAttemptAt')
    .limit(batch)
    .execute();
  let sent = 0;
  for (const d of due) {
    // Claimed by moving the lock: only one worker's conditional update wins.
    let claim = db.kysely.updateTable('channel_deliveries').set({ lockedUntil: new Date(Date.now() + LOCK_MS).toISOString() }).where('id', '=', d.id);
    claim = d.lockedUntil === null ? claim.where('lockedUntil', 'is', null) : claim.where('lockedUntil', '=', d.lockedUntil);
    if (Number((await claim.executeTakeFirst()).numUpdatedRows) !== 1) continue;
    sent++;
    const channel = await db.kysely.selectFrom('service_channels').select(['id', 'kind', 'secret', 'config', 'enabled']).where('id', '=', d.channelId).executeTakeFirst();
    const message = await db.kysely.selectFrom('messages').select(['id', 'bodyText', 'authorKind', 'createdAt', 'conversationId']).where('id', '=', d.messageId).executeTakeFirst();
    const conversation = message && (await db.kysely.selectFrom('conversations').select(['id', 'externalThreadId']).where('id', '=', message.conversationId).executeTakeFirst());
    const result = !channel || !message || !conversation ? { status: null, problem: 'The channel or the message no longer exists' } : channel.enabled !== 1 ? { status: null, problem: 'The channel is disabled' } : await sendToConnector({ channel, message, conversation });
    const attempts = d.attempts + 1;
    const final = result.problem !== null && attempts >= MAX_DELIVERY_ATTEMPTS;
    await db.kysely.transaction().execute(async (trx) => {
      await trx
        .updateTable('channel_deliveries')
        .set(
          result.problem === null
            ? { status: 'sent', attempts, sentAt: nowIso(), lockedUntil: null, lastStatusCode: result.status, lastError: null }
            : { status: final ? 'failed' : 'pending', attempts, nextAttemptAt: new Date(Date.now() + deliveryBackoffMs(attempts)).toISOString(), lockedUntil: null, lastStatusCode: result.status, lastError: result.problem.slice(0, 500) },
        )
        .where('id', '=', d.id)
        .execute();
      if (message && (result.problem === null || final)) {
        await trx
          .updateTable('messages')
          .set({ status: result.problem === null ? 'sent' : 'failed', ...('externalId' in result && result.externalId ? { externalId: result.externalId } : {}) })
          .where('id', '=', message.id)
          .execute();
      }
    });
  }
  return sent;
}

registerPoller({ name: 'service.im-queue', run: queueImDeliveries, idleMs: 1000 });
registerPoller({ name: 'service.im-deliver', run: (db) => deliverImReplies(db), idleMs: 1000 });

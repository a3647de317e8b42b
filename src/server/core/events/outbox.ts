// Domain events go to the outbox in the same transaction as the change, for webhooks, journeys and scoring to consume.
import type { DbOrTrx } from '../db/database.js';
import { newId, nowIso } from '../ids.js';
import { currentBulk } from './bulk-events.js';

/** Inside `inBulk(...)` the event carries the bulk operation's name (see bulk-events.ts). */
export async function emitEvent(trx: DbOrTrx, type: string, entity: string, entityId: string, payload: unknown): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({ id: newId(), type, entity, entityId, payload: JSON.stringify(payload), createdAt: nowIso(), processedAt: null, bulk: currentBulk() })
    .execute();
}

// What a bulk operation (an import, the unattended merges of a dedup run) writes to the outbox: one summary event
// at its end, and per-record events only where a subscriber asked for them. Per-record events carry the operation's
// name in outbox.bulk, so webhooks deliver them only to subscriptions that opted in, never to "*".
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DbOrTrx } from '../db/database.js';
import { newId, nowIso } from '../ids.js';

const running = new AsyncLocalStorage<string>();

/** Runs `fn` as part of the bulk operation `bulk` ("dedup:<job id>"): every event emitted inside it is marked. */
export function inBulk<T>(bulk: string, fn: () => Promise<T>): Promise<T> {
  return running.run(bulk, fn);
}

export const currentBulk = (): string | null => running.getStore() ?? null;

/** Answers the event types a subscriber wants per record even from bulk operations (webhooks register one). */
type BulkInterest = (db: DbOrTrx) => Promise<Iterable<string>>;
const interests: BulkInterest[] = [];

export function registerBulkInterest(interest: BulkInterest): void {
  interests.push(interest);
}

export async function wantedBulkTypes(db: DbOrTrx): Promise<Set<string>> {
  const wanted = new Set<string>();
  for (const interest of interests) for (const type of await interest(db)) wanted.add(type);
  return wanted;
}

export interface BulkRecordEvent {
  entityId: string;
  payload: unknown;
}

/**
 * Writes the per-record events of a bulk operation in multi-row inserts, marked with `bulk`, only when some
 * subscriber wants `type` (`wanted`, read once per batch through wantedBulkTypes). Returns how many it wrote.
 */
export async function emitBulkEvents(trx: DbOrTrx, bulk: string, wanted: Set<string>, type: string, entity: string, events: BulkRecordEvent[]): Promise<number> {
  if (!wanted.has(type) || events.length === 0) return 0;
  const createdAt = nowIso();
  for (let i = 0; i < events.length; i += 200) {
    const rows = events.slice(i, i + 200).map((e) => ({ id: newId(), type, entity, entityId: e.entityId, payload: JSON.stringify(e.payload), createdAt, processedAt: null, bulk }));
    await trx.insertInto('outbox').values(rows).execute();
  }
  return events.length;
}

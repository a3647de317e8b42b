// The raw inbound store: every channel writes what it received here first (so nothing accepted is lost), then a
// processor per source parses it; failures are retried with a limit and rejections keep their reason.
import type { Db } from '../../../core/db/database.js';
import { newId, nowIso } from '../../../core/ids.js';
import { registerPoller } from '../../../core/jobs/worker.js';

export const MAX_INBOUND_ATTEMPTS = 5;

/** Thrown by a processor for input that will never be valid (bad MIME, bad JSON shape): stored as rejected, not retried. */
export class InboundRejected extends Error {}

export type InboundProcessor = (db: Db, raw: { id: string; channelId: string | null; payload: string; receivedAt: string }) => Promise<void>;

const processors = new Map<string, InboundProcessor>();

/** A channel names the processor for its source ('email', 'telegram', 'generic', …). */
export function registerInboundProcessor(source: string, processor: InboundProcessor): void {
  processors.set(source, processor);
}

/** Stores the raw input and returns its id; call before any parsing. */
export async function storeInbound(db: Db, source: string, channelId: string | null, payload: string): Promise<string> {
  const id = newId();
  await db.kysely
    .insertInto('inbound_raw')
    .values({ id, channelId, source, payload, receivedAt: nowIso(), state: 'pending', attempts: 0, error: null, processedAt: null })
    .execute();
  return id;
}

/** Processes one stored input now (the HTTP path uses this to answer with the outcome); false when it failed. */
export async function processInbound(db: Db, id: string): Promise<{ state: 'done' | 'rejected' | 'failed' | 'pending'; error: string | null }> {
  // Claim: only one process handles a row (attempts is the claim token).
  const row = await db.kysely.selectFrom('inbound_raw').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.state !== 'pending') return { state: (row?.state as 'done') ?? 'failed', error: row?.error ?? null };
  const claimed = await db.kysely
    .updateTable('inbound_raw')
    .set({ attempts: row.attempts + 1 })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return { state: 'pending', error: null };
  const processor = processors.get(row.source);
  let state: 'done' | 'rejected' | 'failed' | 'pending' = 'done';
  let error: string | null = null;
  if (!processor) {
    state = 'rejected';
    error = `No processor for inbound source "${row.source}".`;
  } else {
    try {
      await processor(db, { id: row.id, channelId: row.channelId, payload: row.payload, receivedAt: row.receivedAt });
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      state = err instanceof InboundRejected ? 'rejected' : row.attempts + 1 >= MAX_INBOUND_ATTEMPTS ? 'failed' : 'pending';
    }
  }
  await db.kysely
    .updateTable('inbound_raw')
    .set({ state, error, processedAt: state === 'pending' ? null : nowIso() })
    .where('id', '=', id)
    .execute();
  return { state, error };
}

/** Retries what is still pending (after a crash or a transient failure). */
export async function processPendingInbound(db: Db, limit = 50): Promise<number> {
  const rows = await db.kysely
    .selectFrom('inbound_raw')
    .select('id')
    .where('state', '=', 'pending')
    .orderBy('receivedAt')
    .limit(limit)
    .execute();
  for (const r of rows) await processInbound(db, r.id);
  return rows.length;
}

registerPoller({ name: 'service.inbound', run: (db) => processPendingInbound(db), idleMs: 2000 });

// Background upkeep of segment membership: an outbox consumer re-tests the contacts that changed (contact.*, order.*,
// lead scores, tickets, tags through contact.updated); changes that touch many contacts at once (a company, an
// import, any bulk operation) mark dynamic segments for a full evaluation, which a poller runs; the nightly core
// schedule 'marketing.segments.refresh' marks them all (rules relative to today drift without any event).
import type { Db } from '../../../core/db/database.js';
import { consumeEvents, type DomainEvent } from '../../../core/events/consume-events.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import { evaluateContacts, evaluateSegment, markStale } from './segment-membership.js';

const wholeSegmentEvents = /^(company\.|import\.|dedup\.|product\.|custom_field\.)/;

/** The contact an event is about, wherever its payload keeps it. */
function contactOf(e: DomainEvent): string[] {
  if (e.entity === 'contact') {
    const p = e.payload as { mergedIds?: string[]; restoredIds?: string[] } | null;
    return [e.entityId, ...(p?.mergedIds ?? []), ...(p?.restoredIds ?? [])];
  }
  const p = e.payload as Record<string, any> | null;
  const id = p?.contactId ?? p?.order?.contactId ?? p?.ticket?.contactId ?? null;
  return typeof id === 'string' ? [id] : [];
}

export async function consumeSegmentEvents(db: Db): Promise<number> {
  return consumeEvents(db, 'marketing.segments', async (events, trx) => {
    const ids = new Set<string>();
    let everything = false;
    for (const e of events) {
      if (e.type.startsWith('segment.')) continue;
      if (e.bulk || wholeSegmentEvents.test(e.type)) everything = true;
      else for (const id of contactOf(e)) ids.add(id);
    }
    if (everything) await markStale(trx);
    else await evaluateContacts(trx, db.engine, [...ids]);
  });
}

/** Evaluates a few segments marked stale; returns how many. */
export async function evaluateStaleSegments(db: Db): Promise<number> {
  const stale = await db.kysely.selectFrom('segments').select('id').where('stale', '=', 1).orderBy('updatedAt').limit(5).execute();
  for (const s of stale) await evaluateSegment(db, s.id);
  return stale.length;
}

registerPoller({ name: 'marketing.segments', run: consumeSegmentEvents, idleMs: 1000 });
registerPoller({ name: 'marketing.segments.stale', run: evaluateStaleSegments, idleMs: 2000 });
registerJobHandler('marketing.segments.refresh', async ({ db }) => {
  await markStale(db.kysely);
  return { marked: true };
});

// Processes stored tracking batches: claims a few (a claim expires, so a crashed worker's batches come back), links
// identified visitors to contacts, writes the events (ids derived from the batch, so a retry writes none twice) and
// removes the batch, all but the contact lookup in one transaction.
import type { Db } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { countRejection } from './intake-buffer.js';
import { identifiedContact, linkVisitor, signatureValid, visitorOf } from './link-visitor.js';
import { pathOf, utmOf, type TrackingEvent } from './tracking-events.js';
import type { WebEventsTable, WebIntakeTable } from './tracking-tables.js';
import { siteSecret } from './web-sites.js';

const CLAIM_MS = 60_000;
const DAY_MS = 86_400_000;

async function claim(db: Db, limit: number): Promise<WebIntakeTable[]> {
  const now = nowIso();
  const free = (eb: any) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<', now)]);
  return db.kysely
    .updateTable('webIntake')
    .set({ claimedUntil: new Date(Date.now() + CLAIM_MS).toISOString() })
    .where((eb) => eb('id', 'in', eb.selectFrom('webIntake').select('id').where(free).orderBy('id').limit(limit)))
    .where(free)
    .returningAll()
    .execute();
}

/** The event's time as the browser says, kept within the day before its arrival (clocks and replays lie). */
function occurredAt(at: string | undefined, receivedAt: string): string {
  const received = Date.parse(receivedAt);
  const t = at ? Date.parse(at) : NaN;
  return Number.isFinite(t) && t <= received && t >= received - DAY_MS ? new Date(t).toISOString() : receivedAt;
}

async function identify(db: Db, row: WebIntakeTable, visitorId: string, events: TrackingEvent[]): Promise<string | null> {
  let contactId: string | null = null;
  let secret: string | null | undefined;
  for (const e of events) {
    if (e.type !== 'identify') continue;
    secret ??= await siteSecret(db, row.siteId);
    const signed = (value: string | undefined) => !!(value && e.signature && secret && signatureValid(secret, value, e.signature));
    // A wrong signature is refused outright: the site meant it to be checked.
    if (e.signature && !signed(e.userId ?? e.email)) {
      await countRejection(db, row.siteId, 'bad_signature');
      continue;
    }
    const found = await identifiedContact(db, { email: e.email, userId: e.userId, signedUser: signed(e.userId) });
    if (found) {
      await linkVisitor(db.kysely, visitorId, found);
      contactId = found;
    }
  }
  return contactId;
}

async function processRow(db: Db, row: WebIntakeTable): Promise<number> {
  const { visitor: visitorKey, events } = JSON.parse(row.payload) as { visitor: string; events: TrackingEvent[] };
  const visitor = await visitorOf(db.kysely, row.siteId, visitorKey, row.receivedAt);
  const contactId = (await identify(db, row, visitor.id, events)) ?? visitor.contactId;
  const rows: WebEventsTable[] = events.map((e, i) => ({
    id: `${row.id}.${i}`,
    siteId: row.siteId,
    visitorId: visitor.id,
    contactId,
    kind: e.type,
    name: e.type === 'click' || e.type === 'event' ? e.name : null,
    url: 'url' in e ? (e.url ?? null) : null,
    path: 'url' in e ? pathOf(e.url) : null,
    title: e.type === 'page' ? (e.title ?? null) : null,
    referrer: e.type === 'page' ? (e.referrer ?? null) : null,
    utm: e.type === 'page' ? JSON.stringify(e.utm ?? utmOf(e.url)) : null,
    props: e.type === 'event' && e.props ? JSON.stringify(e.props) : e.type === 'identify' ? JSON.stringify({ email: e.email ?? null, userId: e.userId ?? null }) : null,
    occurredAt: occurredAt(e.at, row.receivedAt),
    receivedAt: row.receivedAt,
  }));
  const lastSeen = rows.reduce((m, r) => (r.occurredAt > m ? r.occurredAt : m), row.receivedAt.slice(0, 0));
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 100) await trx.insertInto('webEvents').values(rows.slice(i, i + 100)).onConflict((oc) => oc.column('id').doNothing()).execute();
    await trx.updateTable('webVisitors').set({ lastSeenAt: lastSeen }).where('id', '=', visitor.id).where('lastSeenAt', '<', lastSeen).execute();
    await trx.deleteFrom('webIntake').where('id', '=', row.id).execute();
  });
  return rows.length;
}

/** One round: up to 200 batches; a batch that fails stays claimed until its claim expires, then is tried again. */
export async function processIntake(db: Db): Promise<number> {
  let handled = 0;
  for (const row of await claim(db, 200)) {
    try {
      handled += await processRow(db, row);
    } catch (err) {
      console.error('web tracking batch failed', row.id, err);
    }
  }
  return handled;
}

registerPoller({ name: 'marketing.web.intake', run: processIntake, idleMs: 1000 });

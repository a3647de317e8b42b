// What starts and stops journeys from outside: an outbox consumer enrols contacts on the events that active journeys
// listen to (any event type — form.submitted, deal.stage_changed, order.created, segment.entered — with an optional
// filter on payload fields) and takes out those whose changes meet a journey's goal; the daily job enrols contacts on
// date triggers (birthday or a date custom field, N days before or after, every year or once).
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { consumeEvents, type DomainEvent } from '../../../core/events/consume-events.js';
import { registerBulkInterest } from '../../../core/events/bulk-events.js';
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import { registerPoller } from '../../../core/jobs/worker.js';
import { dayWindow } from '../../../core/today/day-window.js';
import { getOrgSettings } from '../../../core/settings.js';
import { customValueSql, listCustomFields } from '../../customers/index.js';
import { triggerEvent, type JourneyTrigger } from './journey-definition.js';
import { activeJourneys, type LoadedJourney } from './journey-store.js';
import { enrolContact, enrolMany } from './journey-enrol.js';
import { finishEnrolment } from './journey-runner.js';
import { contactMatches } from './journey-steps.js';

/** The contacts an event is about, wherever its payload keeps them. */
export function contactsOf(e: DomainEvent): string[] {
  if (e.entity === 'contact') return [e.entityId];
  const p = (e.payload ?? {}) as Record<string, any>;
  const ids = [p.contactId, p.order?.contactId, p.ticket?.contactId, p.contact?.id, ...(Array.isArray(p.contactIds) ? p.contactIds : [])];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

const fieldAt = (payload: unknown, path: string): unknown => path.split('.').reduce<any>((v, k) => (v && typeof v === 'object' ? v[k] : undefined), payload);

export function eventMatches(t: JourneyTrigger, e: DomainEvent): boolean {
  const want = triggerEvent(t);
  if (!want || want.eventType !== e.type) return false;
  return Object.entries(want.filter).every(([k, v]) => String(fieldAt(e.payload, k)) === String(v));
}

/** Ends active enrolments of these contacts in journeys whose goal they now meet. */
async function checkGoals(trx: DbOrTrx, engine: Db['engine'], journeys: LoadedJourney[], contactIds: string[]): Promise<void> {
  const withGoal = journeys.filter((j) => j.goal);
  if (!withGoal.length || !contactIds.length) return;
  const active = await trx.selectFrom('journeyEnrolments').select(['id', 'journeyId', 'contactId']).where('status', '=', 'active').where('contactId', 'in', contactIds).where('journeyId', 'in', withGoal.map((j) => j.id)).execute();
  for (const e of active) {
    const j = withGoal.find((x) => x.id === e.journeyId)!;
    if (await contactMatches(trx, engine, e.contactId, j.goal)) await finishEnrolment(trx, e.id, 'goal', null);
  }
}

export async function consumeJourneyEvents(db: Db): Promise<number> {
  return consumeEvents(db, 'marketing.journeys', async (events, trx) => {
    const journeys = await activeJourneys(trx);
    if (!journeys.length) return;
    const listening = journeys.filter((j) => triggerEvent(j.trigger));
    const touched = new Set<string>();
    for (const e of events) {
      const contacts = contactsOf(e);
      for (const id of contacts) touched.add(id);
      for (const j of listening) if (eventMatches(j.trigger, e)) for (const id of contacts) await enrolContact(trx, j, id, e.id);
    }
    await checkGoals(trx, db.engine, journeys, [...touched]);
  });
}

/** Enrols the contacts whose date (birthday or a date custom field) is `offsetDays` away from today in the org's zone. */
export async function runDateTriggers(db: Db, now = new Date()): Promise<number> {
  const { timeZone } = await getOrgSettings(db.kysely);
  const today = dayWindow(now, timeZone).today;
  let entered = 0;
  for (const j of await activeJourneys(db.kysely)) {
    if (j.trigger.kind !== 'date') continue;
    const t = j.trigger;
    const target = new Date(Date.parse(`${today}T00:00:00Z`) - t.offsetDays * 86_400_000).toISOString().slice(0, 10);
    const field = t.field === 'birthday' ? sql`r.birthday` : customValueSql(db.engine, 'r.custom', (await listCustomFields(db.kysely, 'contact')).find((f) => `cf.${f.key}` === t.field)!);
    const cond = t.annual ? sql`substr(${field}, 6, 5) = ${target.slice(5)}` : sql`substr(${field}, 1, 10) = ${target}`;
    const ids = (await sql<{ id: string }>`select r.id from contacts r where ${field} is not null and ${cond}`.execute(db.kysely)).rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) entered += await db.kysely.transaction().execute((trx) => enrolMany(trx, j, ids.slice(i, i + 500), `date:${target}`));
  }
  return entered;
}

registerPoller({ name: 'marketing.journeys.events', run: consumeJourneyEvents, idleMs: 1000 });
registerJobHandler('marketing.journeys.dates', async ({ db }) => ({ entered: await runDateTriggers(db) }));
// A segment's first evaluation writes its segment.entered events only for subscribers that want bulk events.
registerBulkInterest(async (db) => (await activeJourneys(db)).flatMap((j) => triggerEvent(j.trigger)?.eventType ?? []));

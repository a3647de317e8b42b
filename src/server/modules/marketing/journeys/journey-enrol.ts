// Puts a contact into a journey, under its re-entry rule: never (once ever), after N days (since the last entry), or
// always; a contact is never in the same journey twice at once. The (journey, contact, trigger) key makes a trigger
// seen twice (an event re-read, the daily date check run again) enrol once.
import type { DbOrTrx } from '../../../core/db/database.js';
import { newId } from '../../../core/ids.js';
import type { LoadedJourney } from './journey-store.js';

export async function enrolContact(trx: DbOrTrx, journey: Pick<LoadedJourney, 'id' | 'steps' | 'reentry' | 'reentryDays'>, contactId: string, triggerRef: string, now = new Date()): Promise<string | null> {
  const first = journey.steps[0];
  if (!first) return null;
  const earlier = await trx.selectFrom('journeyEnrolments').select(['status', 'enteredAt', 'triggerRef']).where('journeyId', '=', journey.id).where('contactId', '=', contactId).orderBy('enteredAt', 'desc').execute();
  if (earlier.some((e) => e.status === 'active' || e.triggerRef === triggerRef)) return null;
  if (earlier.length && journey.reentry === 'never') return null;
  if (earlier.length && journey.reentry === 'after' && Date.parse(earlier[0]!.enteredAt) > now.getTime() - (journey.reentryDays ?? 0) * 86_400_000) return null;
  const id = newId();
  const at = now.toISOString();
  const res = await trx
    .insertInto('journeyEnrolments')
    .values({ id, journeyId: journey.id, contactId, status: 'active', stepId: first.id, nextRunAt: at, lockedUntil: null, triggerRef, exitReason: null, enteredAt: at, finishedAt: null })
    .onConflict((oc) => oc.columns(['journeyId', 'contactId', 'triggerRef']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 1) > 0 ? id : null;
}

/** Enrols many contacts (manual enrolment, the date check); returns how many entered. */
export async function enrolMany(trx: DbOrTrx, journey: Pick<LoadedJourney, 'id' | 'steps' | 'reentry' | 'reentryDays'>, contactIds: string[], triggerRef: string): Promise<number> {
  let n = 0;
  for (const id of contactIds) if (await enrolContact(trx, journey, id, triggerRef)) n++;
  return n;
}


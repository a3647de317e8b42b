// Business calendars (working hours per weekday, time zone, holidays): admin CRUD, and the calendar a policy uses.
import type { Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { writeAudit } from '../../../core/audit/audit-log.js';
import { calendarProblems, type BusinessCalendarSpec } from './business-time.js';
import type { BusinessCalendarsTable } from './sla-tables.js';
import type { Calendar, CalendarInput } from './sla-schemas.js';

/** Used when no calendar exists yet: every minute counts. */
export const ROUND_THE_CLOCK: BusinessCalendarSpec = { timeZone: 'UTC', week: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]), holidays: [] };

const toCalendar = (r: Selectable<BusinessCalendarsTable>): Calendar => ({ id: r.id, name: r.name, timeZone: r.timeZone, week: JSON.parse(r.week), holidays: JSON.parse(r.holidays), isDefault: r.isDefault === 1, createdAt: r.createdAt, updatedAt: r.updatedAt });

export async function listCalendars(db: DbOrTrx): Promise<Calendar[]> {
  return (await db.selectFrom('business_calendars').selectAll().orderBy('name').orderBy('id').execute()).map(toCalendar);
}

export async function getCalendar(db: DbOrTrx, id: string): Promise<Calendar> {
  const r = await db.selectFrom('business_calendars').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Business calendar');
  return toCalendar(r);
}

/** The calendar of a policy: its own, else the default one, else round the clock. */
export async function calendarSpec(db: DbOrTrx, id: string | null): Promise<BusinessCalendarSpec> {
  let r = id ? await db.selectFrom('business_calendars').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  r ??= await db.selectFrom('business_calendars').selectAll().where('isDefault', '=', 1).executeTakeFirst();
  if (!r) return ROUND_THE_CLOCK;
  return { timeZone: r.timeZone, week: JSON.parse(r.week), holidays: JSON.parse(r.holidays) };
}

function check(spec: BusinessCalendarSpec) {
  const problems = calendarProblems(spec);
  if (problems.length) throw new AppError('validation', 'The calendar is not valid', problems);
}

/** Only one default: making one the default takes it from the others. */
const clearDefault = (trx: DbOrTrx, except: string) => trx.updateTable('business_calendars').set({ isDefault: 0 }).where('id', '!=', except).where('isDefault', '=', 1).execute();

export async function createCalendar(db: Db, actor: Actor, input: CalendarInput): Promise<Calendar> {
  check(input);
  const now = nowIso();
  const id = newId();
  return db.kysely.transaction().execute(async (trx) => {
    const first = !(await trx.selectFrom('business_calendars').select('id').executeTakeFirst());
    const isDefault = input.isDefault || first ? 1 : 0;
    await trx.insertInto('business_calendars').values({ id, name: input.name, timeZone: input.timeZone, week: JSON.stringify(input.week), holidays: JSON.stringify([...new Set(input.holidays)].sort()), isDefault, createdAt: now, updatedAt: now }).execute();
    if (isDefault) await clearDefault(trx, id);
    const after = await getCalendar(trx, id);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'create', entity: 'business_calendar', entityId: id, after });
    return after;
  });
}

export async function updateCalendar(db: Db, actor: Actor, id: string, patch: Partial<CalendarInput>): Promise<Calendar> {
  const before = await getCalendar(db.kysely, id);
  const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Calendar;
  check(next);
  return db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('business_calendars')
      .set({ name: next.name, timeZone: next.timeZone, week: JSON.stringify(next.week), holidays: JSON.stringify([...new Set(next.holidays)].sort()), isDefault: next.isDefault ? 1 : 0, updatedAt: nowIso() })
      .where('id', '=', id)
      .execute();
    if (next.isDefault) await clearDefault(trx, id);
    const after = await getCalendar(trx, id);
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'business_calendar', entityId: id, before, after });
    return after;
  });
}

export async function deleteCalendar(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await getCalendar(db.kysely, id);
  const used = await db.kysely.selectFrom('sla_policies').select('name').where('calendarId', '=', id).executeTakeFirst();
  if (used) throw new AppError('conflict', `The SLA policy "${used.name}" uses this calendar; choose another calendar for it first`);
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('business_calendars').where('id', '=', id).execute();
    await writeAudit(trx, db.engine, { actorId: actor.id, action: 'delete', entity: 'business_calendar', entityId: id, before });
  });
}

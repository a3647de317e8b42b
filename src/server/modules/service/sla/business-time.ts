// Business time: adds N working minutes to an instant and counts the working minutes between two instants, on a
// calendar of weekly working hours in a time zone with holidays. Pure (no I/O), DST-safe, overnight shifts allowed.

/** 'HH:MM' in local wall time; an end of '24:00' is midnight at the day's end; an end <= start runs into the next day. */
export interface WorkingInterval {
  start: string;
  end: string;
}

export interface BusinessCalendarSpec {
  /** IANA time zone, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** Working intervals per weekday, index 0 = Sunday … 6 = Saturday. */
  week: WorkingInterval[][];
  /** Local dates ('YYYY-MM-DD') with no working intervals; an overnight shift that starts the evening before still counts. */
  holidays: string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far ahead a search may go before the calendar is judged to have no working time at all. */
const MAX_DAYS = 3_700;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone, as a UTC-based number (ms) — "local time read as if it were UTC". */
function wallClock(timeZone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The zone's offset from UTC at an instant, in ms (east positive). */
export function zoneOffset(timeZone: string, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  return wallClock(timeZone, whole) - whole;
}

/** The instant of a local wall time. A time skipped by a DST jump maps to the same wall time after the jump (02:30 →
 * 03:30); a time that occurs twice maps to its first occurrence — as Temporal's 'compatible' disambiguation. */
export function localToInstant(timeZone: string, wallMs: number): number {
  const before = zoneOffset(timeZone, wallMs - DAY);
  const after = zoneOffset(timeZone, wallMs + DAY);
  const candidates = [...new Set([before, after])].map((off) => wallMs - off).filter((utc) => wallClock(timeZone, utc) === wallMs);
  if (candidates.length) return Math.min(...candidates);
  return wallMs - before;
}

function parseHm(hm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hm);
  if (!m) throw new Error(`Invalid time "${hm}": use HH:MM`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > 24 * 60) throw new Error(`Invalid time "${hm}"`);
  return minutes;
}

const isoDate = (wallMs: number) => new Date(wallMs).toISOString().slice(0, 10);

/** The working intervals (UTC ms) that start on one local date, in start order. */
function intervalsOfDay(cal: BusinessCalendarSpec, holidays: Set<string>, dayWallMs: number): [number, number][] {
  if (holidays.has(isoDate(dayWallMs))) return [];
  const weekday = new Date(dayWallMs).getUTCDay();
  const out: [number, number][] = [];
  for (const iv of cal.week[weekday] ?? []) {
    const s = parseHm(iv.start);
    let e = parseHm(iv.end);
    if (e <= s) e += 24 * 60; // overnight: ends on the next local day
    const from = localToInstant(cal.timeZone, dayWallMs + s * MINUTE);
    const to = localToInstant(cal.timeZone, dayWallMs + e * MINUTE);
    if (to > from) out.push([from, to]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Walks the working intervals from the local day before `fromMs` (its overnight shift may still run) onwards. */
function* intervalsFrom(cal: BusinessCalendarSpec, fromMs: number): Generator<[number, number]> {
  if (!cal.week.some((d) => d?.length)) throw new Error('The calendar has no working hours');
  const holidays = new Set(cal.holidays);
  const wall = wallClock(cal.timeZone, fromMs);
  let day = Date.UTC(new Date(wall).getUTCFullYear(), new Date(wall).getUTCMonth(), new Date(wall).getUTCDate()) - DAY;
  for (let i = 0; i < MAX_DAYS; i++, day += DAY) yield* intervalsOfDay(cal, holidays, day);
  throw new Error('The calendar has no working time within ten years');
}

/** The instant at which `minutes` working minutes have passed since `start` (0 minutes: `start` itself). */
export function addBusinessMinutes(cal: BusinessCalendarSpec, start: Date, minutes: number): Date {
  if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new Error('minutes must be a finite number >= 0');
  let left = Math.round(minutes * MINUTE);
  const startMs = start.getTime();
  if (left === 0) return new Date(startMs);
  let cursor = startMs;
  for (const [from, to] of intervalsFrom(cal, startMs)) {
    const s = Math.max(from, cursor);
    if (to <= s) continue;
    if (to - s >= left) return new Date(s + left);
    left -= to - s;
    cursor = to;
  }
  /* c8 ignore next */ throw new Error('unreachable');
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(cal: BusinessCalendarSpec, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  let cursor = a;
  for (const [s0, e0] of intervalsFrom(cal, a)) {
    if (s0 >= b) break;
    const s = Math.max(s0, cursor);
    const e = Math.min(e0, b);
    if (e > s) {
      total += e - s;
      cursor = e;
    }
  }
  return total / MINUTE;
}

/** True when the instant falls inside working time. */
export function isWorkingTime(cal: BusinessCalendarSpec, at: Date): boolean {
  const ms = at.getTime();
  for (const [s, e] of intervalsFrom(cal, ms)) {
    if (s > ms) return false;
    if (ms < e) return true;
  }
  return false;
}

/** Checks a calendar's shape (times, zone, dates); returns the problems, empty when it is usable. */
export function calendarProblems(cal: BusinessCalendarSpec): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  try {
    formatter(cal.timeZone);
  } catch {
    problems.push({ path: 'timeZone', message: `unknown time zone ${cal.timeZone}` });
  }
  if (cal.week.length !== 7) problems.push({ path: 'week', message: 'give the working hours of all 7 weekdays (Sunday first)' });
  cal.week.forEach((day, d) =>
    day.forEach((iv, i) => {
      for (const k of ['start', 'end'] as const) {
        try {
          parseHm(iv[k]);
        } catch {
          problems.push({ path: `week.${d}.${i}.${k}`, message: 'use HH:MM between 00:00 and 24:00' });
        }
      }
      if (iv.start === '24:00') problems.push({ path: `week.${d}.${i}.start`, message: 'a working interval cannot start at 24:00' });
    }),
  );
  cal.holidays.forEach((h, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(h) || Number.isNaN(Date.parse(`${h}T00:00:00Z`))) problems.push({ path: `holidays.${i}`, message: 'use a date YYYY-MM-DD' });
  });
  if (!problems.length && !cal.week.some((d) => d.length)) problems.push({ path: 'week', message: 'the calendar needs at least one working interval' });
  return problems;
}

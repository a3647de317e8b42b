// "Today", "this month" and "now" in the user's time zone, as UTC instants the database can compare with.
import { z } from 'zod';

export interface DayWindow {
  now: string;
  /** Start of the user's today and of tomorrow, as UTC ISO instants. */
  dayStart: string;
  dayEnd: string;
  /** The user's calendar month as YYYY-MM-DD bounds (for date-only columns such as expected close dates). */
  monthFirst: string;
  nextMonthFirst: string;
  today: string;
  timeZone: string;
}

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Asia/Shanghai or Europe/London');

/** The wall-clock date and time in a zone, as fields. */
function partsIn(at: Date, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute), s: Number(p.second) };
}

/** The UTC instant of a wall-clock midnight in a zone (offset read at that moment, so DST days are right). */
function midnightIn(y: number, m: number, d: number, timeZone: string): Date {
  const guess = Date.UTC(y, m - 1, d);
  const p = partsIn(new Date(guess), timeZone);
  const offset = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - guess;
  const first = guess - offset;
  const q = partsIn(new Date(first), timeZone);
  const offset2 = Date.UTC(q.y, q.m - 1, q.d, q.h, q.mi, q.s) - first;
  return new Date(guess - offset2);
}

const ymd = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

export function dayWindow(now: Date, timeZone = 'UTC'): DayWindow {
  const p = partsIn(now, timeZone);
  return {
    now: now.toISOString(),
    dayStart: midnightIn(p.y, p.m, p.d, timeZone).toISOString(),
    dayEnd: midnightIn(p.y, p.m, p.d + 1, timeZone).toISOString(),
    monthFirst: ymd(p.y, p.m, 1),
    nextMonthFirst: ymd(p.y, p.m + 1, 1),
    today: ymd(p.y, p.m, p.d),
    timeZone,
  };
}

// When a wait step ends: after a duration, then (if it has one) at the first moment inside a weekday/time window in
// the organisation's time zone (e.g. Monday–Friday 09:00–17:00, Asia/Shanghai).
import type { WaitWindow } from './journey-definition.js';

const unitMs = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** Wall-clock fields of an instant in a zone, with the ISO weekday. */
function wallClock(at: Date, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday!) + 1;
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), minutes: Number(p.hour) * 60 + Number(p.minute), weekday };
}

/** The UTC instant of a wall-clock time in a zone (the zone's offset read at that moment, so DST days are right). */
function instantOf(y: number, m: number, d: number, minutes: number, timeZone: string): Date {
  const guess = Date.UTC(y, m - 1, d, 0, minutes);
  let at = guess;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(at), timeZone);
    const shown = Date.UTC(w.y, w.m - 1, w.d, 0, w.minutes);
    at = at + (guess - shown);
  }
  return new Date(at);
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The first instant at or after `from` inside the window (looks up to 8 days ahead). */
export function nextInWindow(from: Date, w: WaitWindow, timeZone: string): Date {
  const start = toMinutes(w.from);
  const end = toMinutes(w.to);
  for (let day = 0; day < 8; day++) {
    const probe = new Date(from.getTime() + day * 86_400_000);
    const c = wallClock(probe, timeZone);
    if (!w.weekdays.includes(c.weekday)) continue;
    if (day === 0 && c.minutes >= start && c.minutes < end) return from;
    if (day === 0 && c.minutes >= end) continue;
    const opens = instantOf(c.y, c.m, c.d, start, timeZone);
    if (opens >= from) return opens;
  }
  return from;
}

export function waitEnds(now: Date, step: { amount?: number; unit?: keyof typeof unitMs; window?: WaitWindow }, timeZone: string): Date {
  const after = step.amount && step.unit ? new Date(now.getTime() + step.amount * unitMs[step.unit]) : now;
  return step.window ? nextInWindow(after, step.window, timeZone) : after;
}

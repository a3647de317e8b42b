// Business time: working hours, weekends, holidays, overnight shifts and DST jumps in both directions.
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, calendarProblems, isWorkingTime, localToInstant, type BusinessCalendarSpec } from './business-time.js';

const nineToSix = [{ start: '09:00', end: '18:00' }];
const weekdays = (hours: { start: string; end: string }[]) => [[], hours, hours, hours, hours, hours, []];
const shanghai: BusinessCalendarSpec = { timeZone: 'Asia/Shanghai', week: weekdays(nineToSix), holidays: [] };
const newYork: BusinessCalendarSpec = { timeZone: 'America/New_York', week: weekdays([{ start: '09:00', end: '17:00' }]), holidays: [] };
const allDay = (timeZone: string): BusinessCalendarSpec => ({ timeZone, week: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]), holidays: [] });
const add = (cal: BusinessCalendarSpec, iso: string, minutes: number) => addBusinessMinutes(cal, new Date(iso), minutes).toISOString();

describe('addBusinessMinutes', () => {
  it('adds within one working day (2026-06-03 is a Wednesday; Shanghai is UTC+8)', () => {
    expect(add(shanghai, '2026-06-03T02:00:00Z', 60)).toBe('2026-06-03T03:00:00.000Z'); // 10:00 → 11:00
    expect(add(shanghai, '2026-06-03T02:00:00Z', 0)).toBe('2026-06-03T02:00:00.000Z');
  });

  it('starts counting at opening time when asked before it, and carries the rest to the next morning', () => {
    expect(add(shanghai, '2026-06-02T23:00:00Z', 30)).toBe('2026-06-03T01:30:00.000Z'); // 07:00 local → 09:30
    expect(add(shanghai, '2026-06-03T09:00:00Z', 90)).toBe('2026-06-04T01:30:00.000Z'); // 17:00 + 90: 60 today, 30 on Thu → 09:30
    expect(add(shanghai, '2026-06-03T12:00:00Z', 1)).toBe('2026-06-04T01:01:00.000Z'); // after closing
  });

  it('skips the weekend: Friday 17:00 plus two hours is Monday 10:00', () => {
    expect(add(shanghai, '2026-06-05T09:00:00Z', 120)).toBe('2026-06-08T02:00:00.000Z');
  });

  it('ends exactly at closing time rather than at the next opening', () => {
    expect(add(shanghai, '2026-06-03T01:00:00Z', 9 * 60)).toBe('2026-06-03T10:00:00.000Z');
  });

  it('skips holidays (the National Day week) and counts multi-day targets', () => {
    const cal = { ...shanghai, holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'] };
    // Wed 2026-09-30 17:00 local + 2 h: Thu–Fri holidays, weekend, Mon–Wed holidays → Thu 2026-10-08 10:00
    expect(add(cal, '2026-09-30T09:00:00Z', 120)).toBe('2026-10-08T02:00:00.000Z');
    // three working days (27 h) from Monday 09:00 → Wednesday 18:00
    expect(add(shanghai, '2026-06-01T01:00:00Z', 27 * 60)).toBe('2026-06-03T10:00:00.000Z');
  });

  it('handles several intervals a day (a lunch break)', () => {
    const split = { ...shanghai, week: weekdays([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }]) };
    expect(add(split, '2026-06-03T03:30:00Z', 60)).toBe('2026-06-03T05:30:00.000Z'); // 11:30 + 30 before lunch, 30 after → 13:30
  });

  it('runs an overnight shift into the next day, and counts one that started the evening before a holiday', () => {
    const night: BusinessCalendarSpec = { timeZone: 'Asia/Shanghai', week: Array.from({ length: 7 }, () => [{ start: '22:00', end: '06:00' }]), holidays: ['2026-06-04'] };
    expect(add(night, '2026-06-03T08:00:00Z', 60)).toBe('2026-06-03T15:00:00.000Z'); // 16:00 → opens 22:00 → 23:00
    expect(add(night, '2026-06-03T21:00:00Z', 30)).toBe('2026-06-03T21:30:00.000Z'); // 05:00 on the 4th, inside the shift of the 3rd
    // 05:30 on the 4th: 30 min left of the 3rd's shift, the 4th's shift is a holiday → the 5th at 22:00 + 30
    expect(add(night, '2026-06-03T21:30:00Z', 60)).toBe('2026-06-05T14:30:00.000Z');
  });

  it('counts real minutes across the spring-forward jump on a 24/7 calendar (New York, 2026-03-08)', () => {
    const cal = allDay('America/New_York');
    // 00:30 EST (05:30Z) + 180 min = 08:30Z = 04:30 EDT: the lost hour is not counted as working time twice
    expect(add(cal, '2026-03-08T05:30:00Z', 180)).toBe('2026-03-08T08:30:00.000Z');
    expect(businessMinutesBetween(cal, new Date('2026-03-08T05:00:00Z'), new Date('2026-03-09T04:00:00Z'))).toBe(23 * 60);
  });

  it('keeps opening at 09:00 local across DST (New York 09:00 is 14:00Z in winter, 13:00Z in summer)', () => {
    // Friday 2026-03-06 16:00 EST + 2 h → Monday 2026-03-09 10:00 EDT = 14:00Z
    expect(add(newYork, '2026-03-06T21:00:00Z', 120)).toBe('2026-03-09T14:00:00.000Z');
    // fall back: Friday 2026-10-30 16:00 EDT + 2 h → Monday 2026-11-02 10:00 EST = 15:00Z
    expect(add(newYork, '2026-10-30T20:00:00Z', 120)).toBe('2026-11-02T15:00:00.000Z');
  });

  it('gives the fall-back night shift its extra hour (Berlin, 2026-10-25: 22:00 → 06:00 is nine hours)', () => {
    const night: BusinessCalendarSpec = { timeZone: 'Europe/Berlin', week: Array.from({ length: 7 }, () => [{ start: '22:00', end: '06:00' }]), holidays: [] };
    const start = new Date('2026-10-24T20:00:00Z'); // 22:00 CEST on the 24th
    const end = new Date('2026-10-25T05:00:00Z'); // 06:00 CET on the 25th
    expect(businessMinutesBetween(night, start, end)).toBe(9 * 60);
    expect(addBusinessMinutes(night, start, 9 * 60).toISOString()).toBe(end.toISOString());
  });

  it('maps a wall time skipped by the jump to after it, and a repeated one to its first occurrence', () => {
    expect(new Date(localToInstant('Europe/Berlin', Date.UTC(2026, 2, 29, 2, 30))).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(new Date(localToInstant('Europe/Berlin', Date.UTC(2026, 9, 25, 2, 30))).toISOString()).toBe('2026-10-25T00:30:00.000Z'); // first 02:30 (CEST)
  });

  it('rejects negative minutes and a calendar without working hours', () => {
    expect(() => add(shanghai, '2026-06-03T02:00:00Z', -1)).toThrow();
    expect(() => add({ ...shanghai, week: [[], [], [], [], [], [], []] }, '2026-06-03T02:00:00Z', 5)).toThrow(/no working hours/);
  });

  it('round-trips with businessMinutesBetween from many starting points', () => {
    const cals = [shanghai, newYork, { ...shanghai, holidays: ['2026-06-10', '2026-06-11'] }, allDay('Europe/Berlin')];
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const cal = cals[i % cals.length]!;
      const start = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 365 * 24 * 60) * 60_000);
      const minutes = Math.floor(rand() * 5000);
      const end = addBusinessMinutes(cal, start, minutes);
      expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
      expect(businessMinutesBetween(cal, start, end)).toBe(minutes);
    }
  });
});

describe('businessMinutesBetween and isWorkingTime', () => {
  it('counts only working time, and 0 when the end is not after the start', () => {
    expect(businessMinutesBetween(shanghai, new Date('2026-06-05T09:00:00Z'), new Date('2026-06-08T02:00:00Z'))).toBe(120);
    expect(businessMinutesBetween(shanghai, new Date('2026-06-08T02:00:00Z'), new Date('2026-06-05T09:00:00Z'))).toBe(0);
  });

  it('tells working time from closed time', () => {
    expect(isWorkingTime(shanghai, new Date('2026-06-03T02:00:00Z'))).toBe(true);
    expect(isWorkingTime(shanghai, new Date('2026-06-03T12:00:00Z'))).toBe(false);
    expect(isWorkingTime(shanghai, new Date('2026-06-06T02:00:00Z'))).toBe(false); // Saturday
  });
});

describe('calendarProblems', () => {
  it('names the fields that are wrong', () => {
    expect(calendarProblems(shanghai)).toEqual([]);
    const bad = calendarProblems({ timeZone: 'Mars/Olympus', week: [[{ start: '9:00', end: '25:00' }], [], [], [], [], [], []], holidays: ['2026-13-45'] });
    expect(bad.map((p) => p.path)).toEqual(['timeZone', 'week.0.0.start', 'week.0.0.end', 'holidays.0']);
  });
});

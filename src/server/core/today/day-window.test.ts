// Day and month bounds in a user's time zone, including a daylight-saving change.
import { describe, expect, it } from 'vitest';
import { dayWindow } from './day-window.js';

describe('dayWindow', () => {
  it('gives the user-local day as UTC instants', () => {
    // 2026-12-05 01:30 UTC is already 09:30 on the 5th in Shanghai but still the 4th in New York.
    const now = new Date('2026-12-05T01:30:00Z');
    expect(dayWindow(now, 'Asia/Shanghai')).toMatchObject({ today: '2026-12-05', dayStart: '2026-12-04T16:00:00.000Z', dayEnd: '2026-12-05T16:00:00.000Z', monthFirst: '2026-12-01', nextMonthFirst: '2027-01-01' });
    expect(dayWindow(now, 'America/New_York')).toMatchObject({ today: '2026-12-04', dayStart: '2026-12-04T05:00:00.000Z', dayEnd: '2026-12-05T05:00:00.000Z' });
    expect(dayWindow(now)).toMatchObject({ today: '2026-12-05', dayStart: '2026-12-05T00:00:00.000Z' });
  });

  it('has a 23-hour day when clocks go forward', () => {
    const w = dayWindow(new Date('2026-03-29T12:00:00Z'), 'Europe/London');
    expect(w.dayStart).toBe('2026-03-29T00:00:00.000Z');
    expect(w.dayEnd).toBe('2026-03-29T23:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { closeDateOf } from './close-date.js';

describe('closeDateOf', () => {
  it('shows the day a won or lost deal closed, and the expected date of an open one', () => {
    expect(closeDateOf({ status: 'won', closedAt: '2026-11-03T08:00:00.000Z', expectedCloseDate: '2026-12-31' })).toBe('2026-11-03T08:00:00.000Z');
    expect(closeDateOf({ status: 'lost', closedAt: '2026-10-01T08:00:00.000Z', expectedCloseDate: null })).toBe('2026-10-01T08:00:00.000Z');
    expect(closeDateOf({ status: 'open', closedAt: null, expectedCloseDate: '2026-12-31' })).toBe('2026-12-31');
    // A closed deal from before closedAt was kept falls back to the expected date.
    expect(closeDateOf({ status: 'won', closedAt: null, expectedCloseDate: '2026-12-31' })).toBe('2026-12-31');
  });
});

// RFM quintiles and segments on a hand-made fixture: ranks into fifths, ties share a score, the grid's named cells.
import { describe, expect, it } from 'vitest';
import { quintiles, scoreRfm, segmentOf } from './rfm-score.js';

describe('rfm scoring', () => {
  it('puts ranks into fifths, equal values sharing the first score', () => {
    expect(quintiles([1, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintiles([50, 10, 40, 20, 30])).toEqual([5, 1, 4, 2, 3]);
    expect(quintiles([7, 7, 7])).toEqual([1, 1, 1]);
  });

  it('scores recency (recent is best), frequency and monetary, and names the segment', () => {
    const now = new Date('2026-06-30T00:00:00Z');
    const day = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
    const rows = [
      { contactId: 'a', lastOrderAt: day(1), orders: 10, monetary: 500 },
      { contactId: 'b', lastOrderAt: day(10), orders: 5, monetary: 400 },
      { contactId: 'c', lastOrderAt: day(40), orders: 3, monetary: 300 },
      { contactId: 'd', lastOrderAt: day(100), orders: 2, monetary: 200 },
      { contactId: 'e', lastOrderAt: day(300), orders: 1, monetary: 100 },
    ];
    expect(scoreRfm(rows, now).map((s) => [s.contactId, s.recencyDays, s.r, s.f, s.m, s.segment])).toEqual([
      ['a', 1, 5, 5, 5, 'champions'],
      ['b', 10, 4, 4, 4, 'loyal'],
      ['c', 40, 3, 3, 3, 'potentialLoyalists'],
      ['d', 100, 2, 2, 2, 'hibernating'],
      ['e', 300, 1, 1, 1, 'lost'],
    ]);
  });

  it('names every cell of the grid', () => {
    expect(segmentOf(5, 1)).toBe('new');
    expect(segmentOf(1, 5)).toBe('cantLose');
    expect(segmentOf(2, 4)).toBe('atRisk');
    expect(segmentOf(4, 5)).toBe('champions');
    expect(segmentOf(3, 1)).toBe('hibernating');
  });
});

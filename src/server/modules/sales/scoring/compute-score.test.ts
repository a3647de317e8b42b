// The scoring arithmetic against a hand-computed fixture, decay included.
import { describe, expect, it } from 'vitest';
import { computeRuleScore, decayFactor, type ScoringRule } from './compute-score.js';

const now = new Date('2026-06-30T00:00:00Z');
const rules: ScoringRule[] = [
  { id: 'r1', kind: 'attribute', name: 'Manager title', field: 'title', operator: 'contains', value: '经理', points: 10 },
  { id: 'r2', kind: 'attribute', name: 'Target industry', field: 'industry', operator: 'in', value: ['Manufacturing', 'Retail'], points: 15 },
  { id: 'r3', kind: 'attribute', name: 'Large company', field: 'companySize', operator: 'equals', value: '1000+', points: 20 },
  { id: 'r4', kind: 'attribute', name: 'East region', field: 'region', operator: 'equals', value: '上海', points: 5 },
  { id: 'r5', kind: 'behaviour', name: 'Opened an email', event: 'email_opened', points: 4, halfLifeDays: 10 },
  { id: 'r6', kind: 'behaviour', name: 'Held a meeting', event: 'meeting_held', points: 30, halfLifeDays: 30 },
  { id: 'r7', kind: 'behaviour', name: 'Submitted a form', event: 'form_submitted', points: 8, halfLifeDays: null },
  { id: 'r8', kind: 'attribute', name: 'Tagged VIP', field: 'cf.segment', operator: 'equals', value: 'vip', points: 7 },
];

describe('computeRuleScore', () => {
  it('adds attribute points and decayed behaviour points, and explains each line', () => {
    const result = computeRuleScore(
      rules,
      {
        attributes: { title: '销售经理', industry: 'retail', companySize: '201-1000', region: '上海', 'cf.segment': ['VIP', 'new'] },
        activities: [
          { kind: 'email_opened', occurredAt: '2026-06-30T00:00:00Z' }, // age 0 → 4
          { kind: 'email_opened', occurredAt: '2026-06-20T00:00:00Z' }, // one half-life → 2
          { kind: 'email_opened', occurredAt: '2026-06-10T00:00:00Z' }, // two → 1
          { kind: 'meeting_held', occurredAt: '2026-05-16T00:00:00Z' }, // 45 days, half-life 30 → 30 × 0.5^1.5 = 10.6066
          { kind: 'form_submitted', occurredAt: '2025-01-01T00:00:00Z' }, // no decay → 8
          { kind: 'page_visited', occurredAt: '2026-06-29T00:00:00Z' }, // no rule → 0
        ],
      },
      now,
    );
    // 10 + 15 + 5 + 7 (attributes; company size 201-1000 ≠ 1000+) + 7 (emails) + 10.61 (meeting) + 8 (form) = 62.61
    expect(result.score).toBe(62.61);
    expect(result.lines.map((l) => [l.ruleId, l.points, l.count])).toEqual([
      ['r1', 10, 1],
      ['r2', 15, 1],
      ['r4', 5, 1],
      ['r5', 7, 3],
      ['r6', 10.61, 1],
      ['r7', 8, 1],
      ['r8', 7, 1],
    ]);
    expect(result.lines.find((l) => l.ruleId === 'r6')!.detail).toBe('1 × meeting_held at 30, half-life 30 d');
    // Structured for a sentence in the reader's language ("Held a meeting 45 days ago: +10.61"), never a formula.
    expect(result.lines.find((l) => l.ruleId === 'r6')!.params).toEqual({ event: 'meeting_held', count: 1, lastDaysAgo: 45 });
    expect(result.lines.find((l) => l.ruleId === 'r1')!.params).toEqual({ field: 'title', value: '销售经理' });
  });

  it('scores nothing for nothing, and decays by half per half-life', () => {
    expect(computeRuleScore(rules, { attributes: {}, activities: [] }, now)).toEqual({ score: 0, lines: [] });
    expect(decayFactor('2026-06-20T00:00:00Z', 10, now)).toBeCloseTo(0.5, 10);
    expect(decayFactor('2026-07-20T00:00:00Z', 10, now)).toBe(1);
    expect(decayFactor('2020-01-01T00:00:00Z', null, now)).toBe(1);
  });
});

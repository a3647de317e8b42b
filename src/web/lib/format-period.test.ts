// Forecast periods read as month and quarter names in the UI's language, never as raw keys.
import { describe, expect, it } from 'vitest';
import { formatPeriod } from './format-period.js';

describe('formatPeriod', () => {
  it('names months and quarters in English and Chinese', () => {
    expect(formatPeriod('2026-12', 'en')).toBe('Dec 2026');
    expect(formatPeriod('2026-12', 'zh-CN')).toBe('2026年12月');
    expect(formatPeriod('2026-Q1', 'en')).toBe('Q1 2026');
    expect(formatPeriod('2026-Q3', 'zh-CN')).toBe('2026年第3季度');
    expect(formatPeriod('something', 'en')).toBe('something');
  });
});

// Cell cleansing rules: dates in the formats people write, booleans in English and Chinese, phones, selects, domains.
import { describe, expect, it } from 'vitest';
import { cleanBoolean, cleanDate, cleanDateTime, cleanDomain, cleanEmail, cleanPhone, cleanSelect, cleanText } from './cleanse.js';
import { detectDelimiter } from './file-format.js';
import { normaliseHeader } from './column-mapping.js';

const value = (r: { ok: boolean; value?: unknown }) => (r.ok ? r.value : 'ERROR');

describe('cleansing', () => {
  it('reads dates as people and spreadsheets write them', () => {
    const cases: [string, string, unknown][] = [
      ['2024-03-05', 'CN', '2024-03-05'], ['2024/3/5', 'CN', '2024-03-05'], ['2024.03.05', 'CN', '2024-03-05'], ['2024年3月5日', 'CN', '2024-03-05'],
      ['20240305', 'CN', '2024-03-05'], ['05/03/2024', 'CN', '2024-03-05'], ['03/05/2024', 'US', '2024-03-05'], ['13/05/2024', 'US', '2024-05-13'],
      ['45356', 'CN', '2024-03-05'], ['Mar 5, 2024', 'US', '2024-03-05'], ['2024-02-30', 'CN', 'ERROR'], ['soon', 'CN', 'ERROR'], ['', 'CN', null],
      ['2024-03-05T10:00:00Z', 'CN', '2024-03-05'],
    ];
    for (const [raw, region, want] of cases) expect([raw, value(cleanDate(raw, region))]).toEqual([raw, want]);
    expect(value(cleanDateTime('2026-03-01 10:30', 'CN'))).toBe('2026-03-01T10:30:00.000Z');
    expect(value(cleanDateTime('2026-03-01T10:30:00+08:00', 'CN'))).toBe('2026-03-01T02:30:00.000Z');
    expect(value(cleanDateTime('2026-03-01 25:00', 'CN'))).toBe('ERROR');
  });

  it('reads booleans in English and Chinese, and refuses the rest', () => {
    for (const t of ['true', 'Yes', 'Y', '1', '是', '√']) expect(value(cleanBoolean(t))).toBe(true);
    for (const f of ['false', 'NO', '0', '否', '不是']) expect(value(cleanBoolean(f))).toBe(false);
    expect(value(cleanBoolean('maybe'))).toBe('ERROR');
  });

  it('normalises text, emails, phones, selects and domains', () => {
    expect(value(cleanText('  Head   of\u3000Sales '))).toBe('Head of Sales');
    expect(value(cleanEmail(' Mailto:Alice@Example.COM'))).toBe('alice@example.com');
    expect(value(cleanPhone('138 0013 8000', 'CN'))).toBe('+8613800138000');
    expect(value(cleanPhone('13800138000.0', 'CN'))).toBe('+8613800138000');
    expect(value(cleanPhone('(415) 555-0100', 'US'))).toBe('+14155550100');
    expect(value(cleanPhone('12345', 'CN'))).toBe('ERROR');
    expect(value(cleanSelect('gOLD ', ['Gold', 'Silver']))).toBe('Gold');
    expect(value(cleanSelect('客户', ['customer'], { 客户: 'customer' }))).toBe('customer');
    expect(value(cleanDomain('https://www.Example.com/about?x=1'))).toBe('example.com');
  });

  it('finds the delimiter and compares headers loosely', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a;b;"c;d"\n1;2;3')).toBe(';');
    expect(detectDelimiter('name,"x, y",z\n1,2,3')).toBe(',');
    expect(normaliseHeader('\uFEFFFirst_Name')).toBe('firstname');
    expect(normaliseHeader('手机号码（必填）')).toBe('手机号码');
  });
});

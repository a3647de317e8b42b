// The most-restrictive consent rule that every merge path (import duplicates, on-match updates, upsert, merges) uses.
import { describe, expect, it } from 'vitest';
import { mergeConsentState, mergeConsents, statusCode, statusOfCode, unknownConsent, type ConsentState } from './consent-rule.js';

const granted: ConsentState = { status: 'granted', source: 'form', at: '2026-01-01T00:00:00.000Z' };
const withdrawn: ConsentState = { status: 'withdrawn', source: 'unsubscribe', at: '2026-02-01T00:00:00.000Z' };
const unknown: ConsentState = { status: 'unknown', source: null, at: null };

describe('mergeConsentState', () => {
  it('lets a withdrawal win over a grant on either side, keeping its source and time', () => {
    expect(mergeConsentState(granted, withdrawn)).toEqual(withdrawn);
    expect(mergeConsentState(withdrawn, granted)).toEqual(withdrawn);
  });
  it('lets a grant win over no answer, keeping its source and time', () => {
    expect(mergeConsentState(unknown, granted)).toEqual(granted);
    expect(mergeConsentState(granted, unknown)).toEqual(granted);
    expect(mergeConsentState(withdrawn, unknown)).toEqual(withdrawn);
  });
  it('keeps the first side on equal statuses', () => {
    const later: ConsentState = { status: 'granted', source: 'import', at: '2026-03-01T00:00:00.000Z' };
    expect(mergeConsentState(granted, later)).toEqual(granted);
    expect(mergeConsentState(later, granted)).toEqual(later);
  });
  it('returns a copy, never one of its arguments', () => {
    expect(mergeConsentState(granted, unknown)).not.toBe(granted);
  });
});

describe('mergeConsents', () => {
  it('merges channel by channel over any number of records', () => {
    const a = { ...unknownConsent(), email: granted, sms: granted };
    const b = { ...unknownConsent(), email: withdrawn };
    const c = { ...unknownConsent(), phone: granted, sms: unknown };
    expect(mergeConsents(a, b, c)).toEqual({ email: withdrawn, sms: granted, phone: granted });
  });
});

describe('status codes', () => {
  it('round-trips through the integer column (1 granted, 0 unknown, -1 withdrawn)', () => {
    for (const s of ['granted', 'withdrawn', 'unknown'] as const) expect(statusOfCode(statusCode(s))).toBe(s);
    expect(statusCode('granted')).toBe(1);
    expect(statusCode('withdrawn')).toBe(-1);
  });
});

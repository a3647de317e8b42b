// The consent model's pure part: per channel a status with its source and time, and the most-restrictive merge rule.
export const consentChannels = ['email', 'sms', 'phone'] as const;
export type ConsentChannel = (typeof consentChannels)[number];
export const consentStatuses = ['granted', 'withdrawn', 'unknown'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

/** One channel's consent: its status, where it came from ('form', 'import', 'api', 'user', 'unsubscribe', …) and when. */
export interface ConsentState {
  status: ConsentStatus;
  source: string | null;
  at: string | null;
}
export type Consent = Record<ConsentChannel, ConsentState>;

export const unknownState: ConsentState = { status: 'unknown', source: null, at: null };
export const unknownConsent = (): Consent => ({ email: { ...unknownState }, sms: { ...unknownState }, phone: { ...unknownState } });

// Stored in the contact's consent_<channel> integer column: queries for "may we email" stay a plain comparison.
const codes: Record<ConsentStatus, number> = { granted: 1, unknown: 0, withdrawn: -1 };
export const statusCode = (s: ConsentStatus): number => codes[s];
export const statusOfCode = (n: number): ConsentStatus => (n > 0 ? 'granted' : n < 0 ? 'withdrawn' : 'unknown');

const restrictiveness: Record<ConsentStatus, number> = { unknown: 0, granted: 1, withdrawn: 2 };

/**
 * The most restrictive of two states: a withdrawal wins over a grant, a grant over no answer. The winning side keeps
 * its source and time; on equal statuses `a` (the survivor, or the stored contact) stays as it is.
 */
export function mergeConsentState(a: ConsentState, b: ConsentState): ConsentState {
  return restrictiveness[b.status] > restrictiveness[a.status] ? { ...b } : { ...a };
}

/** Channel by channel, the most restrictive of every record's consent; the first record wins ties. */
export function mergeConsents(first: Consent, ...others: Consent[]): Consent {
  const out = { ...first };
  for (const ch of consentChannels) for (const o of others) out[ch] = mergeConsentState(out[ch], o[ch]);
  return out;
}

export const sameState = (a: ConsentState, b: ConsentState) => a.status === b.status && a.source === b.source && a.at === b.at;

// Signed tracking links of campaign e-mails: open pixel, click redirect and unsubscribe, each an HMAC-SHA256 (key
// derived from the server secret) over the recipient row, the purpose and the link's index. A forged or altered token
// does not verify and is answered with a page, never followed to a URL: the target is looked up by index.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { parsePublicUrl } from '../../../core/config.js';
import { derivedKey } from '../../../core/secrets/secret-box.js';

export type TokenPurpose = 'open' | 'click' | 'unsubscribe';

const mac = (purpose: TokenPurpose, payload: string) => createHmac('sha256', derivedKey('campaign-links')).update(`${purpose}:${payload}`).digest('base64url').slice(0, 24);

export function signToken(purpose: TokenPurpose, recipientId: string, linkIndex?: number): string {
  const payload = linkIndex === undefined ? recipientId : `${recipientId}.${linkIndex}`;
  return `${payload}.${mac(purpose, payload)}`;
}

/** The recipient (and link index) of a valid token; null for anything else. */
export function verifyToken(purpose: TokenPurpose, token: string): { recipientId: string; linkIndex: number | null } | null {
  const m = /^([0-9a-f-]{36})(?:\.(\d{1,4}))?\.([A-Za-z0-9_-]{24})$/.exec(token);
  if (!m || (purpose === 'click') !== (m[2] !== undefined)) return null;
  const payload = m[2] === undefined ? m[1]! : `${m[1]}.${m[2]}`;
  const expected = Buffer.from(mac(purpose, payload));
  const given = Buffer.from(m[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { recipientId: m[1]!, linkIndex: m[2] === undefined ? null : Number(m[2]) };
}

/** Where recipients reach this server: RAPPORT_PUBLIC_URL, else localhost on PORT. */
export function publicBase(): string {
  const url = parsePublicUrl(process.env.RAPPORT_PUBLIC_URL) ?? `http://localhost:${process.env.PORT ?? 3000}/`;
  return url.replace(/\/+$/, '');
}

// Journey e-mails use the same key and routes: their payload is j.<enrolment>.<step>, which a recipient id (a UUID)
// never looks like, so a token of one kind cannot pass for the other.
const JOURNEY_TOKEN = /^j\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{1,40})(?:\.(\d{1,4}))?\.([A-Za-z0-9_-]{24})$/;

export function signJourneyToken(purpose: TokenPurpose, enrolmentId: string, stepId: string, linkIndex?: number): string {
  const payload = `j.${enrolmentId}.${stepId}${linkIndex === undefined ? '' : `.${linkIndex}`}`;
  return `${payload}.${mac(purpose, payload)}`;
}

/** The enrolment, step (and link index) of a valid journey token; null for anything else. */
export function verifyJourneyToken(purpose: TokenPurpose, token: string): { enrolmentId: string; stepId: string; linkIndex: number | null } | null {
  const m = JOURNEY_TOKEN.exec(token);
  if (!m || (purpose === 'click') !== (m[3] !== undefined)) return null;
  const payload = token.slice(0, token.length - m[4]!.length - 1);
  const expected = Buffer.from(mac(purpose, payload));
  const given = Buffer.from(m[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { enrolmentId: m[1]!, stepId: m[2]!, linkIndex: m[3] === undefined ? null : Number(m[3]) };
}

export function journeyTrackingUrls(enrolmentId: string, stepId: string) {
  const base = publicBase();
  return {
    open: `${base}/mail/o/${signJourneyToken('open', enrolmentId, stepId)}.gif`,
    unsubscribe: `${base}/mail/u/${signJourneyToken('unsubscribe', enrolmentId, stepId)}`,
    link: (i: number) => `${base}/mail/c/${signJourneyToken('click', enrolmentId, stepId, i)}`,
  };
}

export function trackingUrls(recipientId: string) {
  const base = publicBase();
  return {
    open: `${base}/mail/o/${signToken('open', recipientId)}.gif`,
    unsubscribe: `${base}/mail/u/${signToken('unsubscribe', recipientId)}`,
    link: (i: number) => `${base}/mail/c/${signToken('click', recipientId, i)}`,
  };
}

// Checks a generic connector's signature: HMAC-SHA256 over "<timestamp>.<raw body>" with the channel secret, sent
// as Rapport-Signature: t=<unix seconds>,v1=<hex> (the scheme of Rapport's own webhooks); old timestamps are replays.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck = 'ok' | 'missing' | 'stale' | 'mismatch';

export function checkChannelSignature(secret: string, rawBody: string, header: string | undefined, now = Date.now()): SignatureCheck {
  if (!header) return 'missing';
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=') as [string, string]));
  const ts = Number(parts.t);
  if (!parts.t || !Number.isInteger(ts) || !parts.v1) return 'missing';
  const expected = Buffer.from(createHmac('sha256', secret).update(`${ts}.${rawBody}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'mismatch';
  // Checked after the MAC, so a forger learns nothing about the clock from the answer.
  return Math.abs(now / 1000 - ts) > SIGNATURE_TOLERANCE_SECONDS ? 'stale' : 'ok';
}

/** Compares Telegram's X-Telegram-Bot-Api-Secret-Token with the channel secret in constant time. */
export function sameSecret(secret: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(secret);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

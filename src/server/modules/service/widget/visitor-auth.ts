// Who a widget visitor is: an anonymous visitor proves it by the random id its browser keeps, an identified one by
// the site's identity token (HMAC-SHA256 of the site's user id under the channel secret). Either way the visitor
// then carries a session token signed with the channel secret, naming the channel and the visitor key.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How long a visitor session token is good for; the widget asks for a new one when it expires. */
export const VISITOR_TOKEN_DAYS = 7;

const hmac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest();
const hash = (data: string) => createHash('sha256').update(data).digest('base64url').slice(0, 32);

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The identity token the site's backend computes: hex HMAC-SHA256(channel secret, user id). */
export function identityHash(secret: string, userId: string): string {
  return hmac(secret, userId).toString('hex');
}

export function verifyIdentity(secret: string, userId: string, token: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(token)) return false;
  return sameBytes(hmac(secret, userId), Buffer.from(token, 'hex'));
}

/** The key stored as the conversation's visitorId: derived, so the database never holds what proves a visitor. */
export function visitorKey(channelId: string, who: { anonymousId: string } | { userId: string }): string {
  return 'anonymousId' in who ? `anon:${hash(`${channelId}:anon:${who.anonymousId}`)}` : `user:${hash(`${channelId}:user:${who.userId}`)}`;
}

export interface VisitorSession {
  channelId: string;
  visitorId: string;
  expiresAt: number;
}

export function signVisitorToken(secret: string, s: VisitorSession): string {
  const body = Buffer.from(JSON.stringify([s.channelId, s.visitorId, s.expiresAt])).toString('base64url');
  return `${body}.${hmac(secret, `visitor:${body}`).toString('base64url')}`;
}

/** The channel a token claims, read before its signature can be checked (the signature needs that channel's secret). */
export function tokenChannel(token: string): string | null {
  const body = token.split('.')[0] ?? '';
  try {
    const v = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null;
  } catch {
    return null;
  }
}

/** The session when the token is signed with this secret and not expired; null for anything else. */
export function verifyVisitorToken(secret: string, token: string, now = Date.now()): VisitorSession | null {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return null;
  if (!sameBytes(hmac(secret, `visitor:${body}`), Buffer.from(sig, 'base64url'))) return null;
  try {
    const [channelId, visitorId, expiresAt] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (typeof channelId !== 'string' || typeof visitorId !== 'string' || typeof expiresAt !== 'number' || expiresAt < now) return null;
    return { channelId, visitorId, expiresAt };
  } catch {
    return null;
  }
}

// Hosts a user names for a connection Rapport keeps (mail servers: a mailbox's IMAP host, the SMTP server of Settings →
// Email) go through the same outbound policy as every fetch: public addresses only, unless RAPPORT_OUTBOUND_ALLOW
// allows the host or its range.
import { lookup } from 'node:dns/promises';
import { AppError } from '../errors.js';
import { parseIp } from './ip-ranges.js';
import { normalHost, refusal } from './outbound-policy.js';

/**
 * The address to connect to: an IP literal is checked as it is, a name after its DNS lookup (every address it
 * resolves to must be allowed). Connect to the returned address (with the name for TLS), so a second lookup cannot
 * swap in another one.
 */
export async function allowedAddress(host: string, field = 'host'): Promise<string> {
  const h = normalHost(host);
  const literal = parseIp(h) ? h : null;
  const addresses = literal ? [literal] : (await lookup(h, { all: true }).catch(() => [])).map((a) => a.address);
  if (!addresses.length) throw new AppError('validation', `The host ${h} does not resolve`, [{ path: field, message: 'does not resolve' }]);
  for (const a of addresses) {
    const err = refusal(h, a, field);
    if (err) throw err;
  }
  return addresses[0]!;
}

/** For a host saved now and connected to later: refuses what is plainly forbidden today; a name that does not resolve
 * yet passes (every connection checks again). */
export async function assertAllowedHost(host: string, field = 'host'): Promise<void> {
  const h = normalHost(host);
  if (!parseIp(h) && (await lookup(h, { all: true }).catch(() => [])).length === 0) return;
  await allowedAddress(h, field);
}

/** The TLS name to verify when connecting to `address` for `host` (none for an IP literal). */
export const tlsName = (host: string): string | undefined => (parseIp(normalHost(host)) ? undefined : normalHost(host));

// Which hosts Rapport may connect to on a user's behalf: public addresses only, plus what the operator allows
// with RAPPORT_OUTBOUND_ALLOW (hosts and CIDRs for tests and intranet deployments).
import { lookup } from 'node:dns/promises';
import { AppError } from '../errors.js';
import { parseOutboundAllow } from '../config.js';
import { forbiddenKind, inCidr, parseCidr, parseIp, type Cidr } from './ip-ranges.js';

interface Allowed {
  hosts: Set<string>;
  cidrs: Cidr[];
}

let runtime: Allowed | null = null;

function compile(entries: string[]): Allowed {
  const cidrs = entries.map(parseCidr).filter((c): c is Cidr => c !== null);
  return { hosts: new Set(entries.filter((e) => !parseCidr(e)).map(normalHost)), cidrs };
}

/** The server passes its configured allow-list; a bare `rapport worker` falls back to the environment. */
export function configureOutbound(allow: string[]): void {
  runtime = compile(allow);
}

const allowed = (): Allowed => runtime ?? compile(parseOutboundAllow(process.env.RAPPORT_OUTBOUND_ALLOW));

/** A URL's hostname without IPv6 brackets or a trailing dot, lower-case: the form allow-list names are compared in. */
export const normalHost = (host: string) => host.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();

/** Named in RAPPORT_OUTBOUND_ALLOW by name: every address it resolves to is trusted. */
export const hostIsAllowed = (host: string) => allowed().hosts.has(normalHost(host));

/** Why Rapport will not connect to this address of this host, as an error to show; null when it may. */
export function refusal(host: string, address: string, field = 'url'): AppError | null {
  const ip = parseIp(address);
  if (!ip) return new AppError('validation', `The host ${normalHost(host)} resolves to something that is not an IP address`, [{ path: field, message: 'not an IP address' }]);
  if (hostIsAllowed(host) || allowed().cidrs.some((c) => inCidr(ip, c))) return null;
  const kind = forbiddenKind(ip);
  if (!kind) return null;
  return new AppError('validation', `The host ${normalHost(host)} resolves to a ${kind} address (${address}), which Rapport does not fetch; an operator can allow it with RAPPORT_OUTBOUND_ALLOW`, [
    { path: field, message: 'an address Rapport does not fetch' },
  ]);
}

/** Parses a URL and checks what can be checked without DNS: the scheme, and the address when the host is one. */
export function checkUrl(input: string | URL, field = 'url'): URL {
  const url = typeof input === 'string' && URL.canParse(input) ? new URL(input) : input instanceof URL ? input : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new AppError('validation', 'Rapport fetches only http:// and https:// URLs', [{ path: field, message: 'an http:// or https:// URL' }]);
  }
  const host = normalHost(url.hostname);
  const err = parseIp(host) ? refusal(host, host, field) : null;
  if (err) throw err;
  return url;
}

/**
 * For a URL saved now and fetched later (a webhook, a scheduled import): refuses what is plainly forbidden today.
 * A host that does not resolve yet passes; every fetch checks the addresses again after its own DNS lookup.
 */
export async function assertFetchableUrl(input: string, field = 'url'): Promise<void> {
  const url = checkUrl(input, field);
  const host = normalHost(url.hostname);
  if (parseIp(host)) return;
  const addresses = await lookup(host, { all: true }).catch(() => []);
  for (const a of addresses) {
    const err = refusal(host, a.address, field);
    if (err) throw err;
  }
}

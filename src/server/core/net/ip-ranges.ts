// Which IP addresses Rapport refuses to connect to on a user's behalf (loopback, private, link-local, …), and CIDR matching.
import { isIP } from 'node:net';

export type AddressKind = 'loopback' | 'private' | 'link-local' | 'carrier-grade NAT' | 'multicast' | 'reserved';

export interface IpValue {
  family: 4 | 6;
  value: bigint;
}

export interface Cidr extends IpValue {
  bits: number;
}

function v4ToBigInt(s: string): bigint {
  return s.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function v6ToBigInt(s: string): bigint {
  let str = s;
  // A trailing dotted quad (::ffff:127.0.0.1) becomes its two hex groups.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(str);
  if (dotted) {
    const v4 = Number(v4ToBigInt(dotted[2]!));
    str = `${dotted[1]}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, tail] = str.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** An address in canonical text (as DNS or the URL parser gives it; brackets and a %zone allowed), or null when it is not one. */
export function parseIp(text: string): IpValue | null {
  const s = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(s);
  if (family === 4) return { family: 4, value: v4ToBigInt(s) };
  if (family === 6) return { family: 6, value: v6ToBigInt(s) };
  return null;
}

/** "10.0.0.0/8", "fc00::/7" or a single address (a /32 or /128); null when it is neither. */
export function parseCidr(text: string): Cidr | null {
  const [addr, bitsText, extra] = text.trim().split('/');
  if (extra !== undefined || !addr) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const max = ip.family === 4 ? 32 : 128;
  if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) return null;
  const bits = bitsText === undefined ? max : Number(bitsText);
  return bits <= max ? { ...ip, bits } : null;
}

export function inCidr(ip: IpValue, cidr: Cidr): boolean {
  if (ip.family !== cidr.family) return false;
  const shift = BigInt((ip.family === 4 ? 32 : 128) - cidr.bits);
  return ip.value >> shift === cidr.value >> shift;
}

const range = (text: string, kind: AddressKind) => ({ cidr: parseCidr(text)!, kind });

// IANA's special-purpose registries (RFC 6890 and successors): nothing here is a public web server.
const V4_RANGES = [
  range('0.0.0.0/8', 'reserved'), // "this network": 0.0.0.0 reaches the local host on Linux
  range('10.0.0.0/8', 'private'),
  range('100.64.0.0/10', 'carrier-grade NAT'),
  range('127.0.0.0/8', 'loopback'),
  range('169.254.0.0/16', 'link-local'), // includes the cloud metadata service 169.254.169.254
  range('172.16.0.0/12', 'private'),
  range('192.0.0.0/24', 'reserved'),
  range('192.0.2.0/24', 'reserved'),
  range('192.88.99.0/24', 'reserved'),
  range('192.168.0.0/16', 'private'),
  range('198.18.0.0/15', 'reserved'),
  range('198.51.100.0/24', 'reserved'),
  range('203.0.113.0/24', 'reserved'),
  range('224.0.0.0/4', 'multicast'),
  range('240.0.0.0/4', 'reserved'), // includes the broadcast 255.255.255.255
];
const V6_RANGES = [
  range('::1/128', 'loopback'),
  range('::/96', 'reserved'), // the unspecified address and the deprecated IPv4-compatible form
  range('::ffff:0:0:0/96', 'reserved'),
  range('64:ff9b:1::/48', 'reserved'),
  range('100::/64', 'reserved'),
  range('2001::/23', 'reserved'), // protocol assignments, Teredo
  range('2001:db8::/32', 'reserved'),
  range('fc00::/7', 'private'),
  range('fe80::/10', 'link-local'),
  range('fec0::/10', 'link-local'),
  range('ff00::/8', 'multicast'),
];
// IPv6 forms that carry an IPv4 address: judged by the IPv4 address inside.
const MAPPED = parseCidr('::ffff:0:0/96')!;
const NAT64 = parseCidr('64:ff9b::/96')!;
const SIX_TO_FOUR = parseCidr('2002::/16')!;

/** The kind of address Rapport must not connect to, or null for an ordinary public address. */
export function forbiddenKind(ip: IpValue): AddressKind | null {
  if (ip.family === 6) {
    if (inCidr(ip, MAPPED) || inCidr(ip, NAT64)) return forbiddenKind({ family: 4, value: ip.value & 0xffffffffn });
    if (inCidr(ip, SIX_TO_FOUR)) return forbiddenKind({ family: 4, value: (ip.value >> 80n) & 0xffffffffn });
  }
  for (const r of ip.family === 4 ? V4_RANGES : V6_RANGES) if (inCidr(ip, r.cidr)) return r.kind;
  return null;
}

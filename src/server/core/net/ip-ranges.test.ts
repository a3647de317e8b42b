// The address classifier: every special-purpose IPv4/IPv6 range refused, IPv4 hidden in IPv6 forms and in the URL
// parser's decimal/octal/hex spellings unmasked, public addresses let through; CIDR parsing and matching.
import { beforeAll, describe, expect, it } from 'vitest';
import { forbiddenKind, inCidr, parseCidr, parseIp } from './ip-ranges.js';
import { checkUrl, configureOutbound } from './outbound-policy.js';

// The default policy (nothing allowed), whatever an app started earlier in this worker allowed.
beforeAll(() => configureOutbound([]));

const kind = (ip: string) => forbiddenKind(parseIp(ip)!);

describe('forbiddenKind', () => {
  it('refuses the IPv4 ranges that are not the public internet', () => {
    expect(kind('127.0.0.1')).toBe('loopback');
    expect(kind('127.255.255.254')).toBe('loopback');
    expect(kind('10.1.2.3')).toBe('private');
    expect(kind('172.16.0.1')).toBe('private');
    expect(kind('172.31.255.255')).toBe('private');
    expect(kind('192.168.1.1')).toBe('private');
    expect(kind('169.254.169.254')).toBe('link-local');
    expect(kind('100.64.0.1')).toBe('carrier-grade NAT');
    expect(kind('100.127.255.255')).toBe('carrier-grade NAT');
    expect(kind('0.0.0.0')).toBe('reserved');
    expect(kind('224.0.0.1')).toBe('multicast');
    expect(kind('255.255.255.255')).toBe('reserved');
    expect(kind('198.18.0.1')).toBe('reserved');
  });

  it('lets public IPv4 addresses through, including the neighbours of the ranges', () => {
    for (const ip of ['8.8.8.8', '1.1.1.1', '172.15.255.255', '172.32.0.0', '100.63.255.255', '100.128.0.0', '11.0.0.0', '126.255.255.255', '128.0.0.0', '223.255.255.255']) {
      expect(kind(ip), ip).toBeNull();
    }
  });

  it('refuses the IPv6 ranges and IPv4 hidden in IPv6 (mapped, NAT64, 6to4)', () => {
    expect(kind('::1')).toBe('loopback');
    expect(kind('::')).toBe('reserved');
    expect(kind('fc00::1')).toBe('private');
    expect(kind('fd12:3456::1')).toBe('private');
    expect(kind('fe80::1')).toBe('link-local');
    expect(kind('ff02::1')).toBe('multicast');
    expect(kind('::ffff:127.0.0.1')).toBe('loopback');
    expect(kind('::ffff:7f00:1')).toBe('loopback');
    expect(kind('::ffff:a9fe:a9fe')).toBe('link-local');
    expect(kind('::ffff:10.0.0.1')).toBe('private');
    expect(kind('64:ff9b::7f00:1')).toBe('loopback');
    expect(kind('2002:7f00:1::')).toBe('loopback');
    expect(kind('2002:c0a8:101::1')).toBe('private');
    expect(kind('::127.0.0.1')).toBe('reserved');
    expect(kind('2001:db8::1')).toBe('reserved');
    expect(kind('[::1]')).toBe('loopback');
    expect(kind('fe80::1%eth0')).toBe('link-local');
  });

  it('lets public IPv6 through, and public IPv4 in its mapped form', () => {
    expect(kind('2606:4700:4700::1111')).toBeNull();
    expect(kind('2001:4860:4860::8888')).toBeNull();
    expect(kind('::ffff:8.8.8.8')).toBeNull();
    expect(kind('2002:0808:0808::1')).toBeNull();
  });
});

describe('URLs whose host is an address in disguise', () => {
  it.each([
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0x7f000001/',
    'http://017700000001/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://127.0.0.1./',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[0:0:0:0:0:ffff:7f00:1]/',
    'http://0/',
    'http://169.254.169.254/latest/meta-data/',
    'https://[fd00::1]:8443/x',
  ])('refuses %s before any connection', (url) => {
    expect(() => checkUrl(url)).toThrow(/which Rapport does not fetch/);
  });

  it('refuses other schemes and lets a public URL through', () => {
    expect(() => checkUrl('file:///etc/passwd')).toThrow('Rapport fetches only http:// and https:// URLs');
    expect(() => checkUrl('gopher://127.0.0.1:25/')).toThrow('Rapport fetches only http:// and https:// URLs');
    expect(checkUrl('https://93.184.216.34/feed.csv').hostname).toBe('93.184.216.34');
  });
});

describe('CIDRs', () => {
  it('parses and matches IPv4 and IPv6 blocks and single addresses', () => {
    expect(inCidr(parseIp('10.9.8.7')!, parseCidr('10.0.0.0/8')!)).toBe(true);
    expect(inCidr(parseIp('11.0.0.0')!, parseCidr('10.0.0.0/8')!)).toBe(false);
    expect(inCidr(parseIp('127.0.0.1')!, parseCidr('127.0.0.1')!)).toBe(true);
    expect(inCidr(parseIp('127.0.0.2')!, parseCidr('127.0.0.1')!)).toBe(false);
    expect(inCidr(parseIp('fd00::5')!, parseCidr('fd00::/8')!)).toBe(true);
    expect(inCidr(parseIp('10.0.0.1')!, parseCidr('::/0')!)).toBe(false);
    for (const bad of ['10.0.0.0/33', '::/129', 'example.com', '10.0.0.0/8/1', '10.0.0/8', '10.0.0.0/x']) expect(parseCidr(bad), bad).toBeNull();
  });
});

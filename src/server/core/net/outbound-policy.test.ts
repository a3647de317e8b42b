// RAPPORT_OUTBOUND_ALLOW: parsed strictly at start-up; a named host trusts all its addresses, a CIDR only those inside it.
import { afterEach, describe, expect, it } from 'vitest';
import { parseOutboundAllow } from '../config.js';
import { configureOutbound, refusal } from './outbound-policy.js';

afterEach(() => configureOutbound([]));

describe('RAPPORT_OUTBOUND_ALLOW', () => {
  it('takes host names, addresses and CIDRs, and fails start-up on anything else', () => {
    expect(parseOutboundAllow(' 127.0.0.1, 10.0.0.0/8 ,Intranet.Example.com,fd00::/8,')).toEqual(['127.0.0.1', '10.0.0.0/8', 'intranet.example.com', 'fd00::/8']);
    expect(parseOutboundAllow(undefined)).toEqual([]);
    for (const bad of ['http://10.0.0.1', '10.0.0.0/33', 'a b', '*.example.com']) expect(() => parseOutboundAllow(bad), bad).toThrow(/RAPPORT_OUTBOUND_ALLOW takes host names/);
  });

  it('lets a named host reach its private addresses, and a CIDR only the addresses inside it', () => {
    expect(refusal('intranet.example.com', '10.1.2.3')?.message).toContain('resolves to a private address (10.1.2.3)');
    configureOutbound(['intranet.example.com', '192.168.5.0/24']);
    expect(refusal('Intranet.Example.com.', '10.1.2.3')).toBeNull();
    expect(refusal('other.example.com', '10.1.2.3')).not.toBeNull();
    expect(refusal('nas.local', '192.168.5.9')).toBeNull();
    expect(refusal('nas.local', '192.168.6.9')).not.toBeNull();
    expect(refusal('example.com', '93.184.216.34')).toBeNull();
  });
});

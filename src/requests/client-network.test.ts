import { describe, expect, it } from 'vitest';
import { clientNetwork } from './client-network.ts';

describe('clientNetwork', () => {
  it('keeps an IPv4 address, and the IPv4 form of an IPv4-mapped IPv6 address', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of one IPv6 /64 as one network, however it is written', () => {
    const net = '2001:db8:0:12::/64';
    expect(clientNetwork('2001:db8:0:12::1')).toBe(net);
    expect(clientNetwork('2001:0db8:0000:0012:abcd:ef01:2345:6789')).toBe(net);
    expect(clientNetwork('2001:DB8:0:12:0:0:0:1')).toBe(net);
    expect(clientNetwork('2001:db8:0:13::1')).not.toBe(net);
  });

  it('expands "::" at either end and drops a zone', () => {
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientNetwork('2001:db8:1:2::')).toBe('2001:db8:1:2::/64');
  });

  it('leaves anything that is not an address as it is', () => {
    expect(clientNetwork('unknown')).toBe('unknown');
  });
});

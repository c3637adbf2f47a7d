import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network a client address counts against in the per-client limits: an IPv4 address as it
 * is (an IPv4-mapped IPv6 address as its IPv4 form), an IPv6 address by its /64 prefix, since
 * one subscriber is usually given a whole /64 and could otherwise change address at every try.
 * Anything else (no address known) counts as itself.
 */
export function clientNetwork(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped !== null && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  // Drop a zone (fe80::1%eth0) and expand "::" to the missing groups.
  const address = ip.replace(/%.*$/, '').toLowerCase();
  const [head, tail] = address.split('::') as [string, string | undefined];
  const groups = (s: string | undefined) => (s === undefined || s === '' ? [] : s.split(':'));
  const left = groups(head);
  const right = groups(tail);
  const full =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

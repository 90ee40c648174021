import { isIPv4, isIPv6 } from 'node:net';

/**
 * The part of a client address that throttles count by. IPv4: the address. IPv6: its /64, the
 * block one subscriber line gets — counting single IPv6 addresses would give an attacker 2^64
 * fresh ones. IPv4-mapped IPv6 (::ffff:1.2.3.4) is the IPv4 address.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip.slice(0, 64);
  const zoneless = ip.split('%')[0].toLowerCase();
  const [head, tail = ''] = zoneless.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = zoneless.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const groups = [...headParts, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailParts];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

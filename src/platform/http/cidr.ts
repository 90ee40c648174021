import { isIP } from 'node:net';

/** Loopback only: a scraper on the same machine (or a sidecar) reads the metrics with no setup. */
export const DEFAULT_METRICS_ALLOW = ['127.0.0.0/8', '::1/128'];

/** One entry of METRICS_ALLOW → [address, prefix, family], or an error message. */
export function parseCidr(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | string {
  const [address, bits, extra] = entry.trim().split('/');
  const version = isIP(address ?? '');
  if (!version || extra !== undefined) return `${entry} is not an IP address or CIDR block`;
  const max = version === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return `${entry} has a prefix length outside 0–${max}`;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** METRICS_ALLOW as written (comma-separated; `none` = token only) → the list, or the first bad entry. */
export function parseAllowList(text: string | undefined): string[] | { error: string } {
  if (text === undefined) return DEFAULT_METRICS_ALLOW;
  if (text.trim() === 'none') return [];
  const entries = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const e of entries) {
    const parsed = parseCidr(e);
    if (typeof parsed === 'string') return { error: parsed };
  }
  return entries;
}

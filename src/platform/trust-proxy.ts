import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * TRUST_PROXY: whose X-Forwarded-For the server believes. Off by default — the client's address
 * is the socket's, so a client cannot pick the address its sign-ins are counted and its admin
 * writes audited under. Behind a reverse proxy, name the proxy: its addresses or CIDR blocks
 * (comma-separated; proxy-addr's `loopback`, `linklocal`, `uniquelocal` too), or the number of
 * proxies in front (a hop count trusts that many entries whoever sent them: only when the server
 * cannot be reached except through the proxies). This is Fastify's `trustProxy` option.
 */
export type TrustProxy = false | number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);
const OFF = new Set(['off', 'false', 'no', '0', 'none']);
const EVERYONE = new Set(['on', 'true', 'yes', '*', 'all']);

function validEntry(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export const trustProxySetting = z
  .string()
  .trim()
  .transform((raw, ctx): TrustProxy => {
    const value = raw.toLowerCase();
    if (OFF.has(value)) return false;
    if (EVERYONE.has(value)) {
      ctx.addIssue({
        code: 'custom',
        message: "would believe X-Forwarded-For from any client; name the proxy's addresses (e.g. 127.0.0.1 or 10.0.0.0/8) or the number of proxies in front",
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops > 10) ctx.addIssue({ code: 'custom', message: 'a hop count must be between 1 and 10' });
      return hops;
    }
    const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
    const bad = entries.filter((e) => !validEntry(e));
    if (entries.length === 0 || bad.length) {
      ctx.addIssue({
        code: 'custom',
        message: `must be off, a hop count, or a comma-separated list of IP addresses or CIDR blocks (not understood: ${bad.join(', ') || raw})`,
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * The value for Fastify's `trustProxy`. Fastify 5.12 treats a bare number as "trust nobody" (a
 * hop count cannot tell a proxy from a client that connects directly), so a hop count becomes the
 * function Express uses: believe the socket's peer and the entries before it, `hops` in all.
 */
export function fastifyTrustProxy(setting: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

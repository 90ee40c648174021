import type { FastifyInstance } from 'fastify';
import { applySetCookie, cookieHeaderOf } from './cookies.js';

/** Request headers of the shopper's request that the API should see as its own. */
const FORWARDED = ['user-agent', 'accept-language', 'x-request-id'];

/**
 * A `fetch` that calls the core API in the same process through `app.inject`: no socket, no
 * serialization to the network, and every API hook (sessions, CSRF, throttles) still applies.
 * The shopper's cookies go along; cookies the API sets are kept for the next call of this
 * request (log in, then read the cart) and collected in `relay` for the browser.
 */
export function injectFetch(
  app: FastifyInstance,
  opts: { jar: Map<string, string>; relay: string[]; clientIp: string; incoming: Record<string, string | string[] | undefined> },
): typeof fetch {
  const base: Record<string, string> = { 'x-forwarded-for': opts.clientIp };
  for (const name of FORWARDED) {
    const v = opts.incoming[name];
    if (typeof v === 'string') base[name] = v;
  }
  // One page often asks for the same read twice (the layout's and the page's category tree): within
  // this request an identical GET is answered once. Any write forgets them, since it may change them.
  const reads = new Map<string, Promise<{ statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }>>();
  const relayed = new WeakSet<object>();
  return async (input: Parameters<typeof fetch>[0], init: RequestInit = {}) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, 'http://in-process');
    // Only the API: a loader must not reach pages (recursion) or anything outside the app.
    if (!url.pathname.startsWith('/api/')) throw new Error(`storefront bridge: ${url.pathname} is not an API path`);
    const headers: Record<string, string> = { ...base };
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    const cookie = cookieHeaderOf(opts.jar);
    if (cookie) headers.cookie = cookie;
    else delete headers.cookie;
    const body = init.body;
    if (body !== undefined && body !== null && typeof body !== 'string') throw new Error('storefront bridge: only string bodies');
    const method = (init.method ?? 'GET').toUpperCase() as 'GET';
    const send = () => app.inject({ method, url: url.pathname + url.search, headers, payload: body ?? undefined });
    let res;
    if (method === 'GET') {
      const key = `${url.pathname}${url.search}\n${JSON.stringify(headers)}`;
      let pending = reads.get(key);
      if (!pending) reads.set(key, (pending = send()));
      res = await pending;
    } else {
      reads.clear();
      res = await send();
    }
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (v === undefined) continue;
      if (k === 'set-cookie') {
        if (relayed.has(res)) continue; // a repeated read: its cookies were applied the first time
        relayed.add(res);
        for (const line of Array.isArray(v) ? v : [String(v)]) {
          applySetCookie(opts.jar, line);
          opts.relay.push(line);
        }
      } else out.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    }
    const empty = res.statusCode === 204 || res.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers: out });
  };
}

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { placeOrder, seedProduct } from '../support/commerce.js';
import { registerShopper, type Shopper } from '../support/customers.js';
import { ensureStorefrontBuild } from './build.js';

/**
 * A browser in miniature over real HTTP: keeps cookies per host, as a browser does, and follows
 * redirects by resolving Location against the page it came from.
 */
function browser() {
  const jars = new Map<string, Map<string, string>>();
  const jarOf = (host: string) => jars.get(host) ?? jars.set(host, new Map()).get(host)!;
  async function request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const u = new URL(url);
    const cookie = [...jarOf(u.host)].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers: Record<string, string> = cookie ? { cookie } : {};
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers.origin = u.origin;
    }
    const res = await fetch(u, { method: init.method ?? 'GET', headers, body: init.form ? new URLSearchParams(init.form) : undefined, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      if (/max-age=0/i.test(line)) jarOf(u.host).delete(pair.slice(0, eq));
      else jarOf(u.host).set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }
  return {
    setCookie: (host: string, pair: string) => jarOf(host).set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)),
    request,
    /** Follows redirects like a browser (303 and 302 after POST become GET); returns each hop's URL and the last answer. */
    async follow(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
      const hops: string[] = [url];
      let res = await request(url, init);
      while (res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location')!;
        hops.push(new URL(location, hops[hops.length - 1]).href);
        res = await request(hops[hops.length - 1]);
      }
      return { hops, res, html: await res.text() };
    },
  };
}

describeEachBackend('paying at another host than PUBLIC_URL (unset)', (backend) => {
  let t: TestApp;
  let base: string;
  let shopper: Shopper;
  let variantId: string;

  beforeAll(async () => {
    ensureStorefrontBuild();
    // No PUBLIC_URL: the store calls itself http://localhost:<port>, but it is browsed at 127.0.0.1.
    t = await startTestApp(backend, { PORT: '3999' });
    expect(t.k.config.publicUrlSet).toBe(false);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    variantId = (await seedProduct(t, { stock: 20, prices: [9900] })).variantIds[0];
    shopper = await registerShopper(t);
  });
  afterAll(() => t?.close());

  it('comes back from the sandbox pay page to the order, signed in, on the host the shopper used', async () => {
    const order = (await placeOrder(t, shopper.auth, variantId, 1)).body as { id: string; number: string };
    const b = browser();
    b.setCookie(new URL(base).host, shopper.cookie);

    const pay = await b.follow(`${base}/orders/${order.number}/pay`, { method: 'POST', form: { method: 'alipay' } });
    expect(pay.res.status).toBe(200);
    // The pay page is a path on this host, not an address on localhost.
    expect(pay.hops[1]).toMatch(new RegExp(`^${base}/pay/sandbox/[0-9a-f-]+\\?lang=zh-CN$`));
    const action = /<form method="post" action="([^"]+)"><input type="hidden" name="outcome" value="succeeded">/.exec(pay.html)![1];

    const back = await b.follow(new URL(action.replace(/&amp;/g, '&'), pay.hops[1]).href, { method: 'POST', form: { outcome: 'succeeded' } });
    expect(back.hops.every((h) => h.startsWith(`${base}/`))).toBe(true);
    expect(back.hops[back.hops.length - 1]).toBe(`${base}/orders/${order.number}?payment=processing`);
    expect(back.res.status).toBe(200);
    expect(back.html).not.toContain('name="password"');
    expect(back.html).toContain(order.number);

    await t.services.sandboxCallbacks.flush();
    await t.settle();
    const paid = await b.follow(`${base}/orders/${order.number}`);
    expect(paid.hops).toHaveLength(1);
    expect(paid.html).toContain('待发货');
  });

  it('keeps redirects relative whatever Host the request claims, and refuses return paths to other sites', async () => {
    const order = (await placeOrder(t, shopper.auth, variantId, 1)).body as { id: string; number: string };
    const started = await t.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/payments`, headers: shopper.auth, payload: { method: 'card' } });
    expect(started.json().payUrl).toBe(`/pay/sandbox/${started.json().id}`);
    const complete = await t.app.inject({
      method: 'POST',
      url: `/pay/sandbox/${started.json().id}/complete?lang=en`,
      headers: { ...shopper.auth, host: 'evil.example', 'x-forwarded-host': 'evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'outcome=failed',
    });
    expect(complete.statusCode).toBe(303);
    expect(complete.headers.location).toBe(`/en/orders/${order.number}?payment=failed`);

    for (const next of ['//evil.example/x', '/\\evil.example', '/\t/evil.example', 'https://evil.example/']) {
      const res = await t.app.inject({ method: 'GET', url: `/account/login?next=${encodeURIComponent(next)}`, headers: { cookie: shopper.cookie } });
      expect(res.statusCode, next).toBe(302);
      expect(res.headers.location, next).toBe('/account');
    }
  });
});

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { placeOrder, seedProduct, startPayment, type SeededProduct } from '../support/commerce.js';
import { registerShopper, type Shopper } from '../support/customers.js';
import { ensureStorefrontBuild } from '../storefront/build.js';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

/**
 * What a browser would do with the page under its policy: every inline script that runs (not a
 * JSON-LD data block) carries the policy's nonce or has its hash listed; every inline <style> has its
 * hash listed; no handler attributes. Returns how many inline scripts were checked.
 */
function expectInlineAllowed(html: string, csp: string): number {
  const scriptSrc = directive(csp, 'script-src');
  const styleSrc = directive(csp, 'style-src');
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(directive(csp, 'script-src-attr')).toBe("script-src-attr 'none'");
  expect(directive(csp, 'object-src')).toBe("object-src 'none'");
  expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  let checked = 0;
  for (const m of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    const [, attrs, body] = m;
    if (/\bsrc=/.test(attrs) || /type="application\/ld\+json"/.test(attrs)) continue;
    checked++;
    const given = /\bnonce="([^"]*)"/.exec(attrs)?.[1];
    if (given !== undefined) expect(given, `nonce of <script${attrs}>`).toBe(nonce);
    else expect(scriptSrc, `hash of <script${attrs}>${body.slice(0, 60)}…`).toContain(hashOf(body));
  }
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
    if (!styleSrc.includes("'unsafe-inline'")) expect(styleSrc, 'hash of an inline <style>').toContain(hashOf(m[1]));
  }
  expect(html).not.toMatch(/\son[a-z]+="/);
  return checked;
}

describeEachBackend('Content-Security-Policy on every HTML surface', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let shopper: Shopper;
  const slug = 'csp-cup';

  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend, { PUBLIC_URL: 'http://localhost:3999' });
    p = await seedProduct(t, { slug });
    shopper = await registerShopper(t);
  });
  afterAll(() => t?.close());

  it('a plain storefront page allows its inline code by hash, with no nonce, and the cached copy carries the same policy', async () => {
    const first = await t.app.inject({ url: `/p/${slug}` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-page-cache']).toBe('miss');
    const csp = String(first.headers['content-security-policy']);
    expect(csp).not.toContain('nonce-');
    expect(expectInlineAllowed(first.body, csp)).toBeGreaterThan(0);
    expect(directive(csp, 'form-action')).toBe("form-action 'self' http://localhost:3999");
    const hit = await t.app.inject({ url: `/p/${slug}` });
    expect(hit.headers['x-page-cache']).toBe('hit');
    expect(hit.headers['content-security-policy']).toBe(csp);
    expect(hit.body).toBe(first.body);
  });

  it('a page that hydrates gives React Router’s scripts a fresh nonce per response, and is not cached', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ url: '/cart' });
      expect(res.statusCode).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      const nonce = /'nonce-([A-Za-z0-9+/=]{22,})'/.exec(csp)?.[1];
      expect(nonce).toBeDefined();
      seen.add(nonce!);
      expect(res.body).toContain(`nonce="${nonce}"`);
      expect(expectInlineAllowed(res.body, csp)).toBeGreaterThan(1);
      expect(res.headers['x-page-cache']).toBeUndefined();
    }
    expect(seen.size).toBe(2);
  });

  it('error pages, the signed-in account and the English store have a policy too', async () => {
    for (const [url, headers] of [
      ['/no/such/page', {}],
      ['/en', {}],
      ['/account', { cookie: shopper.cookie }],
    ] as const) {
      const res = await t.app.inject({ url, headers });
      expect(res.headers['content-type'], url).toContain('text/html');
      expectInlineAllowed(res.body, String(res.headers['content-security-policy']));
    }
  });

  it('the sandbox pay page allows its own style and countdown by hash', async () => {
    const order = (await placeOrder(t, shopper.auth, p.variantIds[0], 1)).body;
    const pay = (await startPayment(t, shopper.auth, order.id)).body;
    const res = await t.app.inject({ url: `/pay/sandbox/${pay.id}`, headers: { cookie: shopper.cookie } });
    expect(res.statusCode).toBe(200);
    expect(expectInlineAllowed(res.body, String(res.headers['content-security-policy']))).toBe(1);
  });

  it('the console and the API docs have their own policy; answers that are not pages let nothing run', async () => {
    const admin = await t.app.inject({ url: '/admin' });
    if (admin.statusCode === 200) expectInlineAllowed(admin.body, String(admin.headers['content-security-policy']));
    else expect(admin.statusCode).toBe(503); // not built here: then there is no page to protect
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expectInlineAllowed(docs.body, String(docs.headers['content-security-policy']));
    for (const url of ['/api/store/products', '/healthz', '/api/nothing']) {
      const res = await t.app.inject({ url });
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { placeOrder, seedProduct, startPayment } from '../support/commerce.js';
import { registerShopper, type Shopper } from '../support/customers.js';
import { loginStaff } from '../support/staff.js';
import { readyBanner } from '../../src/cli/banner.js';
import { loadConfig } from '../../src/platform/config.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachBackend('sandbox pay page: only the order’s own shopper', (backend) => {
  let t: TestApp;
  let owner: Shopper;
  let stranger: Shopper;
  let order: { id: string; number: string; total: number };
  let paymentId: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    const p = await seedProduct(t);
    owner = await registerShopper(t);
    stranger = await registerShopper(t);
    order = (await placeOrder(t, owner.auth, p.variantIds[0], 1)).body;
    paymentId = (await startPayment(t, owner.auth, order.id)).body.id;
    await t.k.settings.set('payments.sandbox.delayMs', 0);
  });
  afterAll(() => t?.close());

  const status = async () => (await t.app.inject({ url: `/api/store/orders/${order.id}`, headers: owner.auth })).json().status;

  it('refuses to show or complete the payment without a session (401) or for another shopper (404), and nothing is paid', async () => {
    const anonymousPage = await t.app.inject({ url: `/pay/sandbox/${paymentId}`, headers: { 'accept-language': 'en' } });
    expect(anonymousPage.statusCode).toBe(401);
    expect(anonymousPage.json().code).toBe('UNAUTHENTICATED');
    const strangerPage = await t.app.inject({ url: `/pay/sandbox/${paymentId}`, headers: { cookie: stranger.cookie } });
    expect(strangerPage.statusCode).toBe(404);
    expect(strangerPage.json().code).toBe('PAYMENT_NOT_FOUND');
    expect(strangerPage.body).not.toContain(order.number);

    for (const headers of [{}, { cookie: stranger.cookie }, stranger.auth]) {
      const res = await t.app.inject({ method: 'POST', url: `/pay/sandbox/${paymentId}/complete`, headers: { ...FORM, ...headers }, payload: 'outcome=succeeded' });
      expect([401, 404]).toContain(res.statusCode);
    }
    await t.services.sandboxCallbacks.flush();
    await t.settle();
    expect(await status()).toBe('pending_payment');
  });

  it('lets the owner pay with their session cookie, as the browser does', async () => {
    const page = await t.app.inject({ url: `/pay/sandbox/${paymentId}`, headers: { cookie: owner.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(order.number);
    const done = await t.app.inject({ method: 'POST', url: `/pay/sandbox/${paymentId}/complete`, headers: { ...FORM, cookie: owner.cookie }, payload: 'outcome=succeeded' });
    expect(done.statusCode).toBe(303);
    await t.services.sandboxCallbacks.flush();
    await t.settle();
    expect(await status()).toBe('paid');
  });
});

describeEachBackend('sandbox status for staff', (backend) => {
  const settingsOf = async (env: Record<string, string>) => {
    const t = await startTestApp(backend, env);
    try {
      const staff = await loginStaff(t, 'warehouse');
      const res = await t.app.inject({ url: '/api/admin/settings', headers: staff.auth });
      expect(res.statusCode).toBe(200);
      return res.json().paymentSandbox;
    } finally {
      await t.close();
    }
  };

  it('tells the console the sandbox is on, and why it needs attention at a public address; off when PAYMENT_SANDBOX=0', async () => {
    // The default (on, local) is in src/modules/settings/settings.test.ts.
    expect(await settingsOf({ PUBLIC_URL: 'https://shop.example.com' })).toEqual({ enabled: true, exposures: ['public-url'] });
    expect(await settingsOf({ PUBLIC_URL: 'https://shop.example.com', PAYMENT_SANDBOX: '0' })).toEqual({ enabled: false, exposures: [] });
  });
});

describe('the start banner and the sandbox', () => {
  const banner = (env: Record<string, string>) => readyBanner(loadConfig(env), { host: '0.0.0.0', port: 3000 }, Date.now(), 1);

  it('says the sandbox is on for a local store, warns at a public address, and says nothing once it is off', () => {
    expect(banner({})).toMatch(/Payments {4}sandbox: orders are paid with no money/);
    expect(banner({})).not.toContain('WARNING');
    expect(banner({ PUBLIC_URL: 'http://192.168.1.20:3000' })).not.toContain('WARNING');
    const pub = banner({ PUBLIC_URL: 'https://shop.example.com' });
    expect(pub).toContain('WARNING     sandbox payments are on at a public address (https://shop.example.com)');
    expect(pub).toContain('PAYMENT_SANDBOX=0');
    const prod = banner({ PUBLIC_URL: 'https://shop.example.com', NODE_ENV: 'production' });
    expect(prod).not.toMatch(/sandbox/i);
    expect(banner({ PUBLIC_URL: 'https://shop.example.com', NODE_ENV: 'production', PAYMENT_SANDBOX: '1' })).toContain('WARNING');
  });
});

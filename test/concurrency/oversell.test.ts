import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestApp, type TestApp } from '../support/harness.js';
import { seedProduct, standardShipping, testAddress, type SeededProduct } from '../support/commerce.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';

const BUYERS = 200;
const UNITS = 50;

/** A minimal HTTP client for one shopper against a base URL (fetch) or the in-process app (inject). */
type Send = (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; json: any }>;

async function buyOne(send: Send, variantId: string, shippingMethodId: string, n: number) {
  const reg = await send('POST', '/api/store/auth/register', { email: `buyer-${n}-${randomBytes(3).toString('hex')}@example.com`, password: 'buyer-password-1' });
  if (reg.status !== 201) throw new Error(`register ${reg.status} ${JSON.stringify(reg.json)}`);
  const auth = { authorization: `Bearer ${reg.json.token}` };
  const cart = await send('POST', '/api/store/carts', undefined, auth);
  await send('POST', `/api/store/carts/${cart.json.id}/items`, { variantId, quantity: 1 }, auth);
  return { auth, cartId: cart.json.id as string };
}

async function race(send: (i: number) => Send, p: SeededProduct, shippingMethodId: string) {
  // Everyone gets a cart with the item first; then all 200 place their orders at once.
  const buyers = await Promise.all(Array.from({ length: BUYERS }, (_, i) => buyOne(send(i), p.variantIds[0], shippingMethodId, i)));
  const results = await Promise.all(
    buyers.map((b, i) =>
      send(i)('POST', '/api/store/orders', { cartId: b.cartId, shippingMethodId, address: testAddress }, { ...b.auth, 'idempotency-key': `race-${i}-0000` }),
    ),
  );
  return results;
}

/** A distinct address per buyer (TEST-NET-2/3 blocks). */
const buyerAddress = (i: number) => `198.51.${100 + (i >> 8)}.${i & 255}`;

function expectExactly50(results: Array<{ status: number; json: any }>) {
  const placed = results.filter((r) => r.status === 201);
  const refused = results.filter((r) => r.status === 409);
  expect(placed).toHaveLength(UNITS);
  expect(refused).toHaveLength(BUYERS - UNITS);
  expect(refused.every((r) => r.json.code === 'OUT_OF_STOCK')).toBe(true);
}

describe('200 concurrent buyers for 50 units [pglite]', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ name: 'pglite' });
  });
  afterAll(() => t.close());

  it('makes exactly 50 orders, never goes below zero, and the ledger reconciles', async () => {
    const p = await seedProduct(t, { stock: UNITS, prices: [9900] });
    const shipping = await standardShipping(t);
    // 200 shoppers come from 200 addresses: one address registering 200 at once is throttled (docs/decisions/0025).
    const send = (i: number): Send => async (method, url, body, headers) => {
      const r = await t.app.inject({ method: method as 'POST', url, payload: body as object, headers, remoteAddress: buyerAddress(i) });
      return { status: r.statusCode, json: r.json() };
    };
    const results = await race(send, p, shipping);
    expectExactly50(results);
    const [row] = await t.services.inventory.stockOf([p.variantIds[0]]);
    expect(row).toMatchObject({ onHand: UNITS, reserved: UNITS });
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });
});

const pgBackend = backends().find((b) => b.name === 'postgres');
if (pgBackend) {
  describe('200 concurrent buyers for 50 units, two API processes [postgres]', () => {
    let t: TestApp;
    let servers: ServerProcess[] = [];
    let url: string;

    beforeAll(async () => {
      t = await startTestApp(pgBackend);
      url = (t.k.config.databaseUrl as string);
      // The test plays the proxy in front of both processes, forwarding each buyer's own address.
      servers = await Promise.all(
        [0, 1].map(() => startServerProcess({ DATABASE_URL: url, REDIS_URL: pgBackend.redisUrl ?? '', REDIS_PREFIX: t.k.config.redisPrefix, TRUST_PROXY: '127.0.0.1' })),
      );
    }, 120_000);
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await t.close();
    });

    it('makes exactly 50 orders across both processes, stock never negative, ledger reconciled', async () => {
      const p = await seedProduct(t, { stock: UNITS, prices: [9900] });
      const shipping = await standardShipping(t);
      const sendTo = (base: string, i: number): Send => async (method, path, body, headers) => {
        const r = await fetch(base + path, {
          method,
          headers: { ...(body ? { 'content-type': 'application/json' } : {}), 'x-forwarded-for': buyerAddress(i), ...headers },
          body: body ? JSON.stringify(body) : undefined,
        });
        return { status: r.status, json: await r.json() };
      };
      const results = await race((i) => sendTo(servers[i % 2].url, i), p, shipping);
      expectExactly50(results);
      const placedBy = new Set(results.filter((r) => r.status === 201).map((r) => r.json.id));
      expect(placedBy.size).toBe(UNITS);
      const [row] = await t.services.inventory.stockOf([p.variantIds[0]]);
      expect(row).toMatchObject({ onHand: UNITS, reserved: UNITS });
      expect(await t.services.inventory.reconcile()).toEqual([]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const neg = await client.query('select count(*)::int as n from inventory_stock where on_hand < 0 or reserved < 0 or reserved > on_hand');
      await client.end();
      expect(neg.rows[0].n).toBe(0);
    });
  });
}

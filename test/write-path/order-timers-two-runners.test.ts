import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeOnBackend, startTestApp, type TestApp, type TestDatabase } from '../support/harness.js';
import { registerShopper, type Shopper } from '../support/customers.js';
import { placeOrder, seedProduct, type SeededProduct } from '../support/commerce.js';
import { loginStaff, type StaffLogin } from '../support/staff.js';
import { placePaidOrder } from '../support/paid-orders.js';
import { DAY, MINUTE } from '../../src/platform/clock.js';

/**
 * Issue 11: unpaid orders time out and release their stock exactly once across processes, and
 * auto-confirm after shipment likewise. Two stores (two kernels, as two API processes would be) share
 * one PostgreSQL database and one Redis, and race to run the same due jobs, several rounds at once.
 * (PGlite is one process by construction: its single runner is covered by the modules' own tests.)
 */
describeOnBackend('postgres', 'order timers with two runners (PostgreSQL + Redis)', (backend) => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let p: SeededProduct;
  let shopper: Shopper;
  let warehouse: StaffLogin;
  const STOCK = 200;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const env = { UNPAID_TIMEOUT_MINUTES: '30', AUTO_CONFIRM_DAYS: '10' };
    a = await startTestApp(backend, env, { database: db });
    b = await startTestApp(backend, env, { database: db });
    p = await seedProduct(a, { stock: STOCK, prices: [1500] });
    shopper = await registerShopper(a);
    warehouse = await loginStaff(a, 'warehouse');
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  /** Both runners at once, several times each, until neither finds anything due. */
  const race = async () => {
    for (let round = 0; round < 20; round++) {
      const ran = await Promise.all([a.k.jobs.runDue(), b.k.jobs.runDue(), a.k.jobs.runDue(), b.k.jobs.runDue()]);
      await Promise.all([a.k.outbox.dispatch(), b.k.outbox.dispatch()]);
      if (ran.every((n) => n === 0)) return;
    }
  };
  const advance = (ms: number) => {
    a.clock.advance(ms);
    b.clock.advance(ms);
  };
  const adminOrder = async (id: string) =>
    (await a.app.inject({ url: `/api/admin/orders/${id}`, headers: warehouse.auth })).json() as { status: string; timeline: Array<{ type: string }> };
  const available = async () => (await a.services.inventory.stockOf([p.variantIds[0]])).reduce((n, s) => n + s.onHand - s.reserved, 0);
  const ledgerRows = async () => (await a.services.inventory.listLedger({ variantId: p.variantIds[0], limit: 1000 })).items;

  it('30 unpaid orders time out once each: stock released once, one cancel on each timeline', async () => {
    const orders = [];
    for (let i = 0; i < 30; i++) {
      const placed = await placeOrder(i % 2 ? a : b, shopper.auth, p.variantIds[0], 2);
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      orders.push(placed.body as { id: string });
    }
    expect(await available()).toBe(STOCK - 60);
    const ledgerBefore = (await ledgerRows()).length;
    advance(29 * MINUTE);
    await race();
    expect((await adminOrder(orders[0].id)).status).toBe('pending_payment');
    advance(2 * MINUTE);
    await race();
    for (const o of orders) {
      const detail = await adminOrder(o.id);
      expect(detail.status).toBe('cancelled');
      expect(detail.timeline.filter((e) => e.type === 'cancel')).toHaveLength(1);
    }
    // One release row per order, and every unit back.
    expect((await ledgerRows()).length - ledgerBefore).toBe(30);
    expect(await available()).toBe(STOCK);
    expect(await a.services.inventory.reconcile()).toEqual([]);
    await race(); // nothing left to do: a second pass changes nothing
    expect((await ledgerRows()).length - ledgerBefore).toBe(30);
  }, 120_000);

  it('20 shipped orders are auto-confirmed once each after 10 days', async () => {
    const orders = [];
    for (let i = 0; i < 20; i++) {
      const o = await placePaidOrder(i % 2 ? a : b, shopper.auth, [{ variantId: p.variantIds[0], quantity: 1 }]);
      const shipped = await a.app.inject({
        method: 'POST', url: `/api/admin/orders/${o.id}/ship`, headers: warehouse.auth,
        payload: { carrier: 'sf', trackingNumber: `SF${String(7000000000000 + i)}` },
      });
      expect(shipped.statusCode, shipped.body).toBe(201);
      orders.push(o);
    }
    advance(9 * DAY);
    await race();
    warehouse = await loginStaff(a, 'warehouse'); // staff sessions last 12 hours
    expect((await adminOrder(orders[0].id)).status).toBe('shipped');
    advance(DAY + MINUTE);
    await race();
    warehouse = await loginStaff(a, 'warehouse');
    for (const o of orders) {
      const detail = await adminOrder(o.id);
      expect(detail.status).toBe('completed');
      expect(detail.timeline.filter((e) => e.type === 'confirmReceipt')).toHaveLength(1);
    }
    await race();
    for (const o of orders.slice(0, 3)) expect((await adminOrder(o.id)).timeline.filter((e) => e.type === 'confirmReceipt')).toHaveLength(1);
  }, 120_000);
});

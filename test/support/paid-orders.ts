import { expect } from 'vitest';
import type { TestApp } from './harness.js';
import { emptyCart, sandboxCallback, standardShipping, startPayment, testAddress } from './commerce.js';

/** Cart with several items → order, through HTTP as the given shopper. Returns the order body. */
export async function placeMultiLineOrder(t: TestApp, auth: Record<string, string>, items: Array<{ variantId: string; quantity: number }>) {
  const cart = await emptyCart(t, auth);
  for (const item of items) {
    const add = await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: auth, payload: item });
    expect(add.statusCode, add.body).toBe(200);
  }
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/store/orders',
    headers: auth,
    payload: { cartId: cart.id, shippingMethodId: await standardShipping(t), address: testAddress },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Pays an order through the sandbox provider's signed callback. */
export async function payOrder(t: TestApp, auth: Record<string, string>, order: { id: string; total: number }) {
  const pay = await startPayment(t, auth, order.id);
  expect(pay.status, JSON.stringify(pay.body)).toBe(201);
  const cb = await t.app.inject(sandboxCallback(t, { paymentId: pay.body.id, amount: order.total }));
  expect(cb.json().result).toBe('paid');
}

/** A placed and paid order of the given items. */
export async function placePaidOrder(t: TestApp, auth: Record<string, string>, items: Array<{ variantId: string; quantity: number }>) {
  const order = await placeMultiLineOrder(t, auth, items);
  await payOrder(t, auth, order);
  return order;
}

/** Sum of an order's payment ledger (captures − refunds), once the outbox has executed every refund intent. */
export async function ledgerNet(t: TestApp, orderId: string): Promise<number> {
  await t.settle();
  return (await t.services.payments.ledgerOf(orderId)).reduce((n, l) => n + l.amount, 0);
}

import { randomUUID } from 'node:crypto';
import { signSandboxPayload, SIGNATURE_HEADER } from '../../src/modules/payments/index.js';
import type { TestApp } from './harness.js';

const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export interface SeededProduct {
  productId: string;
  variantIds: string[];
  skus: string[];
  warehouseId: string;
}

/**
 * A published product with variants and stock, written through the services (fixtures), so
 * suites can test the shopping journey through HTTP.
 */
export async function seedProduct(t: TestApp, opts: { stock?: number; prices?: number[]; slug?: string } = {}): Promise<SeededProduct> {
  const slug = opts.slug ?? `p-${randomUUID().slice(0, 8)}`;
  const prices = opts.prices ?? [19900, 29900];
  return t.k.db.transaction(async () => {
    const c = t.services.catalog;
    const cat = await c.createCategory({ slug: `c-${slug}`, name: zhEn('数码', 'Digital'), parentId: null, position: 0 });
    const p = await c.createProduct({
      slug,
      title: zhEn('无线蓝牙耳机', 'Wireless earbuds'),
      categoryId: cat.id,
      brandId: null,
      status: 'active',
      privateLabel: false,
      exclusive: false,
      tags: [],
      attributes: [],
      options: [{ code: 'v', name: zhEn('款式', 'Style'), values: prices.map((_, i) => ({ code: `s${i}`, name: zhEn(`款${i}`, `Style ${i}`) })) }],
      images: [],
      variants: prices.map((price, i) => ({ sku: `${slug}-${i}`.toUpperCase(), optionValues: { v: `s${i}` }, price, weightGrams: 300, active: true })),
    });
    const warehouseId = await t.services.inventory.ensureDefaultWarehouse();
    for (const v of p.variants) {
      await t.services.inventory.adjust({ variantId: v.id, warehouseId, delta: opts.stock ?? 100, reason: 'receipt' });
    }
    return { productId: p.id, variantIds: p.variants.map((v) => v.id), skus: p.variants.map((v) => v.sku), warehouseId };
  });
}

export const testAddress = {
  recipient: '张三',
  mobile: '13800138000',
  provinceCode: '44',
  cityCode: '4403',
  districtCode: '440305',
  regionText: '广东省 深圳市 南山区',
  detail: '科技园路 1 号',
};

export async function standardShipping(t: TestApp): Promise<string> {
  return (await t.services.shipping.list()).find((m) => m.code === 'standard')!.id;
}

/** The shopper's open cart, emptied (a signed-in shopper always gets their open cart back). */
export async function emptyCart(t: TestApp, auth: Record<string, string>): Promise<{ id: string }> {
  const cart = (await t.app.inject({ method: 'POST', url: '/api/store/carts', headers: auth })).json();
  for (const item of cart.items) {
    await t.app.inject({ method: 'DELETE', url: `/api/store/carts/${cart.id}/items/${item.id}`, headers: auth });
  }
  return cart;
}

/** Cart → item → order, through HTTP as the given shopper. Returns the order body. */
export async function placeOrder(
  t: TestApp,
  auth: Record<string, string>,
  variantId: string,
  quantity = 1,
  idempotencyKey?: string,
): Promise<{ status: number; body: any }> {
  const cart = await emptyCart(t, auth);
  const add = await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: auth, payload: { variantId, quantity } });
  if (add.statusCode !== 200) return { status: add.statusCode, body: add.json() };
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/store/orders',
    headers: { ...auth, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    payload: { cartId: cart.id, shippingMethodId: await standardShipping(t), address: testAddress },
  });
  return { status: res.statusCode, body: res.json() };
}

/** A signed sandbox callback, as the provider would send it. */
export function sandboxCallback(t: TestApp, event: { eventId?: string; type?: string; paymentId: string; amount: number; currency?: string; reason?: string }, at = t.clock.now()) {
  const body = JSON.stringify({
    eventId: event.eventId ?? `evt_${randomUUID()}`, type: event.type ?? 'payment.succeeded', paymentId: event.paymentId, amount: event.amount, currency: event.currency ?? 'CNY',
    ...(event.reason ? { reason: event.reason } : {}),
  });
  return {
    method: 'POST' as const,
    url: '/api/store/payments/webhook/sandbox',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signSandboxPayload(t.k.secrets.paymentSandbox, body, at) },
    payload: body,
  };
}

/** Starts a payment for an order and returns it. */
export async function startPayment(t: TestApp, auth: Record<string, string>, orderId: string) {
  const res = await t.app.inject({ method: 'POST', url: `/api/store/orders/${orderId}/payments`, headers: auth, payload: { method: 'alipay' } });
  return { status: res.statusCode, body: res.json() };
}

import { randomBytes } from 'node:crypto';
import { signSandboxPayload, SIGNATURE_HEADER } from '../src/modules/payments/index.js';

export interface CheckoutResult {
  orders: number;
  paid: number;
  outOfStock: number;
  failures: number;
  seconds: number;
  ordersPerSecond: number;
  p50: number;
  p99: number;
  /** Median latency of each request of the flow. */
  steps: Record<string, number>;
}

const stepTimes: Record<string, number[]> = {};

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}, step?: string) {
  const t0 = performance.now();
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  if (step) (stepTimes[step] ??= []).push(performance.now() - t0);
  return { status: res.status, json };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The full checkout, as shoppers do it: open cart → add item → place order → start payment →
 * the provider's signed callback. `connections` shoppers at once, competing for a few SKUs.
 */
export async function checkoutLoad(opts: {
  /** One or more API processes of the same store; shoppers are spread over them. */
  bases: string[];
  variantIds: string[];
  shippingMethodId: string;
  sandboxSecret: string;
  buyers: number;
  connections: number;
  seconds: number;
  /** Each order also uses one of the shopper's coupons and pays 200 points (issue 12: within 20% of the plain checkout). */
  offers?: { staffToken: string };
}): Promise<CheckoutResult> {
  const base = opts.bases[0];
  const tokens: string[] = [];
  const customerIds: string[] = [];
  for (let i = 0; i < opts.buyers; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, opts.buyers - i) }, async () => {
        const r = await call(base, 'POST', '/api/store/auth/register', { email: `bench-${randomBytes(6).toString('hex')}@example.com`, password: 'bench-password-1' });
        if (r.status !== 201) throw new Error(`register failed: ${r.status} ${JSON.stringify(r.json)}`);
        return { token: r.json.token as string, id: r.json.customer.id as string };
      }),
    );
    tokens.push(...batch.map((b) => b.token));
    customerIds.push(...batch.map((b) => b.id));
  }
  const codes = opts.offers ? await giveOffers(base, opts.offers.staffToken, tokens, customerIds) : [];
  const address = { recipient: '李四', mobile: '13900139000', provinceCode: '31', cityCode: '3101', districtCode: '310104', regionText: '上海市 徐汇区', detail: '漕溪北路 1 号' };
  let orders = 0;
  let paid = 0;
  let outOfStock = 0;
  let failures = 0;
  const latencies: number[] = [];
  let next = 0;
  const deadline = Date.now() + opts.seconds * 1000;
  const started = Date.now();

  const shopper = async (_: unknown, n: number) => {
    const base = opts.bases[n % opts.bases.length];
    while (Date.now() < deadline) {
      const who = next++ % tokens.length;
      const auth = { authorization: `Bearer ${tokens[who]}` };
      const code = codes[who]?.pop();
      const offers = opts.offers ? { ...(code ? { couponCodes: [code] } : {}), points: 200 } : {};
      const t0 = performance.now();
      try {
        const cart = await call(base, 'POST', '/api/store/carts', undefined, auth, 'cart');
        const variantId = opts.variantIds[Math.floor(Math.random() * opts.variantIds.length)];
        for (const item of cart.json.items ?? []) await call(base, 'DELETE', `/api/store/carts/${cart.json.id}/items/${item.id}`, undefined, auth);
        await call(base, 'POST', `/api/store/carts/${cart.json.id}/items`, { variantId, quantity: 1 }, auth, 'item');
        const order = await call(base, 'POST', '/api/store/orders', { cartId: cart.json.id, shippingMethodId: opts.shippingMethodId, address, ...offers }, { ...auth, 'idempotency-key': `bench-${randomBytes(8).toString('hex')}` }, 'order');
        if (order.status === 409) {
          outOfStock++;
          continue;
        }
        if (order.status !== 201) {
          failures++;
          continue;
        }
        orders++;
        const pay = await call(base, 'POST', `/api/store/orders/${order.json.id}/payments`, { method: 'wechat' }, auth, 'payment');
        const body = JSON.stringify({ eventId: `evt_${randomBytes(8).toString('hex')}`, type: 'payment.succeeded', paymentId: pay.json.id, amount: order.json.total, currency: 'CNY' });
        const cb = await call(base, 'POST', '/api/store/payments/webhook/sandbox', body, { 'content-type': 'application/json', [SIGNATURE_HEADER]: signSandboxPayload(opts.sandboxSecret, body, new Date()) }, 'callback');
        if (cb.status === 200 && cb.json.result === 'paid') paid++;
        else failures++;
        latencies.push(performance.now() - t0);
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, shopper));
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? 0;
  return { orders, paid, outOfStock, failures, seconds, ordersPerSecond: paid / seconds, p50: pct(50), p99: pct(99), steps: Object.fromEntries(Object.entries(stepTimes).map(([k, v]) => [k, median(v)])) };
}

/**
 * Coupons and points for every bench shopper, as an operator would give them: a ¥1 coupon issued
 * to all of them eight times (one per order they may place) and 100,000 points each.
 */
async function giveOffers(base: string, staffToken: string, tokens: string[], customerIds: string[]): Promise<string[][]> {
  const staff = { authorization: `Bearer ${staffToken}` };
  const tpl = await call(base, 'POST', '/api/admin/coupon-templates', { name: { 'zh-CN': '压测券', en: 'Bench coupon' }, action: { kind: 'amountOff', amount: 100 }, validDays: 7, listed: false }, staff);
  if (tpl.status !== 201) throw new Error(`coupon template: ${tpl.status} ${JSON.stringify(tpl.json)}`);
  for (let round = 0; round < 8; round++) {
    const issued = await call(base, 'POST', `/api/admin/coupon-templates/${tpl.json.id}/issue`, { customerIds }, { ...staff, 'idempotency-key': `bench-issue-${randomBytes(8).toString('hex')}` });
    if (issued.status !== 201) throw new Error(`issue: ${issued.status} ${JSON.stringify(issued.json)}`);
  }
  await Promise.all(
    customerIds.map((id) => call(base, 'POST', `/api/admin/customers/${id}/points/adjustments`, { points: 100_000, reason: 'bench' }, { ...staff, 'idempotency-key': `bench-points-${id}` })),
  );
  const codes: string[][] = [];
  for (const token of tokens) {
    const mine = await call(base, 'GET', '/api/store/me/coupons', undefined, { authorization: `Bearer ${token}` });
    codes.push((mine.json.items as Array<{ code: string; status: string }>).filter((c) => c.status === 'available').map((c) => c.code));
  }
  return codes;
}

/**
 * A process of its own for the order-number tests (src/modules/orders/numbers.test.ts), in two steps:
 *
 * 1. NUMBERS numbers from the order service's own allocator (`orders.numbers.next(clock.now())`,
 *    the call OrderService.create makes), CONCURRENCY callers at once, as fast as they come: far
 *    beyond 1,000 a second, the rate at which the old random digits collided.
 * 2. ORDERS orders through OrderService.create — the call checkout makes inside its transaction: the
 *    same allocator, the insert under the unique constraint, the lines, timeline, unpaid-timeout
 *    job and event — without the cart, pricing and stock steps in front of it.
 *
 *   DATABASE_URL=… NUMBERS=5000 ORDERS=1000 CONCURRENCY=16 node --import tsx test/support/place-orders.ts
 *
 * Prints one JSON line: { worker, leases, numbers, at, numbersMs, placed, failed, errors, ordersMs };
 * `numbers[i]` was given out for the clock reading `at[i]` (epoch ms), in the order of the calls.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/platform/config.js';
import { createKernel } from '../../src/platform/kernel.js';
import { createServices } from '../../src/app.js';
import type { NewOrder } from '../../src/modules/orders/index.js';

const numberCount = Number(process.env.NUMBERS ?? 0);
const count = Number(process.env.ORDERS ?? 0);
const concurrency = Number(process.env.CONCURRENCY ?? 16);

const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', DEMO_DATA: 'false' } as Record<string, string>);
const k = await createKernel(config, { skipMigrations: true });
await k.timezone.load();
const services = createServices(k);
await services.orders.numbers.warm();

function newOrder(): NewOrder {
  const lineId = randomUUID();
  return {
    customerId: randomUUID(),
    currency: 'CNY',
    quote: {
      currency: 'CNY',
      lines: [{ lineId, unitPrice: 19900, quantity: 1, subtotal: 19900, discounts: [], discountTotal: 0, total: 19900 }],
      subtotal: 19900,
      discountTotal: 0,
      goodsTotal: 19900,
      shippingFee: 0,
      shippingDiscount: 0,
      total: 19900,
      adjustments: [],
    },
    shippingMethod: null,
    shippingAddress: { recipient: '张三', mobile: '13800138000', provinceCode: '44', cityCode: '4403', districtCode: '440305', regionText: '广东省 深圳市 南山区', detail: '科技园路 1 号' },
    channel: 'load-test',
    lines: [{ lineId, variantId: randomUUID(), productId: randomUUID(), sku: 'LOAD-1', title: { 'zh-CN': '压测', en: 'Load' }, optionValues: {}, image: null, weightGrams: 100 }],
  };
}

const numbers: string[] = [];
const at: number[] = [];
let calls = 0;
const numbersStarted = Date.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (calls < numberCount) {
      const i = calls++;
      const now = k.clock.now();
      at[i] = now.getTime();
      numbers[i] = await services.orders.numbers.next(now);
    }
  }),
);
const numbersMs = Date.now() - numbersStarted;

let next = 0;
let placed = 0;
let failed = 0;
const errors: string[] = [];
const started = Date.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < count) {
      next++;
      try {
        await k.db.transaction(() => services.orders.create(newOrder()));
        placed++;
      } catch (err) {
        failed++;
        if (errors.length < 5) errors.push(err instanceof Error ? err.message : String(err));
      }
    }
  }),
);
const ordersMs = Date.now() - started;
const { currentWorker: worker, leaseCount: leases } = services.orders.numbers;
console.log(JSON.stringify({ worker, leases, numbers, at, numbersMs, placed, failed, errors, ordersMs }));
await k.cache.close();
await k.db.close();

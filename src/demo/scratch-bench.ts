import { createKernel } from '../platform/kernel.js';
import { loadConfig } from '../platform/config.js';
import { orderTimeline } from '../modules/orders/schema.js';
import { stockLedger } from '../modules/inventory/schema.js';
import { sql } from 'drizzle-orm';

const k = await createKernel(loadConfig({ DATA_DIR: process.argv[2] ?? 'memory://', LOG_LEVEL: 'silent', DATABASE_URL: process.env.DBURL }));
const N = 30000;
const mk = (i: number) => ({ orderId: '0190a0a0-0000-7000-8000-' + String(i).padStart(12, '0'), at: new Date(1700000000000 + i * 1000), type: 'pay', fromStatus: 'pending_payment', toStatus: 'paid', actor: 'provider' as const, actorId: 'sandbox', data: { amount: i } });
let t = Date.now();
await k.db.transaction(async () => {
  for (let i = 0; i < N; i += 1000) await k.db.q.insert(orderTimeline).values(Array.from({ length: 1000 }, (_, j) => mk(i + j)));
});
console.log('drizzle timeline', N, Date.now() - t, 'ms');
t = Date.now();
await k.db.transaction(async () => {
  for (let i = 0; i < N; i += 1000) {
    const rows = Array.from({ length: 1000 }, (_, j) => mk(i + j));
    await k.db.q.insert(stockLedger).values(rows.map((r, j) => ({ variantId: r.orderId, warehouseId: r.orderId, deltaOnHand: 1, deltaReserved: 0, onHandAfter: j, reservedAfter: 0, reason: 'receipt' as const, refType: 'order', refId: r.orderId, at: r.at })));
  }
});
console.log('drizzle ledger', N, Date.now() - t, 'ms');
await k.db.close();

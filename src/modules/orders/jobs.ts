import type { Kernel } from '../../platform/kernel.js';
import { OrderJobs } from './events.js';
import type { OrderService } from './service.js';

/** Unpaid timeout and auto-confirm: each re-checks the order, so a stale job does nothing. */
export function registerOrderJobs(k: Kernel, orders: OrderService): void {
  k.jobs.define(OrderJobs.unpaidTimeout, async ({ orderId }: { orderId: string }) => {
    const o = await orders.lock(orderId);
    if (o.status === 'pending_payment') await orders.cancel(orderId, { by: 'timeout', actor: 'system' }, 'unpaid_timeout');
  });
  k.jobs.define(OrderJobs.autoConfirm, async ({ orderId }: { orderId: string }) => {
    const o = await orders.lock(orderId);
    if ((o.status === 'shipped' || o.status === 'delivered') && !o.completedAt) {
      await orders.confirmReceipt(orderId, { by: 'auto', actor: 'system' });
    }
  });
}

import type { Kernel } from '../../platform/kernel.js';
import { OrderEvents } from '../orders/index.js';
import type { PaymentService } from './service.js';
import { PaymentEvents } from './events.js';

/**
 * A cancelled order (unpaid timeout, shopper or staff) waits for no payment: its attempts still
 * pending end as expired, so the console does not show them "processing" forever. Delivered
 * after the cancellation commits, in a transaction of its own; a redelivery finds nothing pending.
 */
export function registerPaymentConsumers(k: Kernel, payments: PaymentService): void {
  // Refund intents are executed here, outside any transaction: the provider is called with the
  // intent's idempotency key and its answer booked once (PaymentService.executeRefund).
  k.outbox.subscribe(
    'payments.execute-refund',
    [PaymentEvents.refundRequested],
    async (e) => {
      await payments.executeRefund(e.payload.refundId);
    },
    { transactional: false },
  );
  k.outbox.subscribe('payments.expire-attempts', [OrderEvents.cancelled], async (e) => {
    await payments.expirePending(e.payload.orderId, 'order_cancelled');
  });
}

import { defineEvent } from '../../platform/outbox/events.js';

export interface RefundRequested {
  refundId: string;
  orderId: string;
}

/** The payments module's events. */
export const PaymentEvents = {
  /** A refund was decided (late payment, cancel after payment, after-sales): the outbox executes it. */
  refundRequested: defineEvent<RefundRequested>('payments.refund_requested'),
  /** The sandbox provider's callback, delivered when due (it survives a restart). */
  sandboxCallbackDue: defineEvent<{ paymentId: string; body: string }>('payments.sandbox_callback_due'),
};

/**
 * The idempotency key a refund intent is sent to the provider with: derived from the intent, so a
 * retry, a second runner or a replay after a crash asks for the same refund and the provider
 * returns the first answer instead of moving money again.
 */
export const refundIdempotencyKey = (refundId: string) => `refund:${refundId}`;

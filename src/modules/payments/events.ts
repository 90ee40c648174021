/** The payments module's events. */
export const PaymentEvents = {
  /** A refund was decided (late payment, cancel after payment, after-sales): the outbox executes it. */
  refundRequested: 'payments.refund_requested',
} as const;

export interface RefundRequested {
  refundId: string;
  orderId: string;
}

/**
 * The idempotency key a refund intent is sent to the provider with: derived from the intent, so a
 * retry, a second runner or a replay after a crash asks for the same refund and the provider
 * returns the first answer instead of moving money again.
 */
export const refundIdempotencyKey = (refundId: string) => `refund:${refundId}`;

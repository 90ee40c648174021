/**
 * What a payment provider must do for Shopkeeper. Alipay, WeChat Pay or a card acquirer each
 * get an adapter with this shape; the built-in sandbox imitates them.
 */
export interface CreatePaymentInput {
  paymentId: string;
  orderId: string;
  orderNumber: string;
  amount: number;
  currency: string;
  method: string;
  expiresAt: Date;
}

export interface ProviderWebhookEvent {
  eventId: string;
  type: 'payment.succeeded' | 'payment.failed';
  paymentId: string;
  amount: number;
  currency: string;
  reason?: string;
}

export interface PaymentProvider {
  readonly code: string;
  readonly methods: readonly string[];
  create(input: CreatePaymentInput): Promise<{ providerRef: string; payUrl: string }>;
  /** Verifies the signature over the raw body and parses it; throws on anything untrustworthy. */
  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>, now: Date): ProviderWebhookEvent;
  /**
   * Sends money back. Called outside any database transaction, possibly more than once for one
   * refund (a retry after a timeout or a crash): the provider must honour `idempotencyKey` and
   * answer a repeat with the first refund, moving no money twice (Alipay's out_request_no, WeChat
   * Pay's out_refund_no, Stripe's Idempotency-Key).
   */
  refund(input: { paymentId: string; providerRef: string | null; refundId: string; amount: number; idempotencyKey: string }): Promise<{ providerRefundId: string }>;
}

import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'expired'] as const;

/** One attempt to pay an order through a provider. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    provider: text('provider').notNull(),
    method: text('method').notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    // expired: the shopper never completed it and the order no longer waits for it (paid by another
    // attempt, or cancelled); a success arriving later is refunded. A text column: no migration.
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    /** A code (payment_declined, amount_mismatch, paid_by_another_attempt, order_cancelled); the provider's own words go to the timeline. */
    providerRef: text('provider_ref'),
    failureReason: text('failure_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('payments_order').on(t.orderId)],
);

/** Provider webhook events already handled: replays of the same event id change nothing. */
export const webhookEvents = pgTable(
  'payment_webhook_events',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    paymentId: uuid('payment_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/** Money sent back through the provider: an intent (pending) until the provider confirms it. */
export const refunds = pgTable(
  'payment_refunds',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    /** pending: decided, waiting for the provider (the outbox executes it); succeeded: the money went back. */
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    providerRefundId: text('provider_refund_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('payment_refunds_order').on(t.orderId)],
);

/** Every movement of money: captures positive, refunds negative. Sums reconcile with orders. */
export const paymentLedger = pgTable(
  'payment_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    refundId: uuid('refund_id'),
    kind: text('kind', { enum: ['capture', 'refund'] }).notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('payment_ledger_order').on(t.orderId)],
);

import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const REFUND_STATUSES = ['requested', 'approved', 'rejected', 'executed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export interface RefundLine {
  lineId: string;
  quantity: number;
  /** This line's share of the refund (an estimate while requested; final once executed). */
  amount: number;
}

/**
 * A refund asked for by staff (仅退款 / cancel-after-payment): requested by customer service,
 * decided by finance, executed by sending the money back through the payment provider. Staff
 * with refunds.approve execute at once; the row then records both.
 */
export const afterSaleRefunds = pgTable(
  'after_sale_refunds',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    orderNumber: text('order_number').notNull(),
    /** Everything not refunded yet (plus shipping before shipment), rather than some lines. */
    wholeOrder: boolean('whole_order').notNull(),
    lines: jsonb('lines').$type<RefundLine[]>().notNull(),
    itemsAmount: integer('items_amount').notNull(),
    shippingAmount: integer('shipping_amount').notNull(),
    /** What goes back; the computed value unless staff asked for less (requestedAmount). */
    amount: integer('amount').notNull(),
    requestedAmount: integer('requested_amount'),
    currency: text('currency').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<RefundStatus>().notNull(),
    /** Whether the units went back on the shelf (a refund before shipment). */
    restock: boolean('restock').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    decidedBy: uuid('decided_by'),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('after_sale_refunds_order').on(t.orderId, t.createdAt), index('after_sale_refunds_status').on(t.status, t.createdAt)],
);

import { bigserial, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../platform/i18n.js';
import type { Utm } from '../../platform/attribution.js';
import type { PriceQuote } from '../pricing/index.js';
import type { OrderState } from './logic/state-machine.js';

export interface ShippingAddress {
  recipient: string;
  mobile: string;
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  regionText: string;
  detail: string;
  postalCode?: string | null;
}

/**
 * Leases worker numbers for order numbers (logic/order-number.ts): each process takes one when it
 * starts; cycling over 0–999, a worker number comes back only after 999 other leases.
 */
export const orderNumberWorkers = pgSequence('order_number_workers', { startWith: 0, minValue: 0, maxValue: 999, increment: 1, cycle: true, cache: 1 });

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    customerId: uuid('customer_id').notNull(),
    status: text('status').$type<OrderState>().notNull(),
    currency: text('currency').notNull(),
    subtotal: integer('subtotal').notNull(),
    discountTotal: integer('discount_total').notNull(),
    shippingFee: integer('shipping_fee').notNull(),
    shippingDiscount: integer('shipping_discount').notNull(),
    total: integer('total').notNull(),
    paidAmount: integer('paid_amount').notNull().default(0),
    refundedAmount: integer('refunded_amount').notNull().default(0),
    itemCount: integer('item_count').notNull(),
    shippingMethodId: uuid('shipping_method_id'),
    shippingMethodName: jsonb('shipping_method_name').$type<Localized>(),
    shippingAddress: jsonb('shipping_address').$type<ShippingAddress>().notNull(),
    /** The full price breakdown at placement: the basis of every later refund. */
    quote: jsonb('quote').$type<PriceQuote>().notNull(),
    note: text('note'),
    channel: text('channel'),
    /** UTM parameters of the visit that placed the order (last touch), when known. */
    utm: jsonb('utm').$type<Utm>(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    paymentDueAt: timestamp('payment_due_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /**
     * Why a paid order may not ship yet (`groupBuy`: its team is still forming), set and lifted by the
     * capability that holds it through the orders service; null: ships when paid.
     */
    shippingHold: text('shipping_hold'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('orders_customer_placed').on(t.customerId, t.placedAt),
    index('orders_status_placed').on(t.status, t.placedAt),
    index('orders_placed').on(t.placedAt),
    index('orders_paid').on(t.paidAt),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    productId: uuid('product_id').notNull(),
    sku: text('sku').notNull(),
    title: jsonb('title').$type<Localized>().notNull(),
    optionValues: jsonb('option_values').$type<Record<string, string>>().notNull(),
    image: text('image'),
    unitPrice: integer('unit_price').notNull(),
    quantity: integer('quantity').notNull(),
    subtotal: integer('subtotal').notNull(),
    discountTotal: integer('discount_total').notNull(),
    total: integer('total').notNull(),
    refundedQuantity: integer('refunded_quantity').notNull().default(0),
    weightGrams: integer('weight_grams').notNull(),
  },
  (t) => [index('order_lines_order').on(t.orderId), index('order_lines_variant').on(t.variantId)],
);

/** What happened to an order, in order: shown to the shopper and to staff. */
export const orderTimeline = pgTable(
  'order_timeline',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actor: text('actor', { enum: ['shopper', 'staff', 'system', 'provider', 'carrier'] }).notNull(),
    actorId: text('actor_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('order_timeline_order').on(t.orderId, t.id),
    // Reports read entries of one type in a time window (refunds recorded today).
    index('order_timeline_type_at').on(t.type, t.at),
  ],
);

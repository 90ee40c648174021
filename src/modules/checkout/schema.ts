import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../platform/i18n.js';
import { SHIPPING_KINDS } from '../pricing/index.js';

/** Delivery options offered at checkout; `rule` holds the fee parameters of its kind. */
export const shippingMethods = pgTable('checkout_shipping_methods', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: jsonb('name').$type<Localized>().notNull(),
  kind: text('kind', { enum: SHIPPING_KINDS }).notNull(),
  rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull().default(0),
  /** Days from an order to its delivery, for the estimate a product page shows ("预计 12月5日 送达"). */
  deliveryDays: integer('delivery_days').notNull().default(3),
});

/**
 * Idempotency-Key records for order placement, scoped to the shopper, kept 24 h. Written in the
 * same transaction as the order: a concurrent duplicate waits on the key and then finds the order.
 */
export const idempotencyKeys = pgTable(
  'checkout_idempotency_keys',
  {
    customerId: uuid('customer_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    orderId: uuid('order_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.key] })],
);

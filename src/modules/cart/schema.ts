import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const CART_STATUSES = ['open', 'merged', 'ordered'] as const;

/**
 * A cart belongs to a signed-in shopper, or to whoever holds its secret token (a guest).
 * Only the token's hash is stored.
 */
export const carts = pgTable(
  'cart_carts',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id'),
    tokenHash: text('token_hash').notNull(),
    status: text('status', { enum: CART_STATUSES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('cart_carts_customer').on(t.customerId, t.status), index('cart_carts_token').on(t.tokenHash)],
);

export const cartItems = pgTable(
  'cart_items',
  {
    id: uuid('id').primaryKey(),
    cartId: uuid('cart_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('cart_items_cart_variant').on(t.cartId, t.variantId)],
);

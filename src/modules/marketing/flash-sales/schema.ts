import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Localized } from '../../../platform/i18n.js';

/** A round (场次): draft while being set up; published carves its stock; closed once the unsold stock went back. */
export const FLASH_ROUND_STATUSES = ['draft', 'published', 'cancelled', 'closed'] as const;
/** A winning decision (decision 0040): decided by the gate → ordered (an unpaid order holds it) → paid; or released (unit back). */
export const FLASH_CLAIM_STATES = ['decided', 'ordered', 'paid', 'released'] as const;
/** orderFailed: the order could not be made (unit back at once); orderCancelled: its unpaid order was cancelled or timed out. */
export const FLASH_CLAIM_RELEASE_REASONS = ['orderFailed', 'orderCancelled'] as const;
export type FlashRoundStatus = (typeof FLASH_ROUND_STATUSES)[number];
export type FlashClaimState = (typeof FLASH_CLAIM_STATES)[number];

/** A time slot (10:00, 14:00, 20:00 in the store's time zone) with its items. */
export const flashSaleRounds = pgTable(
  'marketing_flash_sale_rounds',
  {
    id: uuid('id').primaryKey(),
    name: jsonb('name').$type<Localized>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: FLASH_ROUND_STATUSES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('marketing_flash_sale_rounds_window_idx').on(t.startsAt, t.endsAt), check('marketing_flash_sale_rounds_window_ck', sql`${t.endsAt} > ${t.startsAt}`)],
);

/** One SKU in a round: its flash price, the stock carved out of the warehouse for it, the per-customer limit. */
export const flashSaleItems = pgTable(
  'marketing_flash_sale_items',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    productId: uuid('product_id').notNull(),
    flashPrice: integer('flash_price').notNull(),
    stock: integer('stock').notNull(),
    /** Units in claims not released: raised by each win under the row's lock, never past stock — the durable guard behind the gate. */
    claimed: integer('claimed').notNull().default(0),
    /**
     * Units given back to the warehouse: the unsold carve when the round closed, and units of flash
     * orders cancelled after it (or whose re-carve found the unit sold). stock = left + claimed + returned.
     */
    returned: integer('returned').notNull().default(0),
    perCustomerLimit: integer('per_customer_limit').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('marketing_flash_sale_items_round_variant_idx').on(t.roundId, t.variantId),
    check('marketing_flash_sale_items_price_ck', sql`${t.flashPrice} > 0`),
    check('marketing_flash_sale_items_stock_ck', sql`${t.stock} >= 0 and ${t.perCustomerLimit} >= 1`),
    check('marketing_flash_sale_items_claimed_ck', sql`${t.claimed} >= 0 and ${t.returned} >= 0 and ${t.claimed} + ${t.returned} <= ${t.stock}`),
  ],
);

/** The ledger of winning decisions: what the gate is loaded from (units left = stock − units not released). */
export const flashSaleClaims = pgTable(
  'marketing_flash_sale_claims',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    quantity: integer('quantity').notNull(),
    state: text('state', { enum: FLASH_CLAIM_STATES }).notNull(),
    orderId: uuid('order_id'),
    /** The shopper's saved address the order is sent to (null: their default address). */
    addressId: uuid('address_id'),
    /** Why a claim was released (FLASH_CLAIM_RELEASE_REASONS), for the shopper and the reconciliation report. */
    releasedReason: text('released_reason', { enum: FLASH_CLAIM_RELEASE_REASONS }),
    /** When the order could not be made: the refusal's code (e.g. ADDRESS_NOT_FOUND), for the shopper. */
    failure: text('failure'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('marketing_flash_sale_claims_item_idx').on(t.itemId, t.state),
    index('marketing_flash_sale_claims_customer_idx').on(t.customerId, t.createdAt),
    uniqueIndex('marketing_flash_sale_claims_order_idx').on(t.orderId),
    check('marketing_flash_sale_claims_quantity_ck', sql`${t.quantity} >= 1`),
  ],
);

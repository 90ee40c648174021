import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../../platform/i18n.js';
import type { RuleAction, RuleScope } from '../../pricing/index.js';

export const COUPON_TEMPLATE_STATUSES = ['active', 'paused'] as const;
/** One customer's coupon: available → locked by an unpaid order → used; released back; expired by a job. */
export const COUPON_STATUSES = ['available', 'locked', 'used', 'expired'] as const;
export const COUPON_EVENTS = ['claimed', 'locked', 'used', 'released', 'returned', 'expired'] as const;
/** What a refund of the order does to its coupon. */
export const COUPON_REFUND_RULES = ['return', 'forfeit'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];
export type CouponEvent = (typeof COUPON_EVENTS)[number];

/** What an operator designs (优惠券模板): the discount, who may claim how many, and how long it lasts. */
export const couponTemplates = pgTable('marketing_coupon_templates', {
  id: uuid('id').primaryKey(),
  name: jsonb('name').$type<Localized>().notNull(),
  /** amountOff (with an optional threshold), percentOff (with a cap), or freeShipping: the engine's actions. */
  action: jsonb('action').$type<RuleAction>().notNull(),
  scope: jsonb('scope').$type<RuleScope>(),
  /** Whether promotions may apply beside it, and points. */
  withPromotions: boolean('with_promotions').notNull(),
  withPoints: boolean('with_points').notNull(),
  /** Coupons to give out in all (null: no limit); `claimed` counts them, never past the total. */
  totalQuantity: integer('total_quantity'),
  claimed: integer('claimed').notNull(),
  perCustomerLimit: integer('per_customer_limit').notNull(),
  /** Claimable from–until; a claimed coupon is valid from claiming for `validDays`, or within the fixed window. */
  claimFrom: timestamp('claim_from', { withTimezone: true }),
  claimUntil: timestamp('claim_until', { withTimezone: true }),
  validFrom: timestamp('valid_from', { withTimezone: true }),
  validUntil: timestamp('valid_until', { withTimezone: true }),
  validDays: integer('valid_days'),
  refundRule: text('refund_rule', { enum: COUPON_REFUND_RULES }).notNull(),
  status: text('status', { enum: COUPON_TEMPLATE_STATUSES }).notNull(),
  /** A code anyone may type (upper case) to claim one within the limits — printed on a poster, said in a livestream. */
  publicCode: text('public_code'),
  /** Shown and claimable in the claim centre; an unlisted template reaches shoppers only by code, issue or grant. */
  listed: boolean('listed').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('marketing_coupon_templates_public_code_idx').on(t.publicCode)]);

/** How many of a template one customer holds: the per-customer limit, kept by one row locked per claim. */
export const couponClaims = pgTable(
  'marketing_coupon_claims',
  {
    templateId: uuid('template_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.customerId] })],
);

/** One customer's coupon (券): a code of its own, its validity and its state. */
export const coupons = pgTable(
  'marketing_coupons',
  {
    id: uuid('id').primaryKey(),
    templateId: uuid('template_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    code: text('code').notNull(),
    status: text('status', { enum: COUPON_STATUSES }).notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    orderId: uuid('order_id'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('marketing_coupons_code_idx').on(t.code), index('marketing_coupons_customer_idx').on(t.customerId, t.status), index('marketing_coupons_order_idx').on(t.orderId)],
);

/** Every change to a coupon, in the transaction that made it (money-like: a coupon is a promise of money). */
export const couponLedger = pgTable(
  'marketing_coupon_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    couponId: uuid('coupon_id').notNull(),
    templateId: uuid('template_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    event: text('event', { enum: COUPON_EVENTS }).notNull(),
    orderId: uuid('order_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('marketing_coupon_ledger_coupon_idx').on(t.couponId)],
);

/**
 * Single-use redeem codes (兑换码) made in bulk for a template and exported as CSV (for partners,
 * parcels, events): the first customer to redeem one gets a coupon of the template, once.
 */
export const couponRedeemCodes = pgTable(
  'marketing_coupon_redeem_codes',
  {
    code: text('code').primaryKey(),
    templateId: uuid('template_id').notNull(),
    /** Which generation run made it (one CSV per batch). */
    batch: integer('batch').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    redeemedBy: uuid('redeemed_by'),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    couponId: uuid('coupon_id'),
  },
  (t) => [index('marketing_coupon_redeem_codes_template_idx').on(t.templateId, t.batch)],
);

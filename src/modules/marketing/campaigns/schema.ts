import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../../platform/i18n.js';
import { CAMPAIGN_CHANNELS, CAMPAIGN_KINDS, CAMPAIGN_STATUSES } from './constants.js';
import type { CampaignBlockInput } from './types.js';


/** A campaign (活动): its window, landing page blocks, levers (promotions, coupons), budget, goals and channels. */
export const campaigns = pgTable(
  'marketing_campaigns',
  {
    id: uuid('id').primaryKey(),
    /** The landing page /campaigns/<slug> and the utm_campaign value orders are attributed by. */
    slug: text('slug').notNull(),
    kind: text('kind', { enum: CAMPAIGN_KINDS }).notNull(),
    name: jsonb('name').$type<Localized>().notNull(),
    summary: jsonb('summary').$type<Localized>(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    recurrence: jsonb('recurrence').$type<{ monthDay: number; hours?: number }>(),
    blocks: jsonb('blocks').$type<CampaignBlockInput[]>().notNull(),
    promotionIds: jsonb('promotion_ids').$type<string[]>().notNull(),
    couponTemplateIds: jsonb('coupon_template_ids').$type<string[]>().notNull(),
    budget: integer('budget'),
    goals: jsonb('goals').$type<{ gmv?: number; orders?: number; newCustomers?: number }>(),
    channels: jsonb('channels').$type<Array<(typeof CAMPAIGN_CHANNELS)[number]>>().notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull(),
    /** When it was first published: its slug (the links already sent out) is fixed from then on. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('marketing_campaigns_slug_idx').on(t.slug), index('marketing_campaigns_window_idx').on(t.startsAt, t.endsAt)],
);

/**
 * Paid orders as the campaign report reads them, one row per order, written from `order.paid`
 * (a replay writes the same row again). What decides attribution is kept, not the verdict: the
 * UTM campaign and source, and the levers the order used (`promotion:<id>`, `coupon:<templateId>`),
 * so a campaign edited later still reports the orders that match it now.
 */
export const campaignOrders = pgTable(
  'marketing_campaign_orders',
  {
    orderId: uuid('order_id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    utmCampaign: text('utm_campaign'),
    /** utm_source, or 'direct' when the order had none. */
    channel: text('channel').notNull(),
    levers: jsonb('levers').$type<string[]>().notNull(),
    /** Money paid for goods and shipping (the order total). */
    gmv: integer('gmv').notNull(),
    /** Every discount on the order (promotions, coupons, points, member price, manual). */
    discount: integer('discount').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    /** The store-local day of the payment (YYYY-MM-DD). */
    storeDay: text('store_day').notNull(),
  },
  (t) => [index('marketing_campaign_orders_utm_idx').on(t.utmCampaign), index('marketing_campaign_orders_paid_idx').on(t.paidAt)],
);

/** Each refund of a paid order once, keyed by its event: a redelivery finds the row and adds nothing. */
export const campaignRefunds = pgTable(
  'marketing_campaign_refunds',
  {
    eventId: uuid('event_id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [index('marketing_campaign_refunds_order_idx').on(t.orderId)],
);

/**
 * Each customer's first paid order (earliest payment; the order id breaks a tie), from every
 * `order.paid` since the beginning the outbox keeps: an attributed order that is its customer's
 * first paid order counts as a new customer. Events arriving out of order only move it earlier.
 */
export const customerFirstPaid = pgTable('marketing_customer_first_paid', {
  customerId: uuid('customer_id').primaryKey(),
  orderId: uuid('order_id').notNull(),
  paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
});

import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { REFERRAL_REJECTIONS, REFERRAL_STATES } from './constants.js';

export { REFERRAL_REJECTIONS, REFERRAL_STATES, type ReferralRejection, type ReferralState } from './constants.js';

/** One invite code per customer, made the first time they ask for it. */
export const referralCodes = pgTable('marketing_referral_codes', {
  customerId: uuid('customer_id').primaryKey(),
  code: text('code').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** The browsers (known-device ids) each customer was seen on: the same-device guard compares them. */
export const referralDevices = pgTable(
  'marketing_referral_devices',
  {
    customerId: uuid('customer_id').notNull(),
    deviceId: text('device_id').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.deviceId] }), index('marketing_referral_devices_device_idx').on(t.deviceId)],
);

/** Who invited whom (an invitee at most once), where it stands, and what each was given. */
export const referrals = pgTable(
  'marketing_referrals',
  {
    id: uuid('id').primaryKey(),
    inviterId: uuid('inviter_id').notNull(),
    inviteeId: uuid('invitee_id').notNull().unique(),
    code: text('code').notNull(),
    state: text('state', { enum: REFERRAL_STATES }).notNull(),
    reason: text('reason', { enum: REFERRAL_REJECTIONS }),
    boundAt: timestamp('bound_at', { withTimezone: true }).notNull(),
    firstOrderId: uuid('first_order_id'),
    firstPaidAt: timestamp('first_paid_at', { withTimezone: true }),
    firstPaidTotal: integer('first_paid_total'),
    /** When it became rewarded or rejected. */
    settledAt: timestamp('settled_at', { withTimezone: true }),
    inviterPoints: integer('inviter_points').notNull().default(0),
    inviterCouponId: uuid('inviter_coupon_id'),
    /** The inviter had reached the month's limit of rewarded invites: only the invitee was rewarded. */
    inviterCapped: boolean('inviter_capped').notNull().default(false),
    inviteePoints: integer('invitee_points').notNull().default(0),
    inviteeCouponId: uuid('invitee_coupon_id'),
  },
  (t) => [
    index('marketing_referrals_inviter_idx').on(t.inviterId, t.boundAt),
    index('marketing_referrals_due_idx').on(t.state, t.firstPaidAt),
  ],
);

/**
 * What an invitee's orders did, as their events arrive in any order (paid, cancelled, refunded):
 * kept only for customers with an open referral, read when the first order is judged.
 */
export const referralOrders = pgTable(
  'marketing_referral_orders',
  {
    orderId: uuid('order_id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    paidTotal: integer('paid_total'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    keptAmount: integer('kept_amount'),
    cancelled: boolean('cancelled').notNull().default(false),
  },
  (t) => [index('marketing_referral_orders_customer_idx').on(t.customerId)],
);

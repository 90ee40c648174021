import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every way a customer's points change; each is one ledger row in the transaction that made it. */
export const POINTS_ENTRY_KINDS = [
  /** An order was paid: its points wait (pending) until it completes. */
  'earnPending',
  /** A refund before completion took its share of the pending points. */
  'earnPendingVoid',
  /** The order completed: its pending points became spendable. */
  'earn',
  /** A refund after completion took back its share of the earned points. */
  'reverse',
  /** Points paid part of an order (in the order's transaction). */
  'redeem',
  /** Points that paid for an order came back (it was cancelled, timed out or refunded). */
  'redeemReturn',
  'checkIn',
  /** A gift: the birthday benefit of a member tier, a referral reward. */
  'gift',
  /** Staff changed the balance, with a reason (audited). */
  'adjust',
  'expire',
] as const;
export type PointsEntryKind = (typeof POINTS_ENTRY_KINDS)[number];
export const POINTS_LOT_SOURCES = ['order', 'checkIn', 'adjust', 'gift'] as const;

/** One customer's points: spendable (may be negative after a refund took back points already spent) and pending. */
export const pointsAccounts = pgTable('marketing_points_accounts', {
  customerId: uuid('customer_id').primaryKey(),
  balance: integer('balance').notNull(),
  pending: integer('pending').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Points credited together, expiring together (a lot). Spending takes from the soonest to expire;
 * the spendable lots always add up to the balance when it is positive.
 */
export const pointsLots = pgTable(
  'marketing_points_lots',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    source: text('source', { enum: POINTS_LOT_SOURCES }).notNull(),
    amount: integer('amount').notNull(),
    remaining: integer('remaining').notNull(),
    creditedAt: timestamp('credited_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    orderId: uuid('order_id'),
  },
  (t) => [
    index('marketing_points_lots_customer_idx').on(t.customerId, t.expiresAt).where(sql`${t.remaining} > 0`),
    index('marketing_points_lots_due_idx').on(t.expiresAt).where(sql`${t.remaining} > 0`),
  ],
);

/**
 * What an order means for points, as facts arrive from its events in any order (paid, completed,
 * cancelled, refunded) and what has been applied so far: each event records its fact and the
 * service moves the account by the difference between what the facts now call for and what was
 * applied — so replays and out-of-order deliveries change nothing twice.
 */
export const pointsOrders = pgTable('marketing_points_orders', {
  orderId: uuid('order_id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  /** What the order was paid (null until its payment is known). */
  paidTotal: integer('paid_total'),
  /** Points the paid order earns before refunds (null until paid). */
  earnBase: integer('earn_base'),
  completed: boolean('completed').notNull(),
  cancelled: boolean('cancelled').notNull(),
  /** Paid less refunded, after the latest refund (null: none). */
  keptAmount: integer('kept_amount'),
  pendingApplied: integer('pending_applied').notNull(),
  earnedApplied: integer('earned_applied').notNull(),
  /** Points that paid for the order, their value in minor units, and how many came back. */
  redeemed: integer('redeemed').notNull(),
  redeemedValue: integer('redeemed_value').notNull(),
  returned: integer('returned').notNull(),
  /** Which lots the redeemed points came from, in the order taken: returns go back to them, last taken first. */
  redeemedLots: jsonb('redeemed_lots').$type<Array<{ id: string; take: number }>>().notNull(),
});

/** The points ledger: append-only, one row per change, with the balance after it. */
export const pointsLedger = pgTable(
  'marketing_points_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind', { enum: POINTS_ENTRY_KINDS }).notNull(),
    /** Change to the spendable balance, and to the pending points. */
    delta: integer('delta').notNull(),
    pendingDelta: integer('pending_delta').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    pendingAfter: integer('pending_after').notNull(),
    lotId: uuid('lot_id'),
    orderId: uuid('order_id'),
    /** Staff's reason for an adjustment, and who made it. */
    reason: text('reason'),
    staffId: uuid('staff_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('marketing_points_ledger_customer_idx').on(t.customerId, t.id), index('marketing_points_ledger_order_idx').on(t.orderId)],
);

/** One check-in per customer per store-local day. */
export const pointsCheckIns = pgTable(
  'marketing_points_check_ins',
  {
    customerId: uuid('customer_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    points: integer('points').notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.day] })],
);

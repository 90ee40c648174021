import { bigserial, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const GROWTH_ENTRY_KINDS = ['order', 'refund', 'review'] as const;
export type GrowthEntryKind = (typeof GROWTH_ENTRY_KINDS)[number];

/** A member: tier, growth value (成长值) in the current cycle, and the birthday they gave. */
export const members = pgTable('marketing_members', {
  customerId: uuid('customer_id').primaryKey(),
  tier: text('tier').notNull(),
  growth: integer('growth').notNull(),
  tierSince: timestamp('tier_since', { withTimezone: true }).notNull(),
  /** YYYY-MM-DD, set once by the member (a birthday that could be changed would be a gift a day). */
  birthday: date('birthday', { mode: 'string' }),
  /** The store-local year of the last birthday gift (one a year). */
  birthdayGiftYear: integer('birthday_gift_year'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** What an order means for growth, from its events in any order (as points do): applied by difference. */
export const memberOrders = pgTable('marketing_member_orders', {
  orderId: uuid('order_id').primaryKey(),
  customerId: uuid('customer_id').notNull(),
  paidTotal: integer('paid_total'),
  growthBase: integer('growth_base'),
  keptAmount: integer('kept_amount'),
  applied: integer('applied').notNull(),
});

/** Every change of growth or tier, with the values after it. */
export const growthLedger = pgTable(
  'marketing_growth_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind', { enum: GROWTH_ENTRY_KINDS }).notNull(),
    delta: integer('delta').notNull(),
    growthAfter: integer('growth_after').notNull(),
    tierBefore: text('tier_before').notNull(),
    tierAfter: text('tier_after').notNull(),
    orderId: uuid('order_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('marketing_growth_ledger_customer_idx').on(t.customerId, t.id)],
);

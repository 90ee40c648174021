import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../../platform/i18n.js';
import type { GroupBuyVariantPrice, SimulatedFill } from './logic/activity.js';
import type { Team } from './logic/team.js';

/** `ended` is for good: no new team or seat, no edit; teams already open run to their end. */
export const GROUP_BUY_STATUSES = ['active', 'paused', 'ended'] as const;
/** Kept in each team's `data` (jsonb): a member leads the team or joined it. */
export const TEAM_MEMBER_ROLES = ['leader', 'member'] as const;
/** Kept in each team's `data` (jsonb): a member's seat (logic/team.ts SeatState). */
export const TEAM_SEAT_STATES = ['held', 'paid', 'released', 'refunded'] as const;
export const TEAM_STATES = ['open', 'filled', 'failed'] as const;
export type GroupBuyStatus = (typeof GROUP_BUY_STATUSES)[number];

/** An activity (拼团活动): a product's variants at a group price, a team size and a time limit. */
export const groupBuyActivities = pgTable('marketing_group_buy_activities', {
  id: uuid('id').primaryKey(),
  name: jsonb('name').$type<Localized>().notNull(),
  productId: uuid('product_id').notNull(),
  variants: jsonb('variants').$type<GroupBuyVariantPrice[]>().notNull(),
  teamSize: integer('team_size').notNull(),
  timeLimitMinutes: integer('time_limit_minutes').notNull(),
  perCustomerLimit: integer('per_customer_limit').notNull(),
  leaderDiscount: integer('leader_discount').notNull(),
  simulatedFill: jsonb('simulated_fill').$type<SimulatedFill>().notNull(),
  status: text('status', { enum: GROUP_BUY_STATUSES }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * A team (团) as the pure state machine keeps it (logic/team.ts), whole in `data`; its state and
 * deadline also as columns for the expiry job and the lists. The row is the lock: every change to a
 * team (a seat taken, paid, freed, the deadline) happens under it.
 */
export const groupBuyTeams = pgTable(
  'marketing_group_buy_teams',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id').notNull(),
    state: text('state', { enum: TEAM_STATES }).notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    data: jsonb('data').$type<Team>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('marketing_group_buy_teams_activity_idx').on(t.activityId, t.state), index('marketing_group_buy_teams_due_idx').on(t.state, t.deadline)],
);

/** Which team an order holds a seat in (orders' events find their team by it), and the customer's teams per activity. */
export const groupBuySeats = pgTable(
  'marketing_group_buy_seats',
  {
    orderId: uuid('order_id').primaryKey(),
    teamId: uuid('team_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('marketing_group_buy_seats_customer_idx').on(t.customerId, t.activityId), index('marketing_group_buy_seats_team_idx').on(t.teamId)],
);

import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../../platform/i18n.js';
import type { RuleAction, RuleConditions, RuleScope, RuleStacking } from '../../pricing/index.js';

/** Paused promotions stay for their report; whether one runs now is also its window (startsAt/endsAt). */
export const PROMOTION_STATUSES = ['active', 'paused'] as const;
export type PromotionStatus = (typeof PROMOTION_STATUSES)[number];

/**
 * Promotions (满减, 满折, 直降, 会员价, 买赠, 包邮): the pricing engine's rules as rows. `action`,
 * `scope`, `conditions` and `stacking` are the engine's own shapes (pricing/logic/rules/types.ts),
 * stored as JSON so a new kind is a new action, not a migration.
 */
export const promotions = pgTable(
  'marketing_promotions',
  {
    id: uuid('id').primaryKey(),
    name: jsonb('name').$type<Localized>().notNull(),
    /** The action's kind, beside the JSON: lists filter and sort by it. */
    kind: text('kind').notNull(),
    action: jsonb('action').$type<RuleAction>().notNull(),
    scope: jsonb('scope').$type<RuleScope>(),
    /** Who: tiers, tags, new customers, channels, minimum quantity (the window is its own columns). */
    conditions: jsonb('conditions').$type<Omit<RuleConditions, 'startsAt' | 'endsAt'>>(),
    stacking: jsonb('stacking').$type<RuleStacking>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    status: text('status', { enum: PROMOTION_STATUSES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('marketing_promotions_created_idx').on(t.createdAt, t.id)],
);

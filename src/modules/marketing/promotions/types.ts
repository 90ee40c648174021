import { z } from 'zod';
import { localizedView } from '../../../platform/http/view-fields.js';
import { PROMOTION_STATUSES } from './schema.js';

/**
 * Promotions over HTTP. Inputs decide what may be stored (ranges, lengths, patterns); views show
 * what is stored with no limits (platform/http/view-fields.ts). The shapes are the pricing engine's
 * rule types; the engine validates them again before a promotion is saved.
 */
const minor = z.number().int().min(0).max(100_000_000).describe('Integer minor units (fen)');
const positive = z.number().int().min(1).max(100_000_000).describe('Integer minor units (fen), at least 1');
const percentOff = z.number().int().min(1).max(99).describe('Percent off, 1–99 (15 = 8.5折)');
const code = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, dash or underscore');
const ids = (max: number) => z.array(z.uuid()).max(max);

export const promotionName = z
  .object({ 'zh-CN': z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) })
  .strict()
  .describe('The name shoppers see beside the saving, in both languages');

export const promotionAction = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('amountOff'), amount: positive, threshold: minor.optional(), every: z.boolean().optional(), cap: minor.optional() })
    .strict()
    .describe('满减: amount off once the products in scope reach threshold; with every, for each threshold, up to cap'),
  z
    .object({ kind: z.literal('percentOff'), percentOff, threshold: minor.optional(), minQuantity: z.number().int().min(1).max(999).optional(), cap: minor.optional() })
    .strict()
    .describe('满折: percent off once the scope reaches threshold or minQuantity units'),
  z
    .object({ kind: z.literal('unitDiscount'), amountOff: positive.optional(), percentOff: percentOff.optional() })
    .strict()
    .describe('直降 / 限时折扣: each unit in scope amountOff or percentOff cheaper (give one)'),
  z
    .object({
      kind: z.literal('memberPrice'),
      tiers: z
        .array(z.object({ tier: code, percentOff: percentOff.optional(), prices: z.array(z.object({ variantId: z.uuid(), price: minor }).strict()).max(500).optional() }).strict())
        .min(1)
        .max(20),
    })
    .strict()
    .describe('会员价: per member tier, percent off or a listed price per variant'),
  z.object({ kind: z.literal('freeShipping'), threshold: minor.optional() }).strict().describe('满额包邮: no shipping fee once the scope reaches threshold'),
  z
    .object({ kind: z.literal('buyXGetY'), buy: z.number().int().min(1).max(99), get: z.number().int().min(1).max(99), giftVariantId: z.uuid().optional() })
    .strict()
    .describe('买X送Y: of each line, every buy + get units, get are free; with giftVariantId, every buy units in scope add get units of the gift'),
]);
export type PromotionAction = z.infer<typeof promotionAction>;

export const promotionScope = z
  .object({ productIds: ids(500).optional(), categoryIds: ids(200).optional(), brandIds: ids(200).optional(), excludeProductIds: ids(500).optional() })
  .strict()
  .describe('The products it looks at and discounts: all when empty');

export const promotionConditions = z
  .object({
    tiers: z.array(code).max(20).optional(),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    newCustomersOnly: z.boolean().optional(),
    channels: z.array(code).max(20).optional(),
    minQuantity: z.number().int().min(1).max(999).optional(),
  })
  .strict()
  .describe('Who may have it: member tiers, customer tags, new customers only, channels, units in scope');

export const promotionStacking = z
  .object({
    group: code.optional().describe('Promotions of one group never combine: the best for the shopper applies'),
    priority: z.number().int().min(0).max(1000).optional().describe('Higher first; breaks ties'),
    exclusive: z.boolean().optional().describe('Applies alone, with no other promotion'),
    withCoupons: z.boolean().optional().describe('Coupons may apply on top (default yes)'),
    withPoints: z.boolean().optional().describe('Points may pay part of the order (default yes)'),
  })
  .strict();

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

const fields = {
  name: promotionName,
  action: promotionAction,
  scope: promotionScope.nullable().optional(),
  conditions: promotionConditions.nullable().optional(),
  stacking: promotionStacking.optional(),
  startsAt: instant.nullable().optional().describe('When it starts (ISO 8601); now when absent'),
  endsAt: instant.nullable().optional().describe('When it ends, exclusive (ISO 8601); open-ended when absent'),
};

const windowOk = (p: { startsAt?: Date | null; endsAt?: Date | null }) => !p.startsAt || !p.endsAt || p.endsAt > p.startsAt;

export const promotionInput = z
  .object({ ...fields, status: z.enum(PROMOTION_STATUSES).default('active') })
  .strict()
  .refine(windowOk, { message: 'endsAt must be after startsAt', path: ['endsAt'] });
export type PromotionInput = z.infer<typeof promotionInput>;

/** A change: any field; `action` is replaced whole; null clears scope, conditions or a window end. */
export const promotionPatch = z
  .object({ ...fields, action: promotionAction.optional(), name: promotionName.optional() })
  .strict()
  .refine(windowOk, { message: 'endsAt must be after startsAt', path: ['endsAt'] });
export type PromotionPatch = z.infer<typeof promotionPatch>;

export const PROMOTION_RUN_STATES = ['scheduled', 'running', 'ended', 'paused'] as const;

export const promotionView = z.object({
  id: z.string(),
  name: localizedView,
  kind: z.string(),
  action: z.record(z.string(), z.unknown()).describe('The rule as stored; see the input for its fields'),
  scope: z.record(z.string(), z.unknown()).nullable(),
  conditions: z.record(z.string(), z.unknown()).nullable(),
  stacking: z.record(z.string(), z.unknown()),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  status: z.enum(PROMOTION_STATUSES),
  runState: z.enum(PROMOTION_RUN_STATES).describe('Whether it applies now: paused, before its window, in it, or after it'),
  description: localizedView.describe('What it does, in words (满¥300减¥40)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PromotionView = z.infer<typeof promotionView>;

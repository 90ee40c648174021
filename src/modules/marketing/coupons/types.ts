import { z } from 'zod';
import { localizedView } from '../../../platform/http/view-fields.js';
import { promotionName, promotionScope } from '../promotions/types.js';
import { COUPON_REFUND_RULES, COUPON_STATUSES, COUPON_TEMPLATE_STATUSES } from './schema.js';

const minor = z.number().int().min(0).max(100_000_000).describe('Integer minor units (fen)');
const positive = z.number().int().min(1).max(100_000_000);
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
/** What a shopper types: letters and digits, kept in upper case. */
export const publicCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{4,20}$/, '4 to 20 letters and digits')
  .describe('A code anyone may type at checkout or in the claim centre to claim one (within the limits), e.g. VIP618');

/** A coupon's discount: the engine's coupon actions. */
export const couponAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amountOff'), amount: positive, threshold: minor.optional() }).strict().describe('¥amount off, once the goods in scope reach threshold (满减券)'),
  z.object({ kind: z.literal('percentOff'), percentOff: z.number().int().min(1).max(99), threshold: minor.optional(), cap: minor.optional() }).strict().describe('Percent off, at most cap (折扣券)'),
  z.object({ kind: z.literal('freeShipping'), threshold: minor.optional() }).strict().describe('No shipping fee (包邮券)'),
]);

export const couponTemplateInput = z
  .object({
    name: promotionName,
    action: couponAction,
    scope: promotionScope.nullable().optional(),
    withPromotions: z.boolean().default(true).describe('Promotions may apply beside it'),
    withPoints: z.boolean().default(true).describe('Points may pay part of the order'),
    totalQuantity: z.number().int().min(1).max(10_000_000).nullable().default(null).describe('Coupons to give out in all; null for no limit'),
    perCustomerLimit: z.number().int().min(1).max(100).default(1),
    claimFrom: instant.nullable().optional(),
    claimUntil: instant.nullable().optional(),
    validFrom: instant.nullable().optional().describe('A fixed window: valid from (with validUntil)'),
    validUntil: instant.nullable().optional(),
    validDays: z.number().int().min(1).max(3650).nullable().optional().describe('Or valid for N days after claiming'),
    refundRule: z.enum(COUPON_REFUND_RULES).default('return').describe('return: a fully refunded order gives the coupon back (if still valid); forfeit: it stays used'),
    status: z.enum(COUPON_TEMPLATE_STATUSES).default('active'),
    publicCode: publicCode.nullable().optional(),
    listed: z.boolean().default(true).describe('Shown in the claim centre (false: only by code, issue or grant)'),
  })
  .strict()
  .refine((t) => (t.validDays != null) !== (t.validUntil != null), { message: 'give validDays or validUntil', path: ['validDays'] })
  .refine((t) => !t.validFrom || !t.validUntil || t.validUntil > t.validFrom, { message: 'validUntil must be after validFrom', path: ['validUntil'] })
  .refine((t) => !t.claimFrom || !t.claimUntil || t.claimUntil > t.claimFrom, { message: 'claimUntil must be after claimFrom', path: ['claimUntil'] });
export type CouponTemplateInput = z.infer<typeof couponTemplateInput>;

/** What may change once coupons are out: the name, how many, the claim window, the public code (validity and the discount stay). */
export const couponTemplatePatch = z
  .object({
    name: promotionName,
    totalQuantity: z.number().int().min(1).max(10_000_000).nullable(),
    perCustomerLimit: z.number().int().min(1).max(100),
    claimFrom: instant.nullable(),
    claimUntil: instant.nullable(),
    publicCode: publicCode.nullable(),
    listed: z.boolean(),
  })
  .partial()
  .strict();
export type CouponTemplatePatch = z.infer<typeof couponTemplatePatch>;

const time = z.string().nullable();
export const couponTemplateView = z.object({
  id: z.string(),
  name: localizedView,
  action: z.record(z.string(), z.unknown()),
  scope: z.record(z.string(), z.unknown()).nullable(),
  description: localizedView.describe('What it takes off, in words'),
  withPromotions: z.boolean(),
  withPoints: z.boolean(),
  totalQuantity: z.number().int().nullable(),
  claimed: z.number().int(),
  left: z.number().int().nullable().describe('Still to claim (null: no limit)'),
  perCustomerLimit: z.number().int(),
  claimFrom: time,
  claimUntil: time,
  validFrom: time,
  validUntil: time,
  validDays: z.number().int().nullable(),
  refundRule: z.enum(COUPON_REFUND_RULES),
  status: z.enum(COUPON_TEMPLATE_STATUSES),
  publicCode: z.string().nullable(),
  listed: z.boolean(),
  createdAt: z.string(),
});
export type CouponTemplateView = z.infer<typeof couponTemplateView>;

export const couponView = z.object({
  id: z.string(),
  code: z.string().describe('What the shopper gives at checkout'),
  templateId: z.string(),
  name: localizedView,
  description: localizedView,
  status: z.enum(COUPON_STATUSES),
  validFrom: z.string(),
  validUntil: z.string(),
  orderId: z.string().nullable(),
  claimedAt: z.string(),
});
export type CouponView = z.infer<typeof couponView>;

import { z } from 'zod';
import { localizedView } from '../../platform/http/view-fields.js';
import { SHIPPING_KINDS } from '../pricing/index.js';

/**
 * Shipping methods over HTTP. The fee fields mirror the pricing engine's `ShippingMethod`
 * (src/modules/pricing/logic/types.ts); what a kind needs is what `validatePricingInput` checks.
 */
const fee = z.number().int().optional();

export const shippingMethodView = z.object({
  id: z.string(),
  code: z.string(),
  name: localizedView,
  kind: z.enum(SHIPPING_KINDS),
  flatFee: fee,
  freeThreshold: fee,
  firstWeightGrams: fee,
  firstFee: fee,
  extraWeightGrams: fee,
  extraFee: fee,
  regionFees: z.array(z.object({ provinceCodes: z.array(z.string()), firstFee: z.number().int(), extraFee: z.number().int() })).optional(),
  deliveryDays: z.number().int().describe('Days from ordering to delivery, for the estimate shoppers see'),
});

export const adminShippingMethodView = shippingMethodView.extend({
  active: z.boolean().describe('Offered at checkout'),
  position: z.number().int().describe('Order in the list, ascending'),
});

const minor = z.number().int().min(0).max(100_000_000).describe('Integer minor units (fen)');
const grams = z.number().int().min(1).max(1_000_000);
const localized = z
  .object({ 'zh-CN': z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) })
  .strict()
  .describe('Name in both languages');
const regionFee = z
  .object({
    provinceCodes: z.array(z.string().regex(/^\d{2}$/, 'two-digit GB/T 2260 province code')).min(1).max(34),
    firstFee: minor,
    extraFee: minor,
  })
  .strict();

/** The fee rule of each kind; fields of another kind are refused rather than silently kept. */
const flat = z.object({ kind: z.literal('flat'), flatFee: minor }).strict();
const freeOver = z.object({ kind: z.literal('freeOver'), freeThreshold: minor, flatFee: minor.optional().describe('Fee below the threshold (0 when absent)') }).strict();
const byWeight = z
  .object({
    kind: z.literal('byWeight'),
    firstWeightGrams: grams,
    firstFee: minor,
    extraWeightGrams: grams,
    extraFee: minor,
    regionFees: z.array(regionFee).max(34).optional(),
  })
  .strict();
export const shippingRule = z.discriminatedUnion('kind', [flat, freeOver, byWeight]);
export type ShippingRule = z.infer<typeof shippingRule>;
export const RULE_FIELDS = ['flatFee', 'freeThreshold', 'firstWeightGrams', 'firstFee', 'extraWeightGrams', 'extraFee', 'regionFees'] as const;

const deliveryDays = z.number().int().min(0).max(60).describe('Days from ordering to delivery, for the estimate shoppers see');

const common = {
  code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, dash or underscore').describe('Stable code, unique; cannot be changed'),
  name: localized,
  active: z.boolean().default(true).describe('Offered at checkout'),
  position: z.number().int().min(0).max(10_000).optional().describe('Order in the list; after the last method when absent'),
  deliveryDays: deliveryDays.default(3),
};

/** A new method: its code, names, and the rule of its kind at the top level (like the view). */
export const shippingMethodInput = z.discriminatedUnion('kind', [
  flat.extend(common).strict(),
  freeOver.extend(common).strict(),
  byWeight.extend(common).strict(),
]);
export type ShippingMethodInput = z.infer<typeof shippingMethodInput>;

/**
 * A change: any of the fields. Fee fields without `kind` adjust the current rule; with `kind`
 * they replace it. The result must still be a whole rule of its kind (checked by the service).
 * `regionFees: null` removes the regional rates.
 */
export const shippingMethodPatch = z
  .object({
    name: localized,
    active: z.boolean(),
    position: z.number().int().min(0).max(10_000),
    deliveryDays,
    kind: z.enum(SHIPPING_KINDS),
    flatFee: minor,
    freeThreshold: minor,
    firstWeightGrams: grams,
    firstFee: minor,
    extraWeightGrams: grams,
    extraFee: minor,
    regionFees: z.array(regionFee).max(34).nullable(),
  })
  .partial()
  .strict();
export type ShippingMethodPatch = z.infer<typeof shippingMethodPatch>;

import type { Minor } from '../../../platform/money.js';

/**
 * The pricing engine's vocabulary. Pure data: the cart and promotion modules build these,
 * `priceCart` turns them into a `PriceQuote`, orders store the quote so refunds can use it.
 */

/** Same shape as platform/i18n's `Localized`, restated because logic/ may not import it. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface PricingLine {
  lineId: string;
  variantId: string;
  productId: string;
  /** Carried for promotion targeting (rules/); the engine itself does not use them. */
  categoryId?: string;
  brandId?: string;
  /** The product takes no coupon (an operator's exclusion); promotions still apply. */
  noCoupons?: boolean;
  /** A line a promotion added (买赠): priced at its unit price and discounted in full by that promotion. */
  gift?: boolean;
  /** Price of one unit before any adjustment. */
  unitPrice: Minor;
  /** Strike-through "was" price for display; never used in arithmetic. */
  listPrice?: Minor;
  quantity: number;
  /** Weight of ONE unit; the parcel weighs Σ weightGrams × quantity. */
  weightGrams: number;
}

export interface RegionFee {
  provinceCodes: string[];
  firstFee: Minor;
  extraFee: Minor;
}

export const SHIPPING_KINDS = ['flat', 'freeOver', 'byWeight'] as const;
export type ShippingKind = (typeof SHIPPING_KINDS)[number];

export interface ShippingMethod {
  id: string;
  code: string;
  name: LocalizedText;
  kind: ShippingKind;
  /** flat: the fee. freeOver: the fee below the threshold (0 when absent). */
  flatFee?: Minor;
  /** freeOver: goods total after all goods discounts ≥ this → shipping is free. */
  freeThreshold?: Minor;
  /** byWeight: the first `firstWeightGrams` cost `firstFee`, every started `extraWeightGrams` step after costs `extraFee`. */
  firstWeightGrams?: number;
  firstFee?: Minor;
  extraWeightGrams?: number;
  extraFee?: Minor;
  /** byWeight: the first entry listing the destination province replaces firstFee/extraFee. */
  regionFees?: RegionFee[];
}

export const ADJUSTMENT_KINDS = [
  'memberPrice',
  'productDiscount',
  'thresholdDiscount',
  'thresholdPercentOff',
  'buyXGetY',
  'freeShipping',
  'coupon',
  'points',
  'manual',
] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/**
 * The fixed discount pipeline (mall4j's shape): each slot sees the result of the ones before it.
 * Unit prices first (member price, product discounts; later flash and group prices), then the
 * order promotions (满减, 满折, 买赠, free shipping), coupons, points, and staff's manual changes.
 * Inside a slot adjustments apply in the order given.
 */
export const PRICING_SLOTS = ['unitPrice', 'promotion', 'coupon', 'points', 'manual'] as const;
export type PricingSlot = (typeof PRICING_SLOTS)[number];

export const SLOT_OF_KIND: Readonly<Record<AdjustmentKind, PricingSlot>> = {
  memberPrice: 'unitPrice',
  productDiscount: 'unitPrice',
  thresholdDiscount: 'promotion',
  thresholdPercentOff: 'promotion',
  buyXGetY: 'promotion',
  freeShipping: 'promotion',
  coupon: 'coupon',
  points: 'points',
  manual: 'manual',
};

/** A discount decided by a promotion step. The engine caps it; it never decides eligibility. */
export interface Adjustment {
  id: string;
  kind: AdjustmentKind;
  label: LocalizedText;
  /** Positive = discount. A larger amount than what is left is capped (e.g. "free shipping" may pass the max). */
  amount: Minor;
  /** lineIds the discount is spread over; all lines when absent. Not allowed with `shipping`. */
  appliesTo?: string[];
  /**
   * Or the discount of each line, decided by the promotion (a unit price, free units of 买X送Y, a
   * gift): `amount` is their sum. Each is capped by what its line has left; nothing is spread.
   */
  lineAmounts?: Array<{ lineId: string; amount: Minor }>;
  /** true: a discount on the shipping fee instead of the goods. */
  shipping?: boolean;
}

export interface PricingInput {
  currency: string;
  lines: PricingLine[];
  shipping: ShippingMethod | null;
  destination?: { provinceCode: string };
  adjustments?: Adjustment[];
}

export interface LineDiscount {
  adjustmentId: string;
  amount: Minor;
}

export interface QuotedLine {
  lineId: string;
  /** A line a promotion added (买赠). */
  gift?: boolean;
  unitPrice: Minor;
  listPrice?: Minor;
  quantity: number;
  /** unitPrice × quantity */
  subtotal: Minor;
  /** This line's share of each goods adjustment, in pipeline order; zero shares are left out. */
  discounts: LineDiscount[];
  discountTotal: Minor;
  /** subtotal − discountTotal: what this line costs the shopper, the basis of its refunds. */
  total: Minor;
}

export interface AppliedAdjustment {
  id: string;
  kind: AdjustmentKind;
  label: LocalizedText;
  /** What was actually applied after capping. */
  amount: Minor;
  /** What the promotion asked for. */
  requestedAmount: Minor;
  /** amount < requestedAmount: there was not enough left to discount. */
  capped: boolean;
  /** true when the discount went to the shipping fee. */
  shipping: boolean;
}

export interface PriceQuote {
  currency: string;
  lines: QuotedLine[];
  /** Σ line subtotals. */
  subtotal: Minor;
  /** Σ goods discounts (= Σ line discountTotal). */
  discountTotal: Minor;
  /** subtotal − discountTotal = Σ line totals. */
  goodsTotal: Minor;
  shippingFee: Minor;
  shippingDiscount: Minor;
  /** subtotal − discountTotal + shippingFee − shippingDiscount */
  total: Minor;
  /** In pipeline order (slot, then input order), not input order. */
  adjustments: AppliedAdjustment[];
}

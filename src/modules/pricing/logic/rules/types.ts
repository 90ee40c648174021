import type { Minor } from '../../../../platform/money.js';
import type { LocalizedText, PriceQuote } from '../types.js';

/**
 * The rule layer's vocabulary: promotions and coupons as data. A rule's conditions decide whether
 * it applies to this shopper and cart (eligibility); its action says how much, and the engine's
 * slots apply the result in their fixed order (unit price → promotions → coupon → points → manual).
 * Marketing builds these from its tables; the engine never reads a table or a clock.
 */

/** Who is buying, when and through what: everything a condition may look at. */
export interface PricingContext {
  /** The moment of the quote, ISO 8601. Windows are compared with it (the caller reads the clock). */
  now: string;
  customerId?: string | null;
  /** The customer's member tier code (会员等级). */
  tier?: string | null;
  /** Segment tags (用户标签) the customer carries. */
  tags?: readonly string[];
  /** The acquisition channel of the visit (utm_source or a named channel). */
  channel?: string | null;
  /** No paid order yet (新客). */
  newCustomer?: boolean;
  /** Points the shopper asked to pay with (0 or absent: none). */
  points?: number;
}

/** Which lines a rule looks at and discounts: all lines when empty. */
export interface RuleScope {
  productIds?: readonly string[];
  categoryIds?: readonly string[];
  brandIds?: readonly string[];
  /** Never these products, whatever else matches. */
  excludeProductIds?: readonly string[];
}

/** Who and when: each present condition must hold. */
export interface RuleConditions {
  tiers?: readonly string[];
  /** The customer carries at least one of these tags. */
  tags?: readonly string[];
  newCustomersOnly?: boolean;
  channels?: readonly string[];
  /** ISO 8601 instants; `endsAt` is exclusive. */
  startsAt?: string;
  endsAt?: string;
  /** Units of the lines in scope. */
  minQuantity?: number;
}

/** A gift line (买赠): what the engine needs to price it; the rule's owner looked it up. */
export interface GiftItem {
  variantId: string;
  productId: string;
  unitPrice: Minor;
  weightGrams: number;
  /** Units given for each time the condition is met. */
  quantity: number;
}

export type RuleAction =
  /** 满减 / fixed coupon: `amount` off once the scope reaches `threshold`; with `every`, for every `threshold`, up to `cap`. */
  | { kind: 'amountOff'; amount: Minor; threshold?: Minor; every?: boolean; cap?: Minor }
  /** 满折 / percent coupon: `percentOff` (1–99) once the scope reaches `threshold` or `minQuantity` units, at most `cap`. */
  | { kind: 'percentOff'; percentOff: number; threshold?: Minor; minQuantity?: number; cap?: Minor }
  /** A product, category or brand on sale: each unit `amountOff` or `percentOff` cheaper (a unit price). */
  | { kind: 'unitDiscount'; amountOff?: Minor; percentOff?: number }
  /** 会员价: the customer's tier pays `percentOff` less, or the listed price of a variant. */
  | { kind: 'memberPrice'; tiers: ReadonlyArray<{ tier: string; percentOff?: number; prices?: ReadonlyArray<{ variantId: string; price: Minor }> }> }
  /** 满额包邮 / free-shipping coupon: the shipping fee is waived once the scope reaches `threshold`. */
  | { kind: 'freeShipping'; threshold?: Minor }
  /** 买X送Y: of each line in scope every `buy` + `get` units, `get` are free; or, with `gift`, every `buy` units in scope add the gift. */
  | { kind: 'buyXGetY'; buy: number; get: number; gift?: GiftItem };

export type RuleActionKind = RuleAction['kind'];

/** Promotions apply to everyone they fit; a coupon applies only when the shopper chose it. */
export type RuleSource = 'promotion' | 'coupon';

/** What combines with what (Vendure's and the Chinese malls' stacking, as data). */
export interface RuleStacking {
  /**
   * Rules of one group never combine: the best of them for the shopper applies. Without a group a
   * promotion is its own group; coupons share one group for goods and one for shipping (one of each).
   */
  group?: string;
  /** Higher first in its slot; breaks ties between equally good rules. */
  priority?: number;
  /** A promotion that applies alone (no other promotion beside it). */
  exclusive?: boolean;
  /** Promotion: coupons may apply on top. Default true. */
  withCoupons?: boolean;
  /** Coupon: promotions may apply with it. Default true. */
  withPromotions?: boolean;
  /** Points may pay part of an order it applies to. Default true. */
  withPoints?: boolean;
}

export interface PricingRule {
  id: string;
  source: RuleSource;
  /** The operator's name for it, shown to shoppers ("双11 满300减40"). */
  name: LocalizedText;
  scope?: RuleScope;
  conditions?: RuleConditions;
  action: RuleAction;
  stacking?: RuleStacking;
}

/** How points pay: in blocks of `pointsPerUnit` points worth `unitValue` each, up to a share of the goods. */
export interface PointsOffer {
  /** What the customer holds (the engine never spends more). */
  balance: number;
  pointsPerUnit: number;
  unitValue: Minor;
  /** The largest share of the goods total points may pay, in basis points (5000 = 50%). */
  maxShareBps: number;
}

export type ExplanationKind =
  /** A rule applied and saved this much. */
  | 'applied'
  /** A chosen coupon or a promotion left out because it does not combine with what applied. */
  | 'conflict'
  /** A chosen coupon that does not apply to this cart or shopper (threshold, scope, time, who). */
  | 'notEligible'
  /** Fewer points used than asked (share limit, balance, block size), or none allowed. */
  | 'pointsLimited'
  /** A gift promotion (买赠) left out because the gift has run out (赠品送完即止). */
  | 'giftGone';

export interface Explanation {
  kind: ExplanationKind;
  ruleId?: string;
  /** The other rule of a conflict. */
  otherRuleId?: string;
  text: LocalizedText;
}

/** 凑单: how much more of the scope would reach a threshold, and what it would bring. */
export interface Hint {
  ruleId: string;
  /** Minor units still missing from the rule's scope. */
  missing: Minor;
  /** What reaching it saves (0 for free shipping: the fee is not known before the address). */
  reward: Minor;
  text: LocalizedText;
}

export interface AppliedRule {
  ruleId: string;
  source: RuleSource;
  amount: Minor;
}

export interface RuledQuote {
  quote: PriceQuote;
  /** Rules that gave a discount, in pipeline order (adjustment ids are rule ids). */
  applied: AppliedRule[];
  /** Points to take from the customer for this quote, and what they paid. */
  points: { used: number; value: Minor } | null;
  explanations: Explanation[];
  hints: Hint[];
  /** Gift lines the promotions added, by their line id in the quote: what to put in the parcel. */
  gifts: Array<{ lineId: string; ruleId: string; variantId: string; productId: string; quantity: number }>;
}

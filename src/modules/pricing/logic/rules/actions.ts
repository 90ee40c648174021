import type { Minor } from '../../../../platform/money.js';
import { unitsShare } from '../allocation.js';
import type { PricingLine } from '../types.js';
import type { NotEligibleReason } from './explain.js';
import type { PricingContext, PricingRule, RuleAction } from './types.js';

/**
 * How much one rule asks for, given the lines it looks at and what they have left. Pure arithmetic;
 * the quote decides which rules get to ask (stacking) and the engine applies and caps the result.
 */

/** What a rule would do now. `lineAmounts` for per-line amounts, else spread over `targets`. */
export interface Ask {
  amount: Minor;
  lineAmounts?: Array<{ lineId: string; amount: Minor }>;
  /** A shipping discount: the amount is filled in with the fee once the goods are priced. */
  shipping?: boolean;
  /** A gift line to add (买赠). */
  gift?: PricingLine;
  /** The next step of a repeating rule (每满): what more would add how much. */
  next?: { missing: Minor; reward: Minor };
}

export type Outcome = { ok: true; ask: Ask } | { ok: false; why: NotEligibleReason; reward: Minor };

export interface Scoped {
  /** Indices of the lines the rule looks at, in line order. */
  targets: readonly number[];
  /** Σ of their amounts at the base the rule measures thresholds on. */
  base: Minor;
  /** Σ of what they have left now (what the rule can still take). */
  room: Minor;
  units: number;
}

const percentOf = (amount: Minor, percent: number) => Math.floor((amount * percent) / 100);

/** An order-level rule (满减, 满折, free shipping, 买X送Y, and coupons of those kinds). */
export function ask(rule: PricingRule, lines: readonly PricingLine[], remaining: readonly Minor[], s: Scoped): Outcome {
  const a = rule.action;
  if (s.targets.length === 0) return { ok: false, why: { kind: 'scope' }, reward: 0 };
  const minQuantity = rule.conditions?.minQuantity ?? 0;
  if (s.units < minQuantity) return { ok: false, why: { kind: 'quantity', missing: minQuantity - s.units }, reward: 0 };
  switch (a.kind) {
    case 'amountOff': {
      const threshold = a.threshold ?? 0;
      if (s.base < threshold) return { ok: false, why: { kind: 'threshold', missing: threshold - s.base }, reward: a.amount };
      const times = a.every && threshold > 0 ? Math.floor(s.base / threshold) : 1;
      const amount = Math.min(times * a.amount, a.cap ?? Number.MAX_SAFE_INTEGER, s.room);
      const moreAllowed = a.every && threshold > 0 && (a.cap === undefined || (times + 1) * a.amount <= a.cap);
      return { ok: true, ask: { amount, ...(moreAllowed ? { next: { missing: (times + 1) * threshold - s.base, reward: a.amount } } : {}) } };
    }
    case 'percentOff': {
      if (a.minQuantity !== undefined && s.units < a.minQuantity) return { ok: false, why: { kind: 'quantity', missing: a.minQuantity - s.units }, reward: 0 };
      if (a.threshold !== undefined && s.base < a.threshold) {
        return { ok: false, why: { kind: 'threshold', missing: a.threshold - s.base }, reward: percentOf(a.threshold, a.percentOff) };
      }
      return { ok: true, ask: { amount: Math.min(percentOf(s.room, a.percentOff), a.cap ?? Number.MAX_SAFE_INTEGER) } };
    }
    case 'freeShipping': {
      if (a.threshold !== undefined && s.base < a.threshold) return { ok: false, why: { kind: 'threshold', missing: a.threshold - s.base }, reward: 0 };
      return { ok: true, ask: { amount: 0, shipping: true } };
    }
    case 'buyXGetY': {
      if (a.gift) {
        if (s.units < a.buy) return { ok: false, why: { kind: 'quantity', missing: a.buy - s.units }, reward: a.gift.unitPrice * a.gift.quantity };
        const quantity = Math.floor(s.units / a.buy) * a.gift.quantity;
        const gift: PricingLine = { lineId: `gift:${rule.id}`, variantId: a.gift.variantId, productId: a.gift.productId, unitPrice: a.gift.unitPrice, quantity, weightGrams: a.gift.weightGrams, gift: true };
        const amount = gift.unitPrice * quantity;
        return { ok: true, ask: { amount, gift, lineAmounts: [{ lineId: gift.lineId, amount }] } };
      }
      const set = a.buy + a.get;
      const lineAmounts: Array<{ lineId: string; amount: Minor }> = [];
      let closest = set;
      for (const i of s.targets) {
        const line = lines[i];
        const free = Math.floor(line.quantity / set) * a.get;
        closest = Math.min(closest, set - (line.quantity % set));
        // The free units' share of what the line has left: every unit of a line costs the same.
        const amount = free > 0 ? unitsShare(remaining[i], line.quantity, free) : 0;
        if (amount > 0) lineAmounts.push({ lineId: line.lineId, amount });
      }
      if (lineAmounts.length === 0) return { ok: false, why: { kind: 'quantity', missing: closest }, reward: 0 };
      return { ok: true, ask: { amount: lineAmounts.reduce((t, l) => t + l.amount, 0), lineAmounts } };
    }
    case 'unitDiscount':
    case 'memberPrice':
      // Unit prices are decided line by line (unitOff), before any order-level rule.
      return { ok: false, why: { kind: 'conditions' }, reward: 0 };
  }
}

/** How much cheaper one unit of a line is under a unit-price rule (会员价, 直降), 0 when it does not apply. */
export function unitOff(rule: PricingRule, line: PricingLine, ctx: PricingContext): Minor {
  const a = rule.action;
  if (a.kind === 'unitDiscount') {
    if (a.amountOff !== undefined) return Math.min(a.amountOff, line.unitPrice);
    return percentOf(line.unitPrice, a.percentOff ?? 0);
  }
  if (a.kind === 'memberPrice') {
    const tier = ctx.tier ? a.tiers.find((t) => t.tier === ctx.tier) : undefined;
    if (!tier) return 0;
    const listed = tier.prices?.find((p) => p.variantId === line.variantId);
    if (listed) return Math.max(0, line.unitPrice - listed.price);
    return tier.percentOff !== undefined ? percentOf(line.unitPrice, tier.percentOff) : 0;
  }
  return 0;
}

/** Whether an action sets unit prices (会员价, 直降), decided line by line before order-level rules. */
export function setsUnitPrice(kind: RuleAction['kind']): boolean {
  return kind === 'unitDiscount' || kind === 'memberPrice';
}

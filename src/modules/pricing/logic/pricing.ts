import type { Minor } from '../../../platform/money.js';
import { allocateWithinRemaining } from './allocation.js';
import { PricingInputError } from './errors.js';
import { shippingFee } from './shipping.js';
import {
  PRICING_SLOTS,
  SLOT_OF_KIND,
  type Adjustment,
  type AppliedAdjustment,
  type LineDiscount,
  type QuotedLine,
  type PriceQuote,
  type PricingInput,
  type PricingLine,
} from './types.js';
import { validatePricingInput } from './validate.js';

export * from './types.js';
export { PricingInputError, PRICING_INPUT_ERROR_CODES, type PricingInputErrorCode } from './errors.js';
export { refundableAmounts, type RefundRequestLine, type RefundLineAmount, type RefundAmounts } from './refund.js';
export { shippingFee, type ShippingContext } from './shipping.js';
export { validatePricingInput } from './validate.js';
export * from './rules/types.js';
export { quoteWithRules, rulePrecedence, POINTS_ADJUSTMENT_ID } from './rules/quote.js';
export { describeAction, giftGoneText, yuan } from './rules/explain.js';
export { scopeCovers } from './rules/eligibility.js';
export { validateRules } from './rules/validate-rules.js';

/**
 * Prices a cart. Pure: the same input always gives the same quote.
 *
 * The pipeline has fixed slots — member price → 满减/满折 → coupon → points → manual — and each
 * slot is capped by what the slots before it left: a discount larger than what is left is cut
 * to fit (`capped` in the quote) rather than pushing a line below zero. A promotion step that
 * needs "the price so far" (a 满减 threshold after member prices, say) prices the cart with the
 * adjustments of the earlier slots and reads `goodsTotal` or the line totals.
 *
 * Every goods discount is allocated to the lines it applies to, in proportion to each line's
 * remaining total and exact in minor units, so each line's `total` is what it really cost and a
 * partial refund (refundableAmounts) returns the right amount. Shipping discounts stay on the
 * shipping fee and are never allocated to lines.
 *
 * The free-shipping threshold is measured on the goods total after ALL goods discounts, points
 * included: 满 99 包邮 means the shopper pays at least 99 for goods.
 */
export function priceCart(input: PricingInput): PriceQuote {
  validatePricingInput(input);
  return priceValidCart(input);
}

/** priceCart without the checks, for the rule layer: its input was validated and its adjustments are built, not received. */
export function priceValidCart(input: PricingInput): PriceQuote {
  const lines = input.lines;
  const positions: LinePositions = { lines };
  const subtotals = lines.map((line) => line.unitPrice * line.quantity);
  const remaining = [...subtotals];
  const lineDiscounts: LineDiscount[][] = lines.map(() => []);
  const ordered = orderAdjustments(input.adjustments ?? []);
  const applied: AppliedAdjustment[] = [];

  for (let a = 0; a < ordered.length; a++) {
    const adj = ordered[a];
    if (adj.shipping === true) continue;
    if (adj.lineAmounts) {
      let amount = 0;
      let at = 0;
      for (const share of adj.lineAmounts) {
        const i = (at = positionOf(positions, share.lineId, at));
        const take = Math.min(share.amount, remaining[i]);
        if (take === 0) continue;
        remaining[i] -= take;
        lineDiscounts[i].push({ adjustmentId: adj.id, amount: take });
        amount += take;
      }
      applied[a] = appliedOf(adj, amount);
      continue;
    }
    // Cart order, not the order appliesTo lists them: allocate breaks ties toward earlier lines.
    const targets = adj.appliesTo
      ? adj.appliesTo.map((lineId) => positionOf(positions, lineId, 0)).sort((x, y) => x - y)
      : lines.map((_, i) => i);
    const room = sum(targets.map((i) => remaining[i]));
    const amount = Math.min(adj.amount, room);
    const shares = allocateWithinRemaining(amount, targets.map((i) => remaining[i]));
    targets.forEach((lineIndex, k) => {
      if (shares[k] === 0) return;
      remaining[lineIndex] -= shares[k];
      lineDiscounts[lineIndex].push({ adjustmentId: adj.id, amount: shares[k] });
    });
    applied[a] = appliedOf(adj, amount);
  }

  const subtotal = sum(subtotals);
  const goodsTotal = sum(remaining);
  const fee = shippingFee(input.shipping, {
    goodsTotal,
    totalWeightGrams: sum(lines.map((line) => line.weightGrams * line.quantity)),
    provinceCode: input.destination?.provinceCode,
  });

  let shippingLeft = fee;
  for (let a = 0; a < ordered.length; a++) {
    const adj = ordered[a];
    if (adj.shipping !== true) continue;
    const amount = Math.min(adj.amount, shippingLeft);
    shippingLeft -= amount;
    applied[a] = appliedOf(adj, amount);
  }

  const total = goodsTotal + shippingLeft;
  if (!Number.isSafeInteger(total)) throw new PricingInputError('AMOUNT_TOO_LARGE', 'shipping', 'order total exceeds the largest safe integer');

  return {
    currency: input.currency,
    lines: lines.map((line, i) => {
      const priced: QuotedLine = {
        lineId: line.lineId,
        unitPrice: line.unitPrice,
        quantity: line.quantity,
        subtotal: subtotals[i],
        discounts: lineDiscounts[i],
        discountTotal: subtotals[i] - remaining[i],
        total: remaining[i],
      };
      // Set only when there (no spread of a temporary object per line: this runs for every quote).
      if (line.gift === true) priced.gift = true;
      if (line.listPrice !== undefined) priced.listPrice = line.listPrice;
      return priced;
    }),
    subtotal,
    discountTotal: subtotal - goodsTotal,
    goodsTotal,
    shippingFee: fee,
    shippingDiscount: fee - shippingLeft,
    total,
    adjustments: applied,
  };
}

interface LinePositions {
  lines: readonly PricingLine[];
  byId?: Map<string, number>;
}

/** Where a line is. Shares and appliesTo usually name lines in cart order: look ahead first, a map only if not there. */
function positionOf(p: LinePositions, lineId: string, from: number): number {
  const lines = p.lines;
  for (let i = from; i < lines.length; i++) if (lines[i].lineId === lineId) return i;
  p.byId ??= new Map(lines.map((line, i) => [line.lineId, i] as const));
  return p.byId.get(lineId)!;
}

/** Adjustments in pipeline order: by slot, and in the given order inside a slot (a stable sort). */
export function orderAdjustments(adjustments: readonly Adjustment[]): Adjustment[] {
  return [...adjustments].sort(bySlot);
}

function bySlot(a: Adjustment, b: Adjustment): number {
  return slotRank(a) - slotRank(b);
}

function slotRank(adj: Adjustment): number {
  return PRICING_SLOTS.indexOf(SLOT_OF_KIND[adj.kind]);
}

function appliedOf(adj: Adjustment, amount: Minor): AppliedAdjustment {
  return {
    id: adj.id,
    kind: adj.kind,
    label: adj.label,
    amount,
    requestedAmount: adj.amount,
    capped: amount < adj.amount,
    shipping: adj.shipping === true,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

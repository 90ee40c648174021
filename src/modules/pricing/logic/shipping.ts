import type { Minor } from '../../../platform/money.js';
import { PricingInputError } from './errors.js';
import type { ShippingMethod } from './types.js';

export interface ShippingContext {
  /** Goods total after every goods discount: what the free-shipping threshold is measured against. */
  goodsTotal: Minor;
  /** Σ unit weight × quantity. */
  totalWeightGrams: number;
  provinceCode?: string;
}

/**
 * The fee before shipping discounts. `null` (no shipping: pickup, virtual goods) costs nothing.
 * Expects a method that passed validatePricingInput.
 */
export function shippingFee(method: ShippingMethod | null, ctx: ShippingContext): Minor {
  if (method === null) return 0;
  switch (method.kind) {
    case 'flat':
      return method.flatFee ?? 0;
    case 'freeOver':
      // At the threshold counts as over it: "满 99 包邮" means 99.00 qualifies.
      return ctx.goodsTotal >= (method.freeThreshold ?? 0) ? 0 : (method.flatFee ?? 0);
    case 'byWeight':
      return byWeightFee(method, ctx);
  }
}

function byWeightFee(method: ShippingMethod, ctx: ShippingContext): Minor {
  const region =
    ctx.provinceCode === undefined ? undefined : method.regionFees?.find((r) => r.provinceCodes.includes(ctx.provinceCode!));
  const firstFee = region?.firstFee ?? method.firstFee ?? 0;
  const extraFee = region?.extraFee ?? method.extraFee ?? 0;
  const firstGrams = method.firstWeightGrams ?? 1;
  const stepGrams = method.extraWeightGrams ?? 1;
  // An empty or weightless parcel still ships: it pays the first weight, like a carrier's 首重.
  const steps = extraSteps(ctx.totalWeightGrams, firstGrams, stepGrams);
  const fee = firstFee + steps * extraFee;
  if (!Number.isSafeInteger(fee)) throw new PricingInputError('AMOUNT_TOO_LARGE', 'shipping', 'shipping fee exceeds the largest safe integer');
  return fee;
}

/** Every started step past the first weight counts whole (续重 rounds up). Integer arithmetic only. */
export function extraSteps(totalGrams: number, firstGrams: number, stepGrams: number): number {
  if (totalGrams <= firstGrams) return 0;
  const over = totalGrams - firstGrams;
  // Float division can round near 2^53; correct the estimate with exact integer products.
  let steps = Math.ceil(over / stepGrams);
  while (steps * stepGrams < over) steps++;
  while (steps > 0 && (steps - 1) * stepGrams >= over) steps--;
  return steps;
}

/**
 * Thrown when the pricing engine is handed data it must not price. logic/ may not import
 * platform/errors.ts, so this is a plain Error with a stable code and the offending field path;
 * the checkout service maps it to a 4xx problem (a bad cart is the caller's fault, never a 500).
 */
export const PRICING_INPUT_ERROR_CODES = [
  'INVALID_CURRENCY',
  'EMPTY_CART',
  'INVALID_LINE',
  'DUPLICATE_LINE',
  'INVALID_AMOUNT',
  'INVALID_QUANTITY',
  'INVALID_WEIGHT',
  'AMOUNT_TOO_LARGE',
  'INVALID_SHIPPING_METHOD',
  'INVALID_DESTINATION',
  'INVALID_ADJUSTMENT',
  'DUPLICATE_ADJUSTMENT',
  'UNKNOWN_LINE',
  'INVALID_REFUND',
  'INVALID_RULE',
  'DUPLICATE_RULE',
  'INVALID_CONTEXT',
] as const;
export type PricingInputErrorCode = (typeof PRICING_INPUT_ERROR_CODES)[number];

export class PricingInputError extends Error {
  override readonly name = 'PricingInputError';
  constructor(
    readonly code: PricingInputErrorCode,
    /** Where in the input, e.g. `lines[2].quantity`. */
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

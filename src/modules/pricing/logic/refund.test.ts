import { describe, expect, it } from 'vitest';
import { PricingInputError, priceCart, refundableAmounts } from './pricing.js';
import { adj, flat, line } from './test-fixtures.js';

// a: 3 × 40.00, b: 1 × 80.00, a 10.01 coupon (uneven on purpose) and a shipping discount that stays off the lines
const quote = priceCart({
  currency: 'CNY',
  lines: [line('a', 4000, 3), line('b', 8000)],
  shipping: flat(1000),
  adjustments: [adj('c', 'coupon', 1001), adj('fs', 'coupon', 1000, { shipping: true })],
});

describe('refundableAmounts', () => {
  it('the quote it works on', () => {
    // 1001 over 12000 : 8000 → 600.6 : 400.4 → 601 : 400
    expect(quote.lines.map((l) => l.total)).toEqual([12000 - 601, 8000 - 400]);
  });

  it('refunds the whole line total for all units', () => {
    const result = refundableAmounts(quote, [{ lineId: 'a', quantity: 3 }, { lineId: 'b', quantity: 1 }]);
    expect(result).toEqual({
      lines: [
        { lineId: 'a', quantity: 3, amount: 11399 },
        { lineId: 'b', quantity: 1, amount: 7600 },
      ],
      total: 18999,
    });
    expect(result.total).toBe(quote.goodsTotal);
  });

  it('spreads a line total over its units, the first units carrying the odd minor units', () => {
    // 11399 / 3 = 3799.67 → units 3800, 3800, 3799
    expect(refundableAmounts(quote, [{ lineId: 'a', quantity: 1 }]).total).toBe(3800);
    expect(refundableAmounts(quote, [{ lineId: 'a', quantity: 1, alreadyRefundedQuantity: 1 }]).total).toBe(3800);
    expect(refundableAmounts(quote, [{ lineId: 'a', quantity: 1, alreadyRefundedQuantity: 2 }]).total).toBe(3799);
  });

  it('several partial refunds of a line add up to exactly its total', () => {
    const first = refundableAmounts(quote, [{ lineId: 'a', quantity: 1 }]).total;
    const rest = refundableAmounts(quote, [{ lineId: 'a', quantity: 2, alreadyRefundedQuantity: 1 }]).total;
    expect(first + rest).toBe(11399);
    const other = [
      refundableAmounts(quote, [{ lineId: 'a', quantity: 2 }]).total,
      refundableAmounts(quote, [{ lineId: 'a', quantity: 1, alreadyRefundedQuantity: 2 }]).total,
    ];
    expect(other[0] + other[1]).toBe(11399);
  });

  it('keeps the request order and an empty request returns nothing', () => {
    expect(refundableAmounts(quote, [{ lineId: 'b', quantity: 1 }, { lineId: 'a', quantity: 1 }]).lines.map((l) => l.lineId)).toEqual(['b', 'a']);
    expect(refundableAmounts(quote, [])).toEqual({ lines: [], total: 0 });
  });

  it('a fully discounted line refunds 0', () => {
    const free = priceCart({ currency: 'CNY', lines: [line('a', 100, 4)], shipping: null, adjustments: [adj('m', 'manual', 400)] });
    expect(refundableAmounts(free, [{ lineId: 'a', quantity: 3 }]).total).toBe(0);
  });

  it.each([
    ['an unknown line', [{ lineId: 'zzz', quantity: 1 }], 'UNKNOWN_LINE'],
    ['a line twice', [{ lineId: 'a', quantity: 1 }, { lineId: 'a', quantity: 1 }], 'INVALID_REFUND'],
    ['zero units', [{ lineId: 'a', quantity: 0 }], 'INVALID_REFUND'],
    ['fractional units', [{ lineId: 'a', quantity: 1.5 }], 'INVALID_REFUND'],
    ['more units than bought', [{ lineId: 'a', quantity: 4 }], 'INVALID_REFUND'],
    ['more than what is left', [{ lineId: 'a', quantity: 2, alreadyRefundedQuantity: 2 }], 'INVALID_REFUND'],
    ['a negative refunded count', [{ lineId: 'a', quantity: 1, alreadyRefundedQuantity: -1 }], 'INVALID_REFUND'],
  ])('rejects %s', (_name, request, code) => {
    expect(() => refundableAmounts(quote, request)).toThrow(PricingInputError);
    expect(() => refundableAmounts(quote, request)).toThrow(expect.objectContaining({ code }));
  });
});

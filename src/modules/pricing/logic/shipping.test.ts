import { describe, expect, it } from 'vitest';
import { priceCart } from './pricing.js';
import { extraSteps, shippingFee } from './shipping.js';
import { adj, byWeight, flat, freeOver, line } from './test-fixtures.js';

describe('flat shipping', () => {
  it('charges the flat fee whatever the cart', () => {
    expect(priceCart({ currency: 'CNY', lines: [line('a', 5000)], shipping: flat(800) }).shippingFee).toBe(800);
    expect(priceCart({ currency: 'CNY', lines: [line('a', 0)], shipping: flat(800) }).shippingFee).toBe(800);
  });

  it('a zero flat fee is free', () => {
    expect(priceCart({ currency: 'CNY', lines: [line('a', 5000)], shipping: flat(0) }).shippingFee).toBe(0);
  });
});

describe('no shipping method', () => {
  it('costs nothing and a shipping discount has nothing to take', () => {
    const quote = priceCart({ currency: 'CNY', lines: [line('a', 5000)], shipping: null, adjustments: [adj('fs', 'coupon', 500, { shipping: true })] });
    expect(quote.shippingFee).toBe(0);
    expect(quote.shippingDiscount).toBe(0);
    expect(quote.adjustments[0]).toMatchObject({ amount: 0, requestedAmount: 500, capped: true, shipping: true });
    expect(quote.total).toBe(5000);
  });
});

describe('free over a threshold (满 99 包邮)', () => {
  const method = freeOver(9900, 800);
  const fee = (goods: number) => priceCart({ currency: 'CNY', lines: [line('a', goods)], shipping: method }).shippingFee;

  it('charges below the threshold', () => expect(fee(9899)).toBe(800));
  it('is free exactly at the threshold', () => expect(fee(9900)).toBe(0));
  it('is free above the threshold', () => expect(fee(9901)).toBe(0));
  it('is free for any cart when the threshold is 0', () => {
    expect(priceCart({ currency: 'CNY', lines: [line('a', 0)], shipping: freeOver(0, 800) }).shippingFee).toBe(0);
  });

  it('without a flat fee costs nothing below the threshold', () => {
    expect(priceCart({ currency: 'CNY', lines: [line('a', 100)], shipping: freeOver(9900) }).shippingFee).toBe(0);
  });

  it('measures the goods total after discounts, not the subtotal', () => {
    const quote = priceCart({ currency: 'CNY', lines: [line('a', 10000)], shipping: method, adjustments: [adj('c', 'coupon', 101)] });
    expect(quote.goodsTotal).toBe(9899);
    expect(quote.shippingFee).toBe(800);
    const atThreshold = priceCart({ currency: 'CNY', lines: [line('a', 10000)], shipping: method, adjustments: [adj('c', 'coupon', 100)] });
    expect(atThreshold.goodsTotal).toBe(9900);
    expect(atThreshold.shippingFee).toBe(0);
  });

  it('counts points as a discount too', () => {
    const quote = priceCart({ currency: 'CNY', lines: [line('a', 10000)], shipping: method, adjustments: [adj('pts', 'points', 500)] });
    expect(quote.shippingFee).toBe(800);
  });

  it('a shipping discount on a free shipment is capped to 0', () => {
    const quote = priceCart({ currency: 'CNY', lines: [line('a', 10000)], shipping: method, adjustments: [adj('fs', 'coupon', 800, { shipping: true })] });
    expect(quote.shippingFee).toBe(0);
    expect(quote.adjustments[0]).toMatchObject({ amount: 0, capped: true });
  });
});

describe('by weight (首重 + 续重)', () => {
  // first 1000 g: 10.00; every started 500 g after: 3.00
  const feeFor = (grams: number, provinceCode?: string, method = byWeight()) =>
    priceCart({
      currency: 'CNY',
      lines: [line('a', 100, 1, grams)],
      shipping: method,
      ...(provinceCode ? { destination: { provinceCode } } : {}),
    }).shippingFee;

  it.each([
    [0, 1000],
    [1, 1000],
    [999, 1000],
    [1000, 1000],
    [1001, 1300],
    [1499, 1300],
    [1500, 1300],
    [1501, 1600],
    [2000, 1600],
    [2001, 1900],
    [10_000, 1000 + 18 * 300],
  ])('%i g costs %i', (grams, fee) => expect(feeFor(grams)).toBe(fee));

  it('weighs every unit of every line', () => {
    const quote = priceCart({
      currency: 'CNY',
      lines: [line('a', 100, 3, 250), line('b', 100, 2, 300)], // 750 + 600 = 1350 g
      shipping: byWeight(),
    });
    expect(quote.shippingFee).toBe(1300);
  });

  const regional = byWeight({
    regionFees: [
      { provinceCodes: ['650000', '540000'], firstFee: 2000, extraFee: 800 }, // 新疆, 西藏
      { provinceCodes: ['540000', '630000'], firstFee: 1500, extraFee: 500 }, // 西藏 again (never reached), 青海
    ],
  });

  it('uses a region override for its provinces', () => {
    expect(feeFor(2000, '650000', regional)).toBe(2000 + 2 * 800);
    expect(feeFor(500, '630000', regional)).toBe(1500);
    expect(feeFor(1200, '630000', regional)).toBe(1500 + 500);
  });

  it('the first region listing a province wins', () => {
    expect(feeFor(1200, '540000', regional)).toBe(2000 + 800);
  });

  it('falls back to the default fees elsewhere or without a destination', () => {
    expect(feeFor(2000, '110000', regional)).toBe(1600);
    expect(feeFor(2000, undefined, regional)).toBe(1600);
  });

  it('region fees can make it free', () => {
    const method = byWeight({ regionFees: [{ provinceCodes: ['310000'], firstFee: 0, extraFee: 0 }] });
    expect(feeFor(5000, '310000', method)).toBe(0);
  });

  it('a shipping discount takes from the weight fee and is capped at it', () => {
    const quote = priceCart({
      currency: 'CNY',
      lines: [line('a', 5000, 1, 1200)],
      shipping: byWeight(),
      adjustments: [adj('half', 'coupon', 650, { shipping: true }), adj('rest', 'manual', 10_000, { shipping: true })],
    });
    expect(quote.shippingFee).toBe(1300);
    expect(quote.shippingDiscount).toBe(1300);
    expect(quote.adjustments.map((a) => [a.id, a.amount, a.capped])).toEqual([
      ['half', 650, false],
      ['rest', 650, true],
    ]);
    expect(quote.total).toBe(5000);
  });
});

describe('extraSteps', () => {
  it('rounds started steps up', () => {
    expect(extraSteps(0, 1000, 500)).toBe(0);
    expect(extraSteps(1000, 1000, 500)).toBe(0);
    expect(extraSteps(1001, 1000, 500)).toBe(1);
    expect(extraSteps(1500, 1000, 500)).toBe(1);
    expect(extraSteps(1501, 1000, 500)).toBe(2);
    expect(extraSteps(7, 1, 1)).toBe(6);
  });

  it('is exact near the largest safe integer', () => {
    const max = Number.MAX_SAFE_INTEGER; // 2^53 − 1, odd
    // (max − 1) / 2 steps of 2 g leave 1 g over: one more step.
    expect(extraSteps(max, 0, 2)).toBe((max - 1) / 2 + 1);
    expect(extraSteps(max - 1, 0, 2)).toBe((max - 1) / 2);
    expect(extraSteps(max, 1, 3)).toBe(Number((BigInt(max - 1) + 2n) / 3n));
  });
});

describe('shippingFee directly', () => {
  it('null method is free', () => expect(shippingFee(null, { goodsTotal: 0, totalWeightGrams: 0 })).toBe(0));
});

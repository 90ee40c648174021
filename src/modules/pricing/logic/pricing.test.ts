import { describe, expect, it } from 'vitest';
import { PricingInputError, orderAdjustments, priceCart, type PricingInput } from './pricing.js';
import { adj, flat, line } from './test-fixtures.js';

const cart = (lines: PricingInput['lines'], adjustments: PricingInput['adjustments'] = [], shipping: PricingInput['shipping'] = null): PricingInput => ({
  currency: 'CNY',
  lines,
  shipping,
  adjustments,
});

const shares = (quote: ReturnType<typeof priceCart>) =>
  Object.fromEntries(quote.lines.map((l) => [l.lineId, l.discounts.map((d) => [d.adjustmentId, d.amount])]));

describe('no adjustments', () => {
  it('totals are unit price × quantity plus shipping', () => {
    const quote = priceCart(cart([line('a', 1999, 3), line('b', 500, 2, 0, { listPrice: 800 })], [], flat(1000)));
    expect(quote).toEqual({
      currency: 'CNY',
      lines: [
        { lineId: 'a', unitPrice: 1999, quantity: 3, subtotal: 5997, discounts: [], discountTotal: 0, total: 5997 },
        { lineId: 'b', unitPrice: 500, listPrice: 800, quantity: 2, subtotal: 1000, discounts: [], discountTotal: 0, total: 1000 },
      ],
      subtotal: 6997,
      discountTotal: 0,
      goodsTotal: 6997,
      shippingFee: 1000,
      shippingDiscount: 0,
      total: 7997,
      adjustments: [],
    });
  });

  it('keeps the currency', () => {
    expect(priceCart({ ...cart([line('a', 1)]), currency: 'USD' }).currency).toBe('USD');
  });

  it('an all-free cart costs 0', () => {
    expect(priceCart(cart([line('gift', 0, 5)])).total).toBe(0);
  });
});

describe('allocation of goods discounts', () => {
  it('splits in proportion to line totals', () => {
    const quote = priceCart(cart([line('a', 3000, 2), line('b', 4000)], [adj('c', 'coupon', 1000)]));
    expect(shares(quote)).toEqual({ a: [['c', 600]], b: [['c', 400]] });
    expect(quote.lines.map((l) => l.total)).toEqual([5400, 3600]);
    expect(quote.discountTotal).toBe(1000);
    expect(quote.total).toBe(9000);
  });

  it('gives the leftover minor units to the largest remainders, ties to the earlier line', () => {
    const quote = priceCart(cart([line('a', 100), line('b', 100), line('c', 100)], [adj('x', 'coupon', 100)]));
    expect(quote.lines.map((l) => l.discountTotal)).toEqual([34, 33, 33]);
    const uneven = priceCart(cart([line('a', 100), line('b', 200)], [adj('x', 'coupon', 100)]));
    expect(uneven.lines.map((l) => l.discountTotal)).toEqual([33, 67]);
  });

  it('a free line takes no share', () => {
    const quote = priceCart(cart([line('gift', 0), line('a', 1000)], [adj('c', 'coupon', 999)]));
    expect(shares(quote)).toEqual({ gift: [], a: [['c', 999]] });
  });

  it('appliesTo limits the discount to those lines', () => {
    const quote = priceCart(cart([line('a', 1000), line('b', 3000), line('c', 1000)], [adj('cat', 'coupon', 400, { appliesTo: ['c', 'a'] })]));
    expect(shares(quote)).toEqual({ a: [['cat', 200]], b: [], c: [['cat', 200]] });
  });

  it('breaks ties by cart order, whatever order appliesTo lists the lines in', () => {
    const forward = priceCart(cart([line('a', 100), line('b', 100)], [adj('x', 'coupon', 1, { appliesTo: ['a', 'b'] })]));
    const backward = priceCart(cart([line('a', 100), line('b', 100)], [adj('x', 'coupon', 1, { appliesTo: ['b', 'a'] })]));
    expect(shares(forward)).toEqual(shares(backward));
    expect(shares(forward)).toEqual({ a: [['x', 1]], b: [] });
  });

  it('a later slot is allocated on what the earlier slots left', () => {
    // member price takes a from 1000 to 200; the coupon then splits 600 as 200 : 1000 → 100 : 500
    const quote = priceCart(cart([line('a', 1000), line('b', 1000)], [adj('c', 'coupon', 600), adj('m', 'memberPrice', 800, { appliesTo: ['a'] })]));
    expect(shares(quote)).toEqual({ a: [['m', 800], ['c', 100]], b: [['c', 500]] });
    expect(quote.lines.map((l) => l.total)).toEqual([100, 500]);
  });
});

describe('pipeline order', () => {
  it('applies memberPrice → threshold → coupon → points → manual whatever the input order', () => {
    const input = [
      adj('manual', 'manual', 1),
      adj('pts', 'points', 1),
      adj('cpn', 'coupon', 1),
      adj('pct', 'thresholdPercentOff', 1),
      adj('mem', 'memberPrice', 1),
      adj('full', 'thresholdDiscount', 1),
    ];
    const quote = priceCart(cart([line('a', 10000)], input));
    expect(quote.adjustments.map((a) => a.id)).toEqual(['mem', 'pct', 'full', 'cpn', 'pts', 'manual']);
    expect(quote.lines[0].discounts.map((d) => d.adjustmentId)).toEqual(['mem', 'pct', 'full', 'cpn', 'pts', 'manual']);
    expect(orderAdjustments(input).map((a) => a.id)).toEqual(['mem', 'pct', 'full', 'cpn', 'pts', 'manual']);
  });

  it('order decides who gets capped: points after a coupon get what is left', () => {
    const quote = priceCart(cart([line('a', 1000)], [adj('pts', 'points', 800), adj('cpn', 'coupon', 500)]));
    expect(quote.adjustments).toMatchObject([
      { id: 'cpn', amount: 500, requestedAmount: 500, capped: false },
      { id: 'pts', amount: 500, requestedAmount: 800, capped: true },
    ]);
    expect(quote.total).toBe(0);
  });
});

describe('capping', () => {
  it('caps a discount at what is left and reports it', () => {
    const quote = priceCart(cart([line('a', 1000), line('b', 2000)], [adj('big', 'coupon', 5000)]));
    expect(quote.adjustments[0]).toMatchObject({ amount: 3000, requestedAmount: 5000, capped: true, shipping: false });
    expect(quote.lines.map((l) => l.total)).toEqual([0, 0]);
    expect(quote.discountTotal).toBe(3000);
  });

  it('caps within appliesTo, leaving other lines alone', () => {
    const quote = priceCart(cart([line('a', 1000), line('b', 2000)], [adj('c', 'coupon', 1500, { appliesTo: ['a'] })]));
    expect(quote.adjustments[0]).toMatchObject({ amount: 1000, capped: true });
    expect(quote.lines.map((l) => l.total)).toEqual([0, 2000]);
  });

  it('a discount with nothing left to take applies 0 and is still listed', () => {
    const quote = priceCart(cart([line('a', 500)], [adj('m', 'memberPrice', 500), adj('c', 'coupon', 100)]));
    expect(quote.adjustments[1]).toMatchObject({ id: 'c', amount: 0, capped: true });
    expect(quote.lines[0].discounts).toEqual([{ adjustmentId: 'm', amount: 500 }]);
  });

  it('a zero discount is not capped', () => {
    const quote = priceCart(cart([line('a', 500)], [adj('z', 'manual', 0)]));
    expect(quote.adjustments[0]).toMatchObject({ amount: 0, capped: false });
  });

  it('an amount as large as the largest safe integer is capped cleanly', () => {
    const quote = priceCart(cart([line('a', 333), line('b', 667)], [adj('all', 'manual', Number.MAX_SAFE_INTEGER)], flat(800)));
    expect(quote.discountTotal).toBe(1000);
    expect(quote.total).toBe(800);
  });
});

describe('shipping discounts', () => {
  it('go to the shipping fee, not to the lines', () => {
    const quote = priceCart(cart([line('a', 5000)], [adj('fs', 'coupon', 300, { shipping: true })], flat(1000)));
    expect(quote.shippingFee).toBe(1000);
    expect(quote.shippingDiscount).toBe(300);
    expect(quote.lines[0].discounts).toEqual([]);
    expect(quote.discountTotal).toBe(0);
    expect(quote.total).toBe(5000 + 1000 - 300);
  });

  it('a free-shipping coupon asks for everything and is capped at the fee', () => {
    const quote = priceCart(cart([line('a', 5000)], [adj('free', 'coupon', Number.MAX_SAFE_INTEGER, { shipping: true })], flat(1000)));
    expect(quote.shippingDiscount).toBe(1000);
    expect(quote.adjustments[0]).toMatchObject({ amount: 1000, capped: true, shipping: true });
    expect(quote.total).toBe(5000);
  });

  it('goods and shipping discounts are capped separately', () => {
    const quote = priceCart(cart([line('a', 100)], [adj('g', 'coupon', 500), adj('s', 'coupon', 500, { shipping: true })], flat(300)));
    expect(quote.adjustments.map((a) => [a.id, a.amount])).toEqual([
      ['g', 100],
      ['s', 300],
    ]);
    expect(quote.total).toBe(0);
  });
});

describe('input validation', () => {
  const good = (): PricingInput => cart([line('a', 100, 2, 10), line('b', 200)], [adj('c', 'coupon', 10)], flat(100));
  const cases: Array<[string, (input: PricingInput) => void, string, string]> = [
    ['lower-case currency', (i) => (i.currency = 'cny'), 'INVALID_CURRENCY', 'currency'],
    ['empty cart', (i) => (i.lines = []), 'EMPTY_CART', 'lines'],
    ['empty lineId', (i) => (i.lines[0].lineId = ''), 'INVALID_LINE', 'lines[0].lineId'],
    ['missing variantId', (i) => delete (i.lines[1] as Partial<PricingInput['lines'][0]>).variantId, 'INVALID_LINE', 'lines[1].variantId'],
    ['non-string categoryId', (i) => ((i.lines[0] as unknown as { categoryId: number }).categoryId = 3), 'INVALID_LINE', 'lines[0].categoryId'],
    ['duplicate lineId', (i) => (i.lines[1].lineId = 'a'), 'DUPLICATE_LINE', 'lines[1].lineId'],
    ['negative price', (i) => (i.lines[0].unitPrice = -1), 'INVALID_AMOUNT', 'lines[0].unitPrice'],
    ['fractional price', (i) => (i.lines[0].unitPrice = 9.99), 'INVALID_AMOUNT', 'lines[0].unitPrice'],
    ['NaN price', (i) => (i.lines[0].unitPrice = Number.NaN), 'INVALID_AMOUNT', 'lines[0].unitPrice'],
    ['string price', (i) => ((i.lines[0] as unknown as { unitPrice: string }).unitPrice = '100'), 'INVALID_AMOUNT', 'lines[0].unitPrice'],
    ['negative list price', (i) => (i.lines[0].listPrice = -5), 'INVALID_AMOUNT', 'lines[0].listPrice'],
    ['zero quantity', (i) => (i.lines[0].quantity = 0), 'INVALID_QUANTITY', 'lines[0].quantity'],
    ['fractional quantity', (i) => (i.lines[0].quantity = 1.5), 'INVALID_QUANTITY', 'lines[0].quantity'],
    ['negative weight', (i) => (i.lines[1].weightGrams = -1), 'INVALID_WEIGHT', 'lines[1].weightGrams'],
    ['fractional weight', (i) => (i.lines[1].weightGrams = 0.5), 'INVALID_WEIGHT', 'lines[1].weightGrams'],
    ['line subtotal overflow', (i) => ((i.lines[0].unitPrice = Number.MAX_SAFE_INTEGER), (i.lines[0].quantity = 2)), 'AMOUNT_TOO_LARGE', 'lines[0]'],
    ['cart subtotal overflow', (i) => ((i.lines[0].unitPrice = 2 ** 52), (i.lines[0].quantity = 1), (i.lines[1].unitPrice = 2 ** 52)), 'AMOUNT_TOO_LARGE', 'lines[1]'],
    ['undefined shipping', (i) => ((i as unknown as { shipping: undefined }).shipping = undefined), 'INVALID_SHIPPING_METHOD', 'shipping'],
    ['flat without fee', (i) => (i.shipping = { ...flat(1), flatFee: undefined }), 'INVALID_SHIPPING_METHOD', 'shipping.flatFee'],
    ['negative flat fee', (i) => (i.shipping = flat(-1)), 'INVALID_SHIPPING_METHOD', 'shipping.flatFee'],
    ['unknown shipping kind', (i) => (i.shipping = { ...flat(1), kind: 'drone' as 'flat' }), 'INVALID_SHIPPING_METHOD', 'shipping.kind'],
    ['freeOver without threshold', (i) => (i.shipping = { ...flat(1), kind: 'freeOver' }), 'INVALID_SHIPPING_METHOD', 'shipping.freeThreshold'],
    [
      'byWeight with a zero step',
      (i) => (i.shipping = { id: 'w', code: 'w', name: { 'zh-CN': 'w', en: 'w' }, kind: 'byWeight', firstWeightGrams: 1000, firstFee: 1, extraWeightGrams: 0, extraFee: 1 }),
      'INVALID_SHIPPING_METHOD',
      'shipping.extraWeightGrams',
    ],
    [
      'byWeight without extraFee',
      (i) => (i.shipping = { id: 'w', code: 'w', name: { 'zh-CN': 'w', en: 'w' }, kind: 'byWeight', firstWeightGrams: 1000, firstFee: 1, extraWeightGrams: 500 }),
      'INVALID_SHIPPING_METHOD',
      'shipping.extraFee',
    ],
    [
      'negative region fee',
      (i) => (i.shipping = { ...flat(1), regionFees: [{ provinceCodes: ['650000'], firstFee: 1, extraFee: -1 }] }),
      'INVALID_SHIPPING_METHOD',
      'shipping.regionFees[0].extraFee',
    ],
    ['empty province code', (i) => (i.destination = { provinceCode: '' }), 'INVALID_DESTINATION', 'destination.provinceCode'],
    ['negative adjustment', (i) => (i.adjustments![0].amount = -10), 'INVALID_ADJUSTMENT', 'adjustments[0].amount'],
    ['fractional adjustment', (i) => (i.adjustments![0].amount = 0.1), 'INVALID_ADJUSTMENT', 'adjustments[0].amount'],
    ['unknown adjustment kind', (i) => (i.adjustments![0].kind = 'bargain' as 'coupon'), 'INVALID_ADJUSTMENT', 'adjustments[0].kind'],
    ['label without en', (i) => (i.adjustments![0].label = { 'zh-CN': '券' } as never), 'INVALID_ADJUSTMENT', 'adjustments[0].label'],
    ['empty appliesTo', (i) => (i.adjustments![0].appliesTo = []), 'INVALID_ADJUSTMENT', 'adjustments[0].appliesTo'],
    ['appliesTo an unknown line', (i) => (i.adjustments![0].appliesTo = ['a', 'zzz']), 'UNKNOWN_LINE', 'adjustments[0].appliesTo'],
    ['appliesTo a line twice', (i) => (i.adjustments![0].appliesTo = ['a', 'a']), 'INVALID_ADJUSTMENT', 'adjustments[0].appliesTo'],
    ['appliesTo with shipping', (i) => ((i.adjustments![0].appliesTo = ['a']), (i.adjustments![0].shipping = true)), 'INVALID_ADJUSTMENT', 'adjustments[0].appliesTo'],
    ['duplicate adjustment id', (i) => i.adjustments!.push(adj('c', 'points', 1)), 'DUPLICATE_ADJUSTMENT', 'adjustments[1].id'],
  ];

  it('the untouched input is valid', () => expect(() => priceCart(good())).not.toThrow());

  it.each(cases)('rejects %s', (_name, mutate, code, path) => {
    const input = good();
    mutate(input);
    let thrown: unknown;
    try {
      priceCart(input);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(PricingInputError);
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toMatchObject({ name: 'PricingInputError', code, path });
  });

  it('does not modify its input', () => {
    const input = good();
    const copy = structuredClone(input);
    priceCart(input);
    expect(input).toEqual(copy);
  });
});

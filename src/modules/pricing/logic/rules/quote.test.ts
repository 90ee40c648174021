import { describe, expect, it } from 'vitest';
import { PricingInputError } from '../errors.js';
import { flat, freeOver, line } from '../test-fixtures.js';
import type { PricingInput } from '../types.js';
import { POINTS_ADJUSTMENT_ID, quoteWithRules } from './quote.js';
import type { PricingContext, PricingRule } from './types.js';

const now = '2026-06-18T04:00:00.000Z';
const ctx: PricingContext = { now };
const cart = (lines: PricingInput['lines'], shipping: PricingInput['shipping'] = null): PricingInput => ({ currency: 'CNY', lines, shipping });
const rule = (id: string, action: PricingRule['action'], extra: Partial<PricingRule> = {}): PricingRule => ({
  id,
  source: 'promotion',
  name: { 'zh-CN': `活动${id}`, en: `Offer ${id}` },
  action,
  ...extra,
});
const coupon = (id: string, action: PricingRule['action'], extra: Partial<PricingRule> = {}) => rule(id, action, { source: 'coupon', name: { 'zh-CN': `券${id}`, en: `Coupon ${id}` }, ...extra });
const texts = (q: ReturnType<typeof quoteWithRules>, locale: 'zh-CN' | 'en' = 'zh-CN') => q.explanations.map((e) => e.text[locale]);

describe('满减 (amount off over a threshold)', () => {
  const m300 = rule('m300', { kind: 'amountOff', threshold: 30000, amount: 4000 });

  it('applies at the threshold and explains itself in both languages', () => {
    const q = quoteWithRules(cart([line('a', 15000, 2)]), [m300], ctx);
    expect(q.quote.total).toBe(26000);
    expect(q.applied).toEqual([{ ruleId: 'm300', source: 'promotion', amount: 4000 }]);
    expect(texts(q)).toEqual(['「活动m300」已优惠¥40']);
    expect(texts(q, 'en')).toEqual(['"Offer m300": you save ¥40']);
  });

  it('below the threshold it hints how much more (凑单)', () => {
    const q = quoteWithRules(cart([line('a', 25010)]), [m300], ctx);
    expect(q.quote.total).toBe(25010);
    expect(q.hints).toEqual([{ ruleId: 'm300', missing: 4990, reward: 4000, text: { 'zh-CN': '再买¥49.9可减¥40（「活动m300」）', en: 'Add ¥49.9 more to save ¥40 ("Offer m300")' } }]);
  });

  it('每满 repeats up to its cap, and hints the next step', () => {
    const every = rule('e', { kind: 'amountOff', threshold: 10000, amount: 1000, every: true, cap: 3000 });
    const q = quoteWithRules(cart([line('a', 25000)]), [every], ctx);
    expect(q.applied[0].amount).toBe(2000);
    expect(q.hints[0]).toMatchObject({ missing: 5000, reward: 1000 });
    const capped = quoteWithRules(cart([line('a', 90000)]), [every], ctx);
    expect(capped.applied[0].amount).toBe(3000);
    expect(capped.hints).toEqual([]);
  });

  it('measures and discounts only the lines in scope', () => {
    const tea = rule('tea', { kind: 'amountOff', threshold: 10000, amount: 2000 }, { scope: { categoryIds: ['tea'] } });
    const q = quoteWithRules(cart([line('a', 8000, 1, 0, { categoryId: 'tea' }), line('b', 9000, 1, 0, { categoryId: 'cups' })]), [tea], ctx);
    expect(q.applied).toEqual([]);
    expect(q.hints[0].missing).toBe(2000);
    const enough = quoteWithRules(cart([line('a', 8000, 2, 0, { categoryId: 'tea' }), line('b', 9000, 1, 0, { categoryId: 'cups' })]), [tea], ctx);
    expect(enough.quote.lines.map((l) => l.discountTotal)).toEqual([2000, 0]);
  });
});

describe('conditions', () => {
  const base = { kind: 'amountOff', amount: 500 } as const;
  it('tier, tag, new customer, channel and the time window', () => {
    const rules = [
      rule('gold', base, { conditions: { tiers: ['gold'] } }),
      rule('vip', base, { conditions: { tags: ['vip'] } }),
      rule('new', base, { conditions: { newCustomersOnly: true } }),
      rule('live', base, { conditions: { channels: ['livestream'] } }),
      rule('618', base, { conditions: { startsAt: '2026-06-18T00:00:00Z', endsAt: '2026-06-19T00:00:00Z' } }),
    ];
    const who = (c: Partial<PricingContext>) => quoteWithRules(cart([line('a', 10000)]), rules, { now, ...c }).applied.map((a) => a.ruleId).sort();
    expect(who({})).toEqual(['618']);
    expect(who({ tier: 'gold', tags: ['vip'], newCustomer: true, channel: 'livestream' })).toEqual(['618', 'gold', 'live', 'new', 'vip']);
    expect(who({ now: '2026-06-19T00:00:00Z', tier: 'silver' })).toEqual([]);
  });

  it('minimum quantity of the scope', () => {
    const two = rule('two', { kind: 'percentOff', percentOff: 10 }, { conditions: { minQuantity: 2 } });
    expect(quoteWithRules(cart([line('a', 1000)]), [two], ctx).applied).toEqual([]);
  });
});

describe('unit prices: member price and product discounts', () => {
  const member = rule('member', { kind: 'memberPrice', tiers: [{ tier: 'gold', percentOff: 10, prices: [{ variantId: 'v-b', price: 700 }] }] });
  const sale = rule('sale', { kind: 'unitDiscount', amountOff: 150 }, { scope: { productIds: ['p-a'] } });

  it('each line takes its cheapest unit price, and later thresholds see it', () => {
    const m = rule('m', { kind: 'amountOff', threshold: 2800, amount: 300 });
    const q = quoteWithRules(cart([line('a', 1000, 2), line('b', 1000)]), [member, sale, m], { now, tier: 'gold' });
    // a: 直降 150 beats 10% (100); b: the listed gold price 700 beats 10%.
    expect(q.quote.lines.map((l) => l.discounts)).toEqual([
      [{ adjustmentId: 'sale', amount: 300 }],
      [{ adjustmentId: 'member', amount: 300 }],
    ]);
    // 1700 + 700 = 2400 < 2800: no 满减.
    expect(q.quote.total).toBe(2400);
    expect(q.hints[0]).toMatchObject({ ruleId: 'm', missing: 400 });
  });

  it('a shopper without the tier pays the sale price only', () => {
    const q = quoteWithRules(cart([line('a', 1000), line('b', 1000)]), [member, sale], ctx);
    expect(q.quote.total).toBe(1850);
  });
});

describe('stacking', () => {
  it('one rule per group, the best for the shopper; groups combine', () => {
    const rules = [
      rule('small', { kind: 'amountOff', threshold: 10000, amount: 1000 }, { stacking: { group: 'festival', priority: 5 } }),
      rule('big', { kind: 'percentOff', percentOff: 20, threshold: 10000 }, { stacking: { group: 'festival' } }),
      rule('other', { kind: 'amountOff', amount: 100 }),
    ];
    const q = quoteWithRules(cart([line('a', 20000)]), rules, ctx);
    expect(q.applied.map((a) => [a.ruleId, a.amount])).toEqual([['big', 4000], ['other', 100]]);
  });

  it('an exclusive promotion applies alone when it is the better deal, and says what it left out', () => {
    const solo = rule('solo', { kind: 'percentOff', percentOff: 30 }, { stacking: { exclusive: true } });
    const a = rule('a', { kind: 'amountOff', amount: 1000 });
    const b = rule('b', { kind: 'amountOff', amount: 1000 });
    const q = quoteWithRules(cart([line('x', 10000)]), [a, b, solo], ctx);
    expect(q.applied.map((r) => r.ruleId)).toEqual(['solo']);
    expect(q.quote.total).toBe(7000);
    expect(texts(q)).toContain('「活动a」不与「活动solo」同享');
    // When the stack is better, the stack wins.
    const q2 = quoteWithRules(cart([line('x', 10000)]), [a, b, rule('solo', { kind: 'percentOff', percentOff: 10 }, { stacking: { exclusive: true } })], ctx);
    expect(q2.applied.map((r) => r.ruleId).sort()).toEqual(['a', 'b']);
  });

  it('coupons measure their threshold on what promotions left', () => {
    const m = rule('m', { kind: 'amountOff', threshold: 10000, amount: 2000 });
    const c = coupon('c', { kind: 'amountOff', threshold: 9000, amount: 1000 });
    expect(quoteWithRules(cart([line('a', 10000)]), [m, c], ctx).applied.map((a) => a.ruleId)).toEqual(['m']);
    const q = quoteWithRules(cart([line('a', 11000)]), [m, c], ctx);
    expect(q.applied.map((a) => a.ruleId)).toEqual(['m', 'c']);
    expect(q.quote.total).toBe(8000);
  });

  it('a coupon that does not combine: the better of the two for the shopper, and the other is named', () => {
    const m = rule('m', { kind: 'amountOff', threshold: 10000, amount: 2000 }, { stacking: { withCoupons: false } });
    const big = coupon('big', { kind: 'amountOff', amount: 3000 });
    const q = quoteWithRules(cart([line('a', 10000)]), [m, big], ctx);
    expect(q.applied.map((a) => a.ruleId)).toEqual(['big']);
    expect(texts(q)).toContain('「活动m」不与「券big」同享');
    const small = coupon('small', { kind: 'amountOff', amount: 1000 });
    const q2 = quoteWithRules(cart([line('a', 10000)]), [m, small], ctx);
    expect(q2.applied.map((a) => a.ruleId)).toEqual(['m']);
    expect(texts(q2)).toContain('优惠券「券small」不与「活动m」同享');
    expect(texts(q2, 'en')).toContain('Coupon "Coupon small" can\'t be combined with "Offer m"');
  });

  it('one goods coupon and one shipping coupon at most; the better goods coupon wins', () => {
    const c1 = coupon('c1', { kind: 'amountOff', amount: 500 });
    const c2 = coupon('c2', { kind: 'percentOff', percentOff: 10 });
    const ship = coupon('ship', { kind: 'freeShipping' });
    const q = quoteWithRules(cart([line('a', 10000)], flat(800)), [c1, c2, ship], ctx);
    expect(q.applied.map((a) => [a.ruleId, a.amount])).toEqual([['c2', 1000], ['ship', 800]]);
    expect(q.quote.total).toBe(9000);
  });

  it('products that take no coupon are left out of a coupon, not of promotions', () => {
    const c = coupon('c', { kind: 'percentOff', percentOff: 50 });
    const q = quoteWithRules(cart([line('a', 1000, 1, 0, { noCoupons: true }), line('b', 1000)]), [c], ctx);
    expect(q.quote.lines.map((l) => l.discountTotal)).toEqual([0, 500]);
    const only = quoteWithRules(cart([line('a', 1000, 1, 0, { noCoupons: true })]), [c], ctx);
    expect(texts(only)).toEqual(['优惠券「券c」不适用于购物车中的商品']);
  });

  it('a chosen coupon outside its window or tier is explained, not applied', () => {
    const c = coupon('c', { kind: 'amountOff', amount: 500 }, { conditions: { endsAt: '2026-06-01T00:00:00Z' } });
    const q = quoteWithRules(cart([line('a', 1000)]), [c], ctx);
    expect(q.applied).toEqual([]);
    expect(texts(q, 'en')).toEqual(['Coupon "Coupon c" can\'t be used now']);
  });
});

describe('free shipping and gifts', () => {
  it('满额包邮 waives the fee once the goods reach it', () => {
    const free = rule('free', { kind: 'freeShipping', threshold: 9900 });
    expect(quoteWithRules(cart([line('a', 9900)], flat(1000)), [free], ctx).quote).toMatchObject({ shippingFee: 1000, shippingDiscount: 1000, total: 9900 });
    const short = quoteWithRules(cart([line('a', 9000)], flat(1000)), [free], ctx);
    expect(short.quote.total).toBe(10000);
    expect(short.hints[0]).toMatchObject({ missing: 900, reward: 0, text: { 'zh-CN': '再买¥9可享「活动free」' } });
  });

  it('买二送一 on the same line: every third unit free', () => {
    const b2g1 = rule('b2g1', { kind: 'buyXGetY', buy: 2, get: 1 });
    const q = quoteWithRules(cart([line('a', 1000, 7)]), [b2g1], ctx);
    expect(q.quote.total).toBe(5000);
  });

  it('a gift line is added at no cost, and weighs in the parcel', () => {
    const gift = rule('gift', { kind: 'buyXGetY', buy: 2, get: 1, gift: { variantId: 'v-g', productId: 'p-g', unitPrice: 1500, weightGrams: 100, quantity: 1 } });
    const q = quoteWithRules(cart([line('a', 1000, 4)]), [gift], ctx);
    const g = q.quote.lines.find((l) => l.gift)!;
    expect(g).toMatchObject({ lineId: 'gift:gift', quantity: 2, subtotal: 3000, total: 0 });
    expect(q.quote.lines[0].lineId).toBe('a');
    expect(q.quote.total).toBe(4000);
  });
});

describe('points', () => {
  const offer = { balance: 5000, pointsPerUnit: 100, unitValue: 100, maxShareBps: 5000 };

  it('pay after coupons, in whole blocks, within their share of the goods', () => {
    const q = quoteWithRules(cart([line('a', 10000)]), [coupon('c', { kind: 'amountOff', amount: 2000 })], { now, points: 3050 }, offer);
    expect(q.points).toEqual({ used: 3000, value: 3000 });
    expect(q.quote.total).toBe(5000);
    expect(q.quote.adjustments.map((a) => a.id)).toEqual(['c', POINTS_ADJUSTMENT_ID]);
    const capped = quoteWithRules(cart([line('a', 4000)]), [], { now, points: 5000 }, offer);
    expect(capped.points).toEqual({ used: 2000, value: 2000 });
    expect(texts(capped)).toContain('积分最多抵扣商品金额的50%，本单用2000积分');
  });

  it('never more than the balance, and not with a rule that refuses them', () => {
    expect(quoteWithRules(cart([line('a', 100000)]), [], { now, points: 9000 }, offer).points).toEqual({ used: 5000, value: 5000 });
    const no = rule('no', { kind: 'amountOff', amount: 100 }, { stacking: { withPoints: false } });
    const q = quoteWithRules(cart([line('a', 10000)]), [no], { now, points: 1000 }, offer);
    expect(q.points).toBeNull();
    expect(texts(q)).toContain('「活动no」不可与积分同享');
  });
});

describe('bad rules are refused, never priced', () => {
  it.each([
    ['percent over 100', rule('x', { kind: 'percentOff', percentOff: 150 })],
    ['negative amount', rule('x', { kind: 'amountOff', amount: -1 })],
    ['fractional amount', rule('x', { kind: 'amountOff', amount: 1.5 })],
    ['every without threshold', rule('x', { kind: 'amountOff', amount: 100, every: true })],
    ['a coupon giving a gift', coupon('x', { kind: 'buyXGetY', buy: 1, get: 1 })],
    ['an unreadable window', rule('x', { kind: 'amountOff', amount: 1 }, { conditions: { startsAt: 'soon' } })],
  ])('%s', (_what, bad) => {
    expect(() => quoteWithRules(cart([line('a', 1000)]), [bad], ctx)).toThrow(PricingInputError);
  });

  it('two rules with one id, and a context without a time', () => {
    const r = rule('x', { kind: 'amountOff', amount: 1 });
    expect(() => quoteWithRules(cart([line('a', 1000)]), [r, r], ctx)).toThrow(/appears twice/);
    expect(() => quoteWithRules(cart([line('a', 1000)]), [], { now: 'yesterday' })).toThrow(PricingInputError);
  });
});

describe('free shipping over a threshold of the store, after promotions', () => {
  it('the store rule measures goods after every discount', () => {
    const m = rule('m', { kind: 'amountOff', threshold: 10000, amount: 2000 });
    const q = quoteWithRules(cart([line('a', 10000)], freeOver(9000, 1000)), [m], ctx);
    expect(q.quote).toMatchObject({ goodsTotal: 8000, shippingFee: 1000, total: 9000 });
  });
});

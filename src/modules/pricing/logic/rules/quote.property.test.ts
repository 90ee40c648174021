import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refundableAmounts } from '../refund.js';
import type { PricingInput, PricingLine, ShippingMethod } from '../types.js';
import { quoteWithRules } from './quote.js';
import type { PointsOffer, PricingContext, PricingRule, RuleAction } from './types.js';

/**
 * Properties of the rule layer over random carts, rules and shoppers (issue 12): the total is
 * never negative, no discount exceeds its base, every discount is allocated to lines exactly,
 * the order of the inputs changes nothing, and refunding any subset of units returns exactly what
 * was paid for them.
 */

const categories = ['tea', 'cups', 'snacks'];
const brands = ['b1', 'b2'];
const tiers = ['silver', 'gold'];

const linesArb: fc.Arbitrary<PricingLine[]> = fc
  .array(
    fc.record({
      unitPrice: fc.integer({ min: 0, max: 50_000 }),
      quantity: fc.integer({ min: 1, max: 9 }),
      weightGrams: fc.integer({ min: 0, max: 3000 }),
      categoryId: fc.constantFrom(...categories),
      brandId: fc.constantFrom(...brands),
      noCoupons: fc.boolean(),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((rows) => rows.map((row, i) => ({ lineId: `l${i}`, variantId: `v${i}`, productId: `p${i % 4}`, ...row })));

const money = fc.integer({ min: 0, max: 60_000 });
const percent = fc.integer({ min: 1, max: 99 });

const orderAction: fc.Arbitrary<RuleAction> = fc.oneof(
  fc.record({ kind: fc.constant('amountOff' as const), amount: money, threshold: fc.option(fc.integer({ min: 1, max: 60_000 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('amountOff' as const), amount: money, threshold: fc.integer({ min: 1, max: 30_000 }), every: fc.constant(true), cap: fc.option(money, { nil: undefined }) }),
  fc.record({ kind: fc.constant('percentOff' as const), percentOff: percent, threshold: fc.option(money, { nil: undefined }), cap: fc.option(money, { nil: undefined }) }),
  fc.record({ kind: fc.constant('freeShipping' as const), threshold: fc.option(money, { nil: undefined }) }),
);
const promotionAction: fc.Arbitrary<RuleAction> = fc.oneof(
  orderAction,
  fc.record({ kind: fc.constant('unitDiscount' as const), amountOff: money }),
  fc.record({ kind: fc.constant('unitDiscount' as const), percentOff: percent }),
  fc.record({ kind: fc.constant('memberPrice' as const), tiers: fc.constant([{ tier: 'gold', percentOff: 5, prices: [{ variantId: 'v0', price: 100 }] }]) }),
  fc.record({ kind: fc.constant('buyXGetY' as const), buy: fc.integer({ min: 1, max: 3 }), get: fc.integer({ min: 1, max: 2 }) }),
  fc.record({
    kind: fc.constant('buyXGetY' as const),
    buy: fc.integer({ min: 1, max: 4 }),
    get: fc.constant(1),
    gift: fc.record({ variantId: fc.constant('vg'), productId: fc.constant('pg'), unitPrice: money, weightGrams: fc.integer({ min: 0, max: 500 }), quantity: fc.integer({ min: 1, max: 2 }) }),
  }),
);

const scopeArb = fc.option(
  fc.record({
    productIds: fc.option(fc.subarray(['p0', 'p1', 'p2', 'p3']), { nil: undefined }),
    categoryIds: fc.option(fc.subarray(categories), { nil: undefined }),
    brandIds: fc.option(fc.subarray(brands), { nil: undefined }),
    excludeProductIds: fc.option(fc.subarray(['p0', 'p1']), { nil: undefined }),
  }),
  { nil: undefined },
);
const stackingArb = fc.record({
  group: fc.option(fc.constantFrom('g1', 'g2'), { nil: undefined }),
  priority: fc.integer({ min: 0, max: 3 }),
  exclusive: fc.boolean(),
  withCoupons: fc.boolean(),
  withPromotions: fc.boolean(),
  withPoints: fc.boolean(),
});
const conditionsArb = fc.option(
  fc.record({ tiers: fc.option(fc.subarray(tiers, { minLength: 1 }), { nil: undefined }), minQuantity: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }) }),
  { nil: undefined },
);

const rulesArb: fc.Arbitrary<PricingRule[]> = fc
  .tuple(
    fc.array(fc.record({ action: promotionAction, scope: scopeArb, stacking: stackingArb, conditions: conditionsArb }), { maxLength: 6 }),
    fc.array(fc.record({ action: orderAction, scope: scopeArb, stacking: stackingArb, conditions: conditionsArb }), { maxLength: 3 }),
  )
  .map(([promotions, coupons]) => [
    ...promotions.map((r, i): PricingRule => ({ id: `r${i}`, source: 'promotion', name: { 'zh-CN': `活动${i}`, en: `Offer ${i}` }, ...r })),
    ...coupons.map((r, i): PricingRule => ({ id: `c${i}`, source: 'coupon', name: { 'zh-CN': `券${i}`, en: `Coupon ${i}` }, ...r })),
  ]);

const shippingArb: fc.Arbitrary<ShippingMethod | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 2000 }).map((flatFee): ShippingMethod => ({ id: 's', code: 'flat', name: { 'zh-CN': '快递', en: 'Express' }, kind: 'flat', flatFee })),
  fc.integer({ min: 0, max: 60_000 }).map((freeThreshold): ShippingMethod => ({ id: 's', code: 'free', name: { 'zh-CN': '快递', en: 'Express' }, kind: 'freeOver', freeThreshold, flatFee: 800 })),
);
const ctxArb: fc.Arbitrary<PricingContext> = fc.record({ now: fc.constant('2026-11-11T00:00:00Z'), tier: fc.option(fc.constantFrom(...tiers), { nil: undefined }), points: fc.integer({ min: 0, max: 20_000 }) });
const offerArb: fc.Arbitrary<PointsOffer | null> = fc.option(
  fc.record({ balance: fc.integer({ min: 0, max: 20_000 }), pointsPerUnit: fc.constantFrom(1, 10, 100), unitValue: fc.constantFrom(1, 10, 100), maxShareBps: fc.integer({ min: 0, max: 10_000 }) }),
  { nil: null },
);

const caseArb = fc.record({ lines: linesArb, rules: rulesArb, shipping: shippingArb, ctx: ctxArb, offer: offerArb });
const input = (lines: PricingLine[], shipping: ShippingMethod | null): PricingInput => ({ currency: 'CNY', lines, shipping });

describe('the rule layer, over random carts and rules', () => {
  it('never a negative total, no discount above its base, allocations exact', () => {
    fc.assert(
      fc.property(caseArb, ({ lines, rules, shipping, ctx, offer }) => {
        const { quote, applied, points } = quoteWithRules(input(lines, shipping), rules, ctx, offer);
        expect(quote.total).toBeGreaterThanOrEqual(0);
        for (const line of quote.lines) {
          expect(line.discountTotal).toBeLessThanOrEqual(line.subtotal);
          expect(line.total).toBeGreaterThanOrEqual(0);
          expect(line.discounts.reduce((t, d) => t + d.amount, 0)).toBe(line.discountTotal);
          if (line.gift) expect(line.total).toBe(0);
        }
        for (const adj of quote.adjustments) {
          if (adj.shipping) continue;
          const allocated = quote.lines.reduce((t, l) => t + (l.discounts.find((d) => d.adjustmentId === adj.id)?.amount ?? 0), 0);
          expect(allocated).toBe(adj.amount);
        }
        expect(quote.shippingDiscount).toBeLessThanOrEqual(quote.shippingFee);
        expect(applied.every((a) => a.amount > 0)).toBe(true);
        if (points) {
          expect(points.used).toBeLessThanOrEqual(Math.min(ctx.points ?? 0, offer!.balance));
          expect(points.value).toBeLessThanOrEqual(Math.floor(((quote.goodsTotal + points.value) * offer!.maxShareBps) / 10_000));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the order of the lines and of the rules changes nothing', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), ({ lines, rules, shipping, ctx, offer }, seed) => {
        const a = quoteWithRules(input(lines, shipping), rules, ctx, offer);
        const shuffle = <T>(xs: T[]) => xs.map((x, i) => [x, ((i + 1) * 2654435761 + seed) % 1000] as const).sort((p, q) => p[1] - q[1]).map((p) => p[0]);
        const b = quoteWithRules(input(shuffle(lines), shipping), shuffle(rules), ctx, offer);
        const byLine = (q: typeof a) => Object.fromEntries(q.quote.lines.map((l) => [l.lineId, l]));
        expect(byLine(b)).toEqual(byLine(a));
        expect(b.quote.total).toBe(a.quote.total);
        expect(b.applied).toEqual(a.applied);
        expect(b.points).toEqual(a.points);
      }),
      { numRuns: 300 },
    );
  });

  it('refunding any subset of units returns exactly what was paid for them', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }), ({ lines, rules, shipping, ctx, offer }, takes) => {
        const { quote } = quoteWithRules(input(lines, shipping), rules, ctx, offer);
        // Two refunds: some units first, the rest after; together they return each line's total.
        const first = quote.lines.map((l, i) => ({ lineId: l.lineId, quantity: Math.min(takes[i % 10], l.quantity) }));
        const r1 = refundableAmounts(quote, first.filter((r) => r.quantity > 0));
        const r2 = refundableAmounts(
          quote,
          quote.lines.map((l, i) => ({ lineId: l.lineId, quantity: l.quantity - first[i].quantity, alreadyRefundedQuantity: first[i].quantity })).filter((r) => r.quantity > 0),
        );
        expect(r1.total + r2.total).toBe(quote.goodsTotal);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADJUSTMENT_KINDS,
  SLOT_OF_KIND,
  orderAdjustments,
  priceCart,
  refundableAmounts,
  type Adjustment,
  type PriceQuote,
  type PricingInput,
  type PricingLine,
  type ShippingMethod,
} from './pricing.js';

const label = { 'zh-CN': '优惠', en: 'Discount' };
const name = { 'zh-CN': '快递', en: 'Express' };

function linesArb(maxPrice: number): fc.Arbitrary<PricingLine[]> {
  return fc
    .array(
      fc.record({
        unitPrice: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: maxPrice })),
        quantity: fc.integer({ min: 1, max: 25 }),
        weightGrams: fc.integer({ min: 0, max: 5000 }),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((rows) => rows.map((row, i) => ({ lineId: `l${i}`, variantId: `v${i}`, productId: `p${i}`, ...row })));
}

const shippingArb: fc.Arbitrary<ShippingMethod | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 5000 }).map((flatFee): ShippingMethod => ({ id: 's', code: 'flat', name, kind: 'flat', flatFee })),
  fc
    .record({ freeThreshold: fc.integer({ min: 0, max: 200_000 }), flatFee: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }) })
    .map(({ freeThreshold, flatFee }): ShippingMethod => ({ id: 's', code: 'free', name, kind: 'freeOver', freeThreshold, ...(flatFee === undefined ? {} : { flatFee }) })),
  fc
    .record({
      firstWeightGrams: fc.integer({ min: 1, max: 3000 }),
      firstFee: fc.integer({ min: 0, max: 3000 }),
      extraWeightGrams: fc.integer({ min: 1, max: 2000 }),
      extraFee: fc.integer({ min: 0, max: 1000 }),
      regional: fc.boolean(),
    })
    .map(({ regional, ...fees }): ShippingMethod => ({
      id: 's',
      code: 'weight',
      name,
      kind: 'byWeight',
      ...fees,
      ...(regional ? { regionFees: [{ provinceCodes: ['650000'], firstFee: fees.firstFee * 2, extraFee: fees.extraFee * 2 }] } : {}),
    })),
);

function adjustmentsArb(lineCount: number, maxAmount: number): fc.Arbitrary<Adjustment[]> {
  const one = fc.record({
    kind: fc.constantFrom(...ADJUSTMENT_KINDS),
    amount: fc.oneof(fc.integer({ min: 0, max: maxAmount }), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(0)),
    target: fc.oneof(
      fc.constant<'all'>('all'),
      fc.constant<'shipping'>('shipping'),
      fc.subarray(Array.from({ length: lineCount }, (_, i) => `l${i}`), { minLength: 1 }).chain((ids) => fc.shuffledSubarray(ids, { minLength: ids.length })),
    ),
  });
  return fc.array(one, { maxLength: 8 }).map((rows) =>
    rows.map((row, i): Adjustment => ({
      id: `a${i}`,
      kind: row.kind,
      label,
      amount: row.amount,
      ...(row.target === 'shipping' ? { shipping: true } : row.target === 'all' ? {} : { appliesTo: row.target }),
    })),
  );
}

function cartArb(maxPrice: number, maxAmount: number): fc.Arbitrary<PricingInput> {
  return linesArb(maxPrice).chain((lines) =>
    fc.record({
      currency: fc.constantFrom('CNY', 'USD'),
      lines: fc.constant(lines),
      shipping: shippingArb,
      destination: fc.option(fc.constantFrom('650000', '110000').map((provinceCode) => ({ provinceCode })), { nil: undefined }),
      adjustments: adjustmentsArb(lines.length, maxAmount),
    }),
  ).map((input) => {
    const { destination, ...rest } = input;
    return destination ? { ...rest, destination } : rest;
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function checkInvariants(input: PricingInput, quote: PriceQuote): void {
  const all = [quote.subtotal, quote.discountTotal, quote.goodsTotal, quote.shippingFee, quote.shippingDiscount, quote.total];
  for (const line of quote.lines) all.push(line.subtotal, line.discountTotal, line.total, ...line.discounts.map((d) => d.amount));
  for (const a of quote.adjustments) all.push(a.amount);
  for (const value of all) {
    expect(Number.isSafeInteger(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
  }

  quote.lines.forEach((line, i) => {
    expect(line.lineId).toBe(input.lines[i].lineId);
    expect(line.subtotal).toBe(input.lines[i].unitPrice * input.lines[i].quantity);
    expect(sum(line.discounts.map((d) => d.amount))).toBe(line.discountTotal);
    expect(line.total).toBe(line.subtotal - line.discountTotal);
    expect(line.discountTotal).toBeLessThanOrEqual(line.subtotal);
    for (const d of line.discounts) expect(d.amount).toBeGreaterThan(0);
  });
  expect(sum(quote.lines.map((l) => l.subtotal))).toBe(quote.subtotal);
  expect(sum(quote.lines.map((l) => l.total))).toBe(quote.goodsTotal);
  expect(sum(quote.lines.map((l) => l.discountTotal))).toBe(quote.discountTotal);
  expect(quote.goodsTotal).toBe(quote.subtotal - quote.discountTotal);
  expect(quote.total).toBe(quote.subtotal - quote.discountTotal + quote.shippingFee - quote.shippingDiscount);
  expect(quote.shippingDiscount).toBeLessThanOrEqual(quote.shippingFee);

  // Each adjustment: applied ≤ requested, capped iff cut, its line shares add up to it, shipping ones total the shipping discount.
  expect(quote.adjustments.map((a) => a.id)).toEqual(orderAdjustments(input.adjustments ?? []).map((a) => a.id));
  for (const a of quote.adjustments) {
    expect(a.amount).toBeLessThanOrEqual(a.requestedAmount);
    expect(a.capped).toBe(a.amount < a.requestedAmount);
    const onLines = sum(quote.lines.flatMap((l) => l.discounts.filter((d) => d.adjustmentId === a.id).map((d) => d.amount)));
    expect(onLines).toBe(a.shipping ? 0 : a.amount);
  }
  expect(sum(quote.adjustments.filter((a) => a.shipping).map((a) => a.amount))).toBe(quote.shippingDiscount);
}

/** Replays the pipeline independently: each goods adjustment takes min(asked, room) and each share is within 1 of exact. */
function checkAllocation(input: PricingInput, quote: PriceQuote): void {
  const remaining = quote.lines.map((l) => l.subtotal);
  for (const adj of orderAdjustments(input.adjustments ?? [])) {
    if (adj.shipping) continue;
    const targets = new Set(adj.appliesTo ?? quote.lines.map((l) => l.lineId));
    const indexes = quote.lines.map((l, i) => (targets.has(l.lineId) ? i : -1)).filter((i) => i >= 0);
    const room = sum(indexes.map((i) => remaining[i]));
    const applied = quote.adjustments.find((a) => a.id === adj.id)!.amount;
    expect(applied).toBe(Math.min(adj.amount, room));
    quote.lines.forEach((line, i) => {
      const share = line.discounts.find((d) => d.adjustmentId === adj.id)?.amount ?? 0;
      if (!targets.has(line.lineId)) {
        expect(share).toBe(0);
        return;
      }
      expect(share).toBeLessThanOrEqual(remaining[i]);
      // |share − applied × remaining / room| < 1, in exact integer arithmetic.
      if (room > 0) {
        const diff = BigInt(share) * BigInt(room) - BigInt(applied) * BigInt(remaining[i]);
        expect(diff < BigInt(room) && -diff < BigInt(room)).toBe(true);
      }
      remaining[i] -= share;
    });
  }
  expect(remaining).toEqual(quote.lines.map((l) => l.total));
}

describe('priceCart properties', () => {
  it('random carts and adjustments keep every invariant and allocate proportionally', () => {
    fc.assert(
      fc.property(cartArb(100_000, 300_000), (input) => {
        const quote = priceCart(input);
        checkInvariants(input, quote);
        checkAllocation(input, quote);
      }),
      { numRuns: 1500 },
    );
  });

  it('holds with huge prices and amounts too', () => {
    fc.assert(
      fc.property(cartArb(10 ** 12, 10 ** 15), (input) => {
        const quote = priceCart(input);
        checkInvariants(input, quote);
        checkAllocation(input, quote);
      }),
      { numRuns: 500 },
    );
  });

  it('only the order inside a slot matters: moving adjustments between slots positions changes nothing', () => {
    fc.assert(
      fc.property(
        cartArb(100_000, 300_000).chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray(input.adjustments ?? [], { minLength: (input.adjustments ?? []).length }))),
        ([input, shuffled]) => {
          // Restore the within-slot order the shuffle may have broken, keeping the slots interleaved at random.
          const original = input.adjustments ?? [];
          const bySlot = new Map<string, Adjustment[]>();
          for (const a of original) bySlot.set(SLOT_OF_KIND[a.kind], [...(bySlot.get(SLOT_OF_KIND[a.kind]) ?? []), a]);
          const interleaved = shuffled.map((a) => bySlot.get(SLOT_OF_KIND[a.kind])!.shift()!);
          expect(priceCart({ ...input, adjustments: interleaved })).toEqual(priceCart(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is deterministic and leaves its input alone', () => {
    fc.assert(
      fc.property(cartArb(100_000, 300_000), (input) => {
        const before = structuredClone(input);
        const first = priceCart(input);
        expect(input).toEqual(before);
        expect(priceCart(before)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});

describe('refundableAmounts properties', () => {
  /** A random split of `quantity` units into refunds of ≥ 1 unit. */
  const splitArb = (quantity: number) =>
    fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, quantity - 1) }), { maxLength: Math.min(quantity - 1, 10) }).map((cuts) => {
      const points = [0, ...cuts.filter((c) => c < quantity).sort((a, b) => a - b), quantity];
      return points.slice(1).map((p, i) => p - points[i]);
    });

  it('refunding every unit of a line in random parts returns exactly the line total', () => {
    fc.assert(
      fc.property(
        cartArb(100_000, 300_000).chain((input) => {
          const quote = priceCart(input);
          return fc.tuple(fc.constant(quote), fc.tuple(...quote.lines.map((l) => splitArb(l.quantity))));
        }),
        ([quote, splits]) => {
          quote.lines.forEach((line, i) => {
            let before = 0;
            let returned = 0;
            for (const part of splits[i]) {
              const result = refundableAmounts(quote, [{ lineId: line.lineId, quantity: part, alreadyRefundedQuantity: before }]);
              const amount = result.lines[0].amount;
              expect(result.total).toBe(amount);
              // Each unit carries floor(total / quantity) or one more.
              const lower = Math.floor(line.total / line.quantity) * part;
              expect(amount).toBeGreaterThanOrEqual(lower);
              expect(amount).toBeLessThanOrEqual(lower + part);
              before += part;
              returned += amount;
            }
            expect(before).toBe(line.quantity);
            expect(returned).toBe(line.total);
          });
          const everything = refundableAmounts(quote, quote.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })));
          expect(everything.total).toBe(quote.goodsTotal);
        },
      ),
      { numRuns: 500 },
    );
  });
});

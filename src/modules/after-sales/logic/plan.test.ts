import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceCart } from '../../pricing/index.js';
import { adj, flat, line } from '../../pricing/logic/test-fixtures.js';
import { planRefund, type OrderSnapshot } from './plan.js';

// a: 3 × 40.00, b: 1 × 80.00, a 10.01 coupon spread over both, 10.00 shipping.
const quote = priceCart({ currency: 'CNY', lines: [line('a', 4000, 3), line('b', 8000)], shipping: flat(1000), adjustments: [adj('c', 'coupon', 1001)] });
const fresh = (over: Partial<OrderSnapshot> = {}): OrderSnapshot => ({
  quote, refundedQuantities: new Map(), paidAmount: quote.total, refundedAmount: 0, shipped: false, ...over,
});

describe('planRefund', () => {
  it('the whole order before shipment gives back everything paid, shipping included, and restocks', () => {
    const plan = planRefund(fresh(), {});
    expect(plan).toMatchObject({ ok: true, wholeOrder: true, itemsAmount: quote.goodsTotal, shippingAmount: 1000, amount: quote.total, restock: true });
  });

  it('after shipment the goods come back but the shipping fee does not, and nothing is restocked', () => {
    expect(planRefund(fresh({ shipped: true }), {})).toMatchObject({ ok: true, amount: quote.goodsTotal, shippingAmount: 0, restock: false });
  });

  it('some units of a line are worth their share of the line total', () => {
    expect(planRefund(fresh(), { lines: [{ lineId: 'a', quantity: 1 }] })).toMatchObject({ ok: true, wholeOrder: false, amount: 3800, lines: [{ lineId: 'a', quantity: 1, amount: 3800 }] });
  });

  it('asking for every unit left is the whole order', () => {
    const after = fresh({ refundedQuantities: new Map([['a', 1]]), refundedAmount: 3800 });
    const plan = planRefund(after, { lines: [{ lineId: 'a', quantity: 2 }, { lineId: 'b', quantity: 1 }] });
    expect(plan).toMatchObject({ ok: true, wholeOrder: true, shippingAmount: 1000, amount: quote.total - 3800 });
  });

  it('refuses units not bought, units another request holds, amounts above what is refundable, and less on a whole order', () => {
    expect(planRefund(fresh(), { lines: [{ lineId: 'a', quantity: 4 }] })).toMatchObject({ ok: false, code: 'LINES_INVALID' });
    expect(planRefund(fresh(), { lines: [{ lineId: 'x', quantity: 1 }] })).toMatchObject({ ok: false, code: 'LINES_INVALID' });
    expect(planRefund(fresh(), { lines: [{ lineId: 'b', quantity: 1 }] }, new Map([['b', 1]]))).toMatchObject({ ok: false, code: 'LINES_INVALID' });
    expect(planRefund(fresh(), { amount: quote.total + 1 })).toMatchObject({ ok: false, code: 'EXCEEDS_REFUNDABLE', refundable: quote.total });
    expect(planRefund(fresh(), { amount: 100 })).toMatchObject({ ok: false, code: 'AMOUNT_NOT_ALLOWED' });
    expect(planRefund(fresh(), { lines: [{ lineId: 'b', quantity: 1 }], amount: 100 })).toMatchObject({ ok: true, amount: 100, refundable: 7600 });
    const all = fresh({ refundedQuantities: new Map([['a', 3], ['b', 1]]), refundedAmount: quote.total });
    expect(planRefund(all, {})).toMatchObject({ ok: false, code: 'NOTHING_TO_REFUND' });
  });

  it('property: refunds in any order of any units, then the rest, add up to exactly what was paid', () => {
    const step = fc.record({ lineId: fc.constantFrom('a', 'b'), quantity: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 6 }), fc.boolean(), (steps, shipped) => {
        const refunded = new Map<string, number>();
        let total = 0;
        for (const s of steps) {
          const plan = planRefund(fresh({ refundedQuantities: refunded, refundedAmount: total, shipped }), { lines: [s] });
          if (!plan.ok) continue;
          if (plan.wholeOrder && !shipped) expect(plan.shippingAmount).toBe(1000);
          total += plan.amount;
          refunded.set(s.lineId, (refunded.get(s.lineId) ?? 0) + s.quantity);
          expect(total).toBeLessThanOrEqual(quote.total);
        }
        const rest = planRefund(fresh({ refundedQuantities: refunded, refundedAmount: total, shipped }), {});
        if (rest.ok) total += rest.amount;
        // Shipping comes back unless the parcel went out (the last units refunded before shipment bring it along).
        expect(total).toBe(quote.total - (shipped ? 1000 : 0));
      }),
    );
  });
});

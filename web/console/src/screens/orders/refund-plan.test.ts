import { describe, expect, it } from 'vitest';
import { estimateLinesAmount, refundableUnits } from './refund-plan';
import type { OrderDetail } from '../../types';

const line = (id: string, quantity: number, total: number, refundedQuantity = 0) =>
  ({ id, quantity, total, refundedQuantity }) as OrderDetail['lines'][number];
const refund = (status: string, lines: Array<{ lineId: string; quantity: number }>) =>
  ({ status, lines: lines.map((l) => ({ ...l, amount: 0 })) }) as unknown as OrderDetail['refunds'][number];

describe('refund planning', () => {
  it('leaves out units already refunded and units held by an open request', () => {
    const order = { lines: [line('a', 3, 3000, 1), line('b', 2, 1000)], refunds: [refund('requested', [{ lineId: 'b', quantity: 2 }]), refund('rejected', [{ lineId: 'a', quantity: 2 }])] };
    expect(Object.fromEntries(refundableUnits(order))).toEqual({ a: 2, b: 0 });
  });

  it('estimates goods value from the allocated line totals', () => {
    expect(estimateLinesAmount({ lines: [line('a', 3, 2999)] }, { a: 1 })).toBe(1000);
    expect(estimateLinesAmount({ lines: [line('a', 3, 2999)] }, { a: 3 })).toBe(2999);
  });
});

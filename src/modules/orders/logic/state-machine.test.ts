import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ORDER_EVENTS,
  ORDER_STATES,
  REFUND_EVENTS,
  TERMINAL_STATES,
  allowedEvents,
  canTransition,
  isOrderState,
  isTerminal,
  transition,
  type OrderEvent,
  type OrderEventType,
  type OrderState,
} from './state-machine.js';

/** The whole table written out by hand, independent of the implementation: null = refused. */
const EXPECTED: Record<OrderState, Record<OrderEventType, OrderState | null>> = {
  pending_payment: { pay: 'paid', cancel: 'cancelled', ship: null, deliver: null, confirmReceipt: null, refund: null, partialRefund: null },
  paid: { pay: null, cancel: null, ship: 'shipped', deliver: null, confirmReceipt: null, refund: 'refunded', partialRefund: 'partially_refunded' },
  shipped: { pay: null, cancel: null, ship: null, deliver: 'delivered', confirmReceipt: 'completed', refund: 'refunded', partialRefund: 'partially_refunded' },
  delivered: { pay: null, cancel: null, ship: null, deliver: null, confirmReceipt: 'completed', refund: 'refunded', partialRefund: 'partially_refunded' },
  completed: { pay: null, cancel: null, ship: null, deliver: null, confirmReceipt: null, refund: 'refunded', partialRefund: 'partially_refunded' },
  cancelled: { pay: null, cancel: null, ship: null, deliver: null, confirmReceipt: null, refund: null, partialRefund: null },
  refunded: { pay: null, cancel: null, ship: null, deliver: null, confirmReceipt: null, refund: null, partialRefund: null },
  partially_refunded: { pay: null, cancel: null, ship: 'shipped', deliver: 'delivered', confirmReceipt: 'completed', refund: 'refunded', partialRefund: 'partially_refunded' },
};

/** A valid event of the type for the state: a partial refund of 100 out of 1000 paid. */
function sampleEvent(type: OrderEventType, state: OrderState): OrderEvent {
  switch (type) {
    case 'cancel':
      return { type, by: 'shopper' };
    case 'confirmReceipt':
      return { type, by: 'auto' };
    case 'partialRefund':
      return { type, amount: 100, refundedBefore: state === 'partially_refunded' ? 300 : 0, paidAmount: 1000 };
    default:
      return { type };
  }
}

const pairs = ORDER_STATES.flatMap((state) => ORDER_EVENTS.map((event) => [state, event] as const));

describe('order state machine: every (state, event) pair', () => {
  it('covers 8 states × 7 events', () => {
    expect(pairs).toHaveLength(56);
    expect(Object.keys(EXPECTED).sort()).toEqual([...ORDER_STATES].sort());
  });

  it.each(pairs)('%s + %s', (state, type) => {
    const expected = EXPECTED[state][type];
    const result = transition(state, sampleEvent(type, state));
    if (expected === null) {
      expect(result).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
      expect(result.ok === false && result.reason).toContain(type);
      expect(canTransition(state, type)).toBe(false);
      expect(allowedEvents(state)).not.toContain(type);
    } else {
      expect(result).toEqual({ ok: true, to: expected });
      expect(canTransition(state, type)).toBe(true);
      expect(canTransition(state, sampleEvent(type, state))).toBe(true);
      expect(allowedEvents(state)).toContain(type);
    }
  });
});

describe('allowedEvents', () => {
  it.each(ORDER_STATES)('%s lists exactly the allowed events, in ORDER_EVENTS order', (state) => {
    const expected = ORDER_EVENTS.filter((e) => EXPECTED[state][e] !== null);
    expect(allowedEvents(state)).toEqual(expected);
  });
});

describe('terminal states', () => {
  it('are completed, cancelled and refunded', () => {
    expect([...TERMINAL_STATES].sort()).toEqual(['cancelled', 'completed', 'refunded']);
    for (const state of ORDER_STATES) expect(isTerminal(state)).toBe(TERMINAL_STATES.has(state));
    expect(isTerminal('paid')).toBe(false);
    expect(isTerminal('partially_refunded')).toBe(false);
    expect(isTerminal('completed')).toBe(true);
  });

  it('completed still accepts both refund events', () => {
    expect(allowedEvents('completed')).toEqual(['refund', 'partialRefund']);
  });

  it.each([...TERMINAL_STATES])('%s accepts only refund events', (state) => {
    for (const type of allowedEvents(state)) expect(REFUND_EVENTS.has(type)).toBe(true);
  });

  it('cancelled and refunded accept nothing at all', () => {
    expect(allowedEvents('cancelled')).toEqual([]);
    expect(allowedEvents('refunded')).toEqual([]);
  });

  it('every non-terminal state has a way forward', () => {
    for (const state of ORDER_STATES.filter((s) => !TERMINAL_STATES.has(s))) {
      expect(allowedEvents(state).some((e) => !REFUND_EVENTS.has(e))).toBe(true);
    }
  });

  it('partially_refunded carries on with fulfilment and refunds', () => {
    expect(allowedEvents('partially_refunded')).toEqual(['ship', 'deliver', 'confirmReceipt', 'refund', 'partialRefund']);
  });
});

describe('a line refunded before shipment does not stop the rest of the order', () => {
  it('pay → partialRefund → ship → deliver → partialRefund → confirmReceipt → partialRefund → refund', () => {
    const steps: Array<[OrderEvent, OrderState]> = [
      [{ type: 'pay' }, 'paid'],
      [{ type: 'partialRefund', amount: 200, refundedBefore: 0, paidAmount: 1000 }, 'partially_refunded'],
      [{ type: 'ship' }, 'shipped'],
      [{ type: 'deliver' }, 'delivered'],
      [{ type: 'partialRefund', amount: 100, refundedBefore: 200, paidAmount: 1000 }, 'partially_refunded'],
      [{ type: 'confirmReceipt', by: 'shopper' }, 'completed'],
      [{ type: 'partialRefund', amount: 300, refundedBefore: 300, paidAmount: 1000 }, 'partially_refunded'],
      [{ type: 'refund' }, 'refunded'],
    ];
    let state: OrderState = 'pending_payment';
    for (const [event, to] of steps) {
      expect(transition(state, event)).toEqual({ ok: true, to });
      state = to;
    }
    expect(allowedEvents(state)).toEqual([]);
  });

  it('partially_refunded can skip to delivered or completed, as shipped can', () => {
    expect(transition('partially_refunded', { type: 'deliver' })).toEqual({ ok: true, to: 'delivered' });
    expect(transition('partially_refunded', { type: 'confirmReceipt', by: 'auto' })).toEqual({ ok: true, to: 'completed' });
  });

  it('partially_refunded still cannot be paid again or cancelled', () => {
    expect(transition('partially_refunded', { type: 'pay' })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(transition('partially_refunded', { type: 'cancel', by: 'staff' })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
  });
});

describe('partialRefund amounts', () => {
  const partial = (amount: number, refundedBefore: number, paidAmount: number): OrderEvent => ({
    type: 'partialRefund',
    amount,
    refundedBefore,
    paidAmount,
  });

  it('stays partially_refunded below the paid amount', () => {
    expect(transition('paid', partial(999, 0, 1000))).toEqual({ ok: true, to: 'partially_refunded' });
    expect(transition('partially_refunded', partial(1, 998, 1000))).toEqual({ ok: true, to: 'partially_refunded' });
  });

  it('ends in refunded exactly when the refunds reach the paid amount', () => {
    expect(transition('partially_refunded', partial(400, 600, 1000))).toEqual({ ok: true, to: 'refunded' });
    for (const state of ['paid', 'shipped', 'delivered', 'completed'] as const) {
      expect(transition(state, partial(1000, 0, 1000))).toEqual({ ok: true, to: 'refunded' });
      expect(transition(state, partial(400, 600, 1000))).toEqual({ ok: true, to: 'refunded' });
    }
  });

  it('accepts money already refunded in paid, shipped, delivered and completed', () => {
    for (const state of ['paid', 'shipped', 'delivered', 'completed'] as const) {
      expect(transition(state, partial(10, 5, 1000))).toEqual({ ok: true, to: 'partially_refunded' });
      expect(canTransition(state, partial(10, 5, 1000))).toBe(true);
    }
  });

  it('refuses over-refunds', () => {
    expect(transition('paid', partial(1001, 0, 1000))).toMatchObject({ ok: false, code: 'INVALID_REFUND_AMOUNT' });
    expect(transition('partially_refunded', partial(401, 600, 1000))).toMatchObject({ ok: false, code: 'INVALID_REFUND_AMOUNT' });
    expect(transition('paid', partial(1, 0, 0))).toMatchObject({ ok: false, code: 'INVALID_REFUND_AMOUNT' });
    for (const state of ['paid', 'shipped', 'delivered', 'completed'] as const) {
      expect(transition(state, partial(401, 600, 1000))).toMatchObject({ ok: false, code: 'INVALID_REFUND_AMOUNT' });
      expect(transition(state, partial(1, 1000, 1000))).toMatchObject({ ok: false, code: 'INVALID_REFUND_AMOUNT' });
    }
  });

  it('refuses zero, negative and fractional amounts', () => {
    for (const event of [partial(0, 0, 1000), partial(-5, 0, 1000), partial(1.5, 0, 1000), partial(10, 0, Number.NaN), partial(10, 0.5, 1000)]) {
      expect(transition('paid', event)).toMatchObject({ ok: false, code: 'INVALID_REFUND_AMOUNT' });
      expect(canTransition('paid', event)).toBe(false);
    }
  });

  it('refuses a refundedBefore that disagrees with the state', () => {
    expect(transition('partially_refunded', partial(10, 0, 1000))).toMatchObject({ ok: false, code: 'INVALID_REFUND_AMOUNT' });
    for (const state of ['paid', 'shipped', 'delivered', 'completed', 'partially_refunded'] as const) {
      expect(transition(state, partial(10, -5, 1000))).toMatchObject({ ok: false, code: 'INVALID_REFUND_AMOUNT' });
    }
  });

  it('property: an accepted partial refund never takes the total past the paid amount', () => {
    const refundable = ['paid', 'shipped', 'delivered', 'completed', 'partially_refunded'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...refundable),
        fc.integer({ min: -100, max: 1100 }),
        fc.integer({ min: -100, max: 1100 }),
        fc.integer({ min: 0, max: 1000 }),
        (state, amount, refundedBefore, paidAmount) => {
          const result = transition(state, partial(amount, refundedBefore, paidAmount));
          const valid =
            amount > 0 && refundedBefore >= 0 && (state !== 'partially_refunded' || refundedBefore > 0) && refundedBefore + amount <= paidAmount;
          expect(result.ok).toBe(valid);
          if (result.ok) {
            expect(result.to).toBe(refundedBefore + amount === paidAmount ? 'refunded' : 'partially_refunded');
          } else {
            expect(result).toMatchObject({ code: 'INVALID_REFUND_AMOUNT' });
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('checks the state before the amounts', () => {
    expect(transition('cancelled', partial(-1, 0, 0))).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
  });
});

describe('guards', () => {
  it('isOrderState recognises exactly the states', () => {
    for (const state of ORDER_STATES) expect(isOrderState(state)).toBe(true);
    for (const value of ['', 'PAID', 'closed', 3, null, undefined]) expect(isOrderState(value)).toBe(false);
  });

  it('an unknown state (e.g. from a bad row) is refused, not thrown', () => {
    expect(transition('archived' as OrderState, { type: 'pay' })).toMatchObject({ ok: false });
    expect(allowedEvents('archived' as OrderState)).toEqual([]);
  });
});

describe('property: random event sequences from pending_payment', () => {
  const PAID = 10_000;
  const eventArb: fc.Arbitrary<OrderEvent> = fc.oneof(
    fc.constant<OrderEvent>({ type: 'pay' }),
    fc.constantFrom<'shopper' | 'staff' | 'timeout'>('shopper', 'staff', 'timeout').map((by): OrderEvent => ({ type: 'cancel', by })),
    fc.constant<OrderEvent>({ type: 'ship' }),
    fc.constant<OrderEvent>({ type: 'deliver' }),
    fc.constantFrom<'shopper' | 'auto'>('shopper', 'auto').map((by): OrderEvent => ({ type: 'confirmReceipt', by })),
    fc.constant<OrderEvent>({ type: 'refund' }),
    // The amount is random (sometimes too much, sometimes ≤ 0, often small so that several partial
    // refunds interleave with fulfilment); refundedBefore is filled in from the run.
    fc
      .oneof(fc.integer({ min: -10, max: PAID + 10 }), fc.integer({ min: 1, max: PAID / 10 }))
      .map((amount): OrderEvent => ({ type: 'partialRefund', amount, refundedBefore: 0, paidAmount: PAID })),
  );

  it('never leaves the defined states, terminal states take only refund events, refunds never exceed the payment', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        let state: OrderState = 'pending_payment';
        let refunded = 0;
        let paid = false;
        for (const raw of events) {
          const event: OrderEvent = raw.type === 'partialRefund' ? { ...raw, refundedBefore: refunded } : raw;
          const result = transition(state, event);
          expect(canTransition(state, event)).toBe(result.ok);
          // The hand-written table, plus the amount rule, predicts every outcome exactly.
          const target = EXPECTED[state][event.type];
          if (target === null) {
            expect(result).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
          } else if (event.type === 'partialRefund') {
            const after = refunded + event.amount;
            if (event.amount <= 0 || after > PAID) expect(result).toMatchObject({ ok: false, code: 'INVALID_REFUND_AMOUNT' });
            else expect(result).toEqual({ ok: true, to: after === PAID ? 'refunded' : 'partially_refunded' });
          } else {
            expect(result).toEqual({ ok: true, to: target });
          }
          if (!result.ok) {
            expect(result.reason.length).toBeGreaterThan(0);
            continue;
          }
          expect(isOrderState(result.to)).toBe(true);
          expect(allowedEvents(state)).toContain(event.type);
          if (TERMINAL_STATES.has(state)) expect(REFUND_EVENTS.has(event.type)).toBe(true);
          expect(state === 'cancelled' || state === 'refunded').toBe(false);
          if (event.type === 'pay') paid = true;
          if (event.type === 'cancel') expect(paid).toBe(false);
          if (REFUND_EVENTS.has(event.type)) expect(paid).toBe(true);
          if (event.type === 'refund') refunded = PAID;
          if (event.type === 'partialRefund') refunded += event.amount;
          expect(refunded).toBeLessThanOrEqual(PAID);
          expect(result.to === 'refunded').toBe(refunded === PAID);
          // Money already refunded is only ever in a state that has been paid and is not closed.
          if (refunded > 0) expect(['paid', 'pending_payment', 'cancelled'].includes(result.to)).toBe(false);
          if (result.to === 'partially_refunded') expect(refunded).toBeGreaterThan(0);
          state = result.to;
        }
        expect(ORDER_STATES).toContain(state);
      }),
      { numRuns: 2000 },
    );
  });

  it('a partial refund before shipment still lets the order ship, be delivered and complete', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: PAID / 10 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: PAID / 10 }), { maxLength: 5 }),
        (before, after) => {
          let state: OrderState = 'paid';
          let refunded = 0;
          const refund = (amount: number) => {
            const result = transition(state, { type: 'partialRefund', amount, refundedBefore: refunded, paidAmount: PAID });
            expect(result).toEqual({ ok: true, to: 'partially_refunded' });
            refunded += amount;
            state = 'partially_refunded';
          };
          before.forEach(refund);
          for (const [event, to] of [
            [{ type: 'ship' }, 'shipped'],
            [{ type: 'deliver' }, 'delivered'],
            [{ type: 'confirmReceipt', by: 'auto' }, 'completed'],
          ] as Array<[OrderEvent, OrderState]>) {
            expect(transition(state, event)).toEqual({ ok: true, to });
            state = to;
          }
          after.forEach(refund);
          expect(refunded).toBeLessThan(PAID);
          expect(transition(state, { type: 'partialRefund', amount: PAID - refunded, refundedBefore: refunded, paidAmount: PAID })).toEqual({
            ok: true,
            to: 'refunded',
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('every state is reachable', () => {
    const reached = new Set<OrderState>(['pending_payment']);
    let frontier: OrderState[] = ['pending_payment'];
    while (frontier.length > 0) {
      const next: OrderState[] = [];
      for (const state of frontier) {
        for (const type of allowedEvents(state)) {
          const result = transition(state, sampleEvent(type, state));
          if (result.ok && !reached.has(result.to)) {
            reached.add(result.to);
            next.push(result.to);
          }
        }
      }
      frontier = next;
    }
    expect([...reached].sort()).toEqual([...ORDER_STATES].sort());
  });
});

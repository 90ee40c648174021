import type { Minor } from '../../../platform/money.js';

/**
 * The order state machine. Pure: it says whether an event may move an order and where to; the
 * orders service does the moving, writes the timeline row and emits the domain event.
 *
 * Fulfilment runs pending_payment → paid → shipped → delivered → completed. Money can leave
 * by a full refund (→ refunded) or by partial refunds (→ partially_refunded, and on to refunded
 * once everything paid has been given back). partially_refunded does not stop fulfilment: a line
 * refunded before shipment leaves the rest of the order free to ship, be delivered and complete,
 * so shipped, delivered and completed may carry money already refunded.
 */
export const ORDER_STATES = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunded',
  'partially_refunded',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_EVENTS = ['pay', 'cancel', 'ship', 'deliver', 'confirmReceipt', 'refund', 'partialRefund'] as const;
export type OrderEventType = (typeof ORDER_EVENTS)[number];

export type CancelledBy = 'shopper' | 'staff' | 'timeout';
export type ConfirmedBy = 'shopper' | 'auto';

export type OrderEvent =
  | { type: 'pay' }
  | { type: 'cancel'; by: CancelledBy }
  | { type: 'ship' }
  | { type: 'deliver' }
  | { type: 'confirmReceipt'; by: ConfirmedBy }
  | { type: 'refund' }
  | {
      type: 'partialRefund';
      /** This refund, > 0. */
      amount: Minor;
      /**
       * Refunded by earlier partial refunds, >= 0. Always > 0 in partially_refunded; may also be > 0
       * in paid, shipped, delivered or completed (an order partially refunded and then shipped).
       */
      refundedBefore: Minor;
      /** What the shopper paid; refunds never exceed it. */
      paidAmount: Minor;
    };

/**
 * Finished states. completed still takes the refund events (after-sales within the return
 * window), and nothing else; cancelled and refunded take nothing at all.
 *
 * partially_refunded is not terminal: besides further refunds it still takes ship, deliver and
 * confirmReceipt, so a line refunded before shipment does not stop the rest of the order.
 */
export const TERMINAL_STATES: ReadonlySet<OrderState> = new Set<OrderState>(['completed', 'cancelled', 'refunded']);

/** The events a terminal state may still accept. */
export const REFUND_EVENTS: ReadonlySet<OrderEventType> = new Set<OrderEventType>(['refund', 'partialRefund']);

/**
 * Every allowed move and why it exists. A pair that is not here is refused. partialRefund's
 * target is partially_refunded here; transition() sends it to refunded when the refunds add up
 * to the paid amount.
 */
const TRANSITIONS: Readonly<Record<OrderState, Partial<Record<OrderEventType, OrderState>>>> = {
  pending_payment: {
    // The payment callback confirmed the money.
    pay: 'paid',
    // The shopper or staff gave up on the order, or unpaidTimeout fired; nothing was paid, so it
    // is a cancel (reservations, coupons and points are released) and never a refund.
    cancel: 'cancelled',
  },
  paid: {
    // The warehouse handed the parcel to the carrier.
    ship: 'shipped',
    // Cancelling after payment gives the money back, so it is a full refund, not a cancel.
    refund: 'refunded',
    // Some lines cannot be sent (out of stock) or the shopper dropped some, before shipping.
    partialRefund: 'partially_refunded',
  },
  shipped: {
    // The carrier reported delivery.
    deliver: 'delivered',
    // The shopper confirmed receipt, or auto-confirm ran, before any delivery scan came in
    // (carriers do not always report it).
    confirmReceipt: 'completed',
    // Lost parcel, rejected at the door, or an after-sale on the whole order.
    refund: 'refunded',
    // An after-sale on some lines while in transit.
    partialRefund: 'partially_refunded',
  },
  delivered: {
    // The shopper confirmed receipt, or the auto-confirm window passed.
    confirmReceipt: 'completed',
    // Return-and-refund of everything after delivery.
    refund: 'refunded',
    // Refund or return of some lines after delivery.
    partialRefund: 'partially_refunded',
  },
  completed: {
    // After-sales within the return window: the whole order comes back.
    refund: 'refunded',
    // After-sales within the return window: some of it comes back.
    partialRefund: 'partially_refunded',
  },
  partially_refunded: {
    // Further lines come back; reaching the paid amount ends in refunded.
    partialRefund: 'partially_refunded',
    // The rest comes back at once.
    refund: 'refunded',
    // A line was refunded (say, out of stock) but the rest of the order still goes out: fulfilment
    // carries on, and the refunded amount stays on the order (later partialRefunds from shipped,
    // delivered or completed carry it as refundedBefore > 0).
    ship: 'shipped',
    deliver: 'delivered',
    confirmReceipt: 'completed',
  },
  // Nothing was paid and nothing will be: the order is closed.
  cancelled: {},
  // Everything paid was given back: nothing is left to move.
  refunded: {},
};

export type TransitionResult =
  | { ok: true; to: OrderState }
  | { ok: false; code: 'NOT_ALLOWED' | 'INVALID_REFUND_AMOUNT'; reason: string };

export function transition(state: OrderState, event: OrderEvent): TransitionResult {
  const to = TRANSITIONS[state]?.[event.type];
  if (to === undefined) {
    return { ok: false, code: 'NOT_ALLOWED', reason: `event ${event.type} is not allowed in state ${state}` };
  }
  if (event.type !== 'partialRefund') return { ok: true, to };

  const { amount, refundedBefore, paidAmount } = event;
  const bad = (reason: string): TransitionResult => ({ ok: false, code: 'INVALID_REFUND_AMOUNT', reason });
  if (![amount, refundedBefore, paidAmount].every(Number.isSafeInteger)) return bad('refund amounts must be integers in minor units');
  if (amount <= 0) return bad(`a partial refund must be > 0, got ${amount}`);
  // refundedBefore must agree with the state, or the ledger and the order disagree: a partially
  // refunded order has refunded something. Other states may or may not have (an order partially
  // refunded and then shipped is in shipped with money already refunded), so only >= 0 is checked.
  if (state === 'partially_refunded' && refundedBefore <= 0) return bad('a partially refunded order has refunded something before');
  if (refundedBefore < 0) return bad('refundedBefore cannot be negative');
  const after = refundedBefore + amount;
  if (after > paidAmount) return bad(`refunds would total ${after}, more than the ${paidAmount} paid`);
  return { ok: true, to: after === paidAmount ? 'refunded' : 'partially_refunded' };
}

/**
 * With an event: whether transition() would accept it. With only an event type: whether the
 * state accepts that type at all (a partialRefund's amounts cannot be checked without them).
 */
export function canTransition(state: OrderState, event: OrderEventType | OrderEvent): boolean {
  if (typeof event === 'object') return transition(state, event).ok;
  return TRANSITIONS[state]?.[event] !== undefined;
}

/** The event types the state accepts, in ORDER_EVENTS order: the buttons the console may show. */
export function allowedEvents(state: OrderState): OrderEventType[] {
  return ORDER_EVENTS.filter((type) => TRANSITIONS[state]?.[type] !== undefined);
}

export function isOrderState(value: unknown): value is OrderState {
  return typeof value === 'string' && (ORDER_STATES as readonly string[]).includes(value);
}

export function isTerminal(state: OrderState): boolean {
  return TERMINAL_STATES.has(state);
}

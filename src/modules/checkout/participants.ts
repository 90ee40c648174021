import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { CheckoutErrors } from './errors.js';
import { OrderEvents, type OrderEventPayload, type OrderPaid, type OrderRefunded } from '../orders/index.js';
import type { AppliedRule, PointsOffer, PricingContext, PricingRule, RuledQuote } from '../pricing/index.js';

/**
 * Checkout participants (issue 12): a capability that holds something for an order — a coupon,
 * points, later flash-sale units and group-buy seats — plugs into checkout here, so checkout and
 * orders never import it. Each registers up to five steps:
 *
 * - `contribute`: before pricing, what it adds to the quote — promotion rules, the shopper's chosen
 *   coupons as rules, facts about the shopper (tier, tags, new customer), the points offer. Reads
 *   only; may refuse the request with an AppError (an unknown coupon code is the shopper's mistake).
 * - `hold`: in the order's transaction, after pricing and before the stock is reserved — take what
 *   the quote used (lock the coupon, debit the points). An AppError refuses the order and the
 *   whole transaction rolls back: nothing is half held.
 * - `commit` on `order.paid`, `release` on `order.cancelled` (the shopper, staff or the unpaid
 *   timeout), `refund` on `order.refunded`: each through the outbox, in the consumer's own
 *   transaction, at least once — so each must be idempotent (keyed by the order).
 *
 * With no participant registered a checkout runs exactly the statements it ran before.
 */

/** What the shopper asked for that participants act on. */
export interface CheckoutAsk {
  customerId: string | null;
  /** Coupon codes typed or picked, as given (participants normalise and look them up). */
  couponCodes: readonly string[];
  /** Points the shopper wants to pay with. */
  points: number;
  channel: string | null;
  now: Date;
  /**
   * Something a participant set aside for this shopper that the order is made from — a flash-sale
   * claim, a group-buy seat — named by the participant's kind and the thing's id. The participant
   * of that kind prices it (`prices`) and holds it; the others ignore it.
   */
  claim?: { kind: string; id: string } | null;
}

/**
 * Unit prices a participant sets for this order in place of the variants' prices (a flash or group
 * price); with `alone`, no promotion or coupon applies beside them (秒杀/拼团 价不与其他优惠同享).
 */
export interface SetPrices {
  unitPrices: ReadonlyMap<string, number>;
  alone: boolean;
}

export interface PricingContribution {
  rules?: readonly PricingRule[];
  /** The shopper's codes this participant recognised (any case); a code no participant recognises is refused. */
  codes?: readonly string[];
  /** Facts about the shopper for the rules' conditions. */
  context?: Partial<Pick<PricingContext, 'tier' | 'tags' | 'newCustomer'>>;
  /** How the shopper's points pay (one participant offers points). */
  points?: PointsOffer;
  /** Unit prices for the claim this participant recognised (`ask.claim`). */
  prices?: SetPrices;
}

/** What a participant already holds for the order. */
export interface HoldResult {
  /**
   * Units it moved to the order from stock it had set aside (a flash sale's carve): checkout does
   * not reserve them again.
   */
  stock?: ReadonlyArray<{ variantId: string; quantity: number }>;
}

export interface HoldRequest {
  orderId: string;
  orderNumber: string;
  customerId: string;
  ask: CheckoutAsk;
  priced: RuledQuote;
  /** The applied rules this participant contributed (what it has to hold). */
  applied: AppliedRule[];
}

export interface CheckoutParticipant {
  /** Unique; names the outbox consumers (`checkout.<name>.commit` …) — keep it stable. */
  readonly name: string;
  contribute?(ask: CheckoutAsk): Promise<PricingContribution> | PricingContribution;
  hold?(request: HoldRequest): Promise<HoldResult | void>;
  commit?(event: OrderPaid): Promise<void>;
  release?(event: OrderEventPayload): Promise<void>;
  refund?(event: OrderRefunded): Promise<void>;
}

/** What the participants together bring to a quote. */
export interface Contributions {
  rules: PricingRule[];
  /** Which participant contributed each rule (by rule id). */
  owners: Map<string, string>;
  context: Partial<Pick<PricingContext, 'tier' | 'tags' | 'newCustomer'>>;
  points: PointsOffer | null;
  prices: SetPrices | null;
}

export class CheckoutParticipants {
  private readonly list: CheckoutParticipant[] = [];

  constructor(private readonly k: Kernel) {}

  /** Registers a participant and its outbox consumers; before the store starts (`outbox.start`). */
  register(p: CheckoutParticipant): void {
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(p.name)) throw new Error(`participant name ${p.name}: lowercase letters, digits and dashes`);
    if (this.list.some((x) => x.name === p.name)) throw new Error(`participant ${p.name} is already registered`);
    this.list.push(p);
    if (p.commit) this.k.outbox.subscribe(`checkout.${p.name}.commit`, [OrderEvents.paid], async (e) => p.commit!(e.payload));
    if (p.release) this.k.outbox.subscribe(`checkout.${p.name}.release`, [OrderEvents.cancelled], async (e) => p.release!(e.payload));
    if (p.refund) this.k.outbox.subscribe(`checkout.${p.name}.refund`, [OrderEvents.refunded], async (e) => p.refund!(e.payload));
  }

  get names(): string[] {
    return this.list.map((p) => p.name);
  }

  async contribute(ask: CheckoutAsk): Promise<Contributions> {
    const out: Contributions = { rules: [], owners: new Map(), context: {}, points: null, prices: null };
    const known = new Set<string>();
    for (const p of this.list) {
      if (!p.contribute) continue;
      const c = await p.contribute(ask);
      for (const rule of c.rules ?? []) {
        out.rules.push(rule);
        out.owners.set(rule.id, p.name);
      }
      for (const code of c.codes ?? []) known.add(code.toUpperCase());
      Object.assign(out.context, c.context);
      if (c.points) out.points = c.points;
      if (c.prices) out.prices = c.prices;
    }
    if (ask.claim && !out.prices) throw new AppError(CheckoutErrors.CLAIM_UNKNOWN, { kind: ask.claim.kind });
    const unknown = ask.couponCodes.find((code) => !known.has(code.toUpperCase()));
    if (unknown) throw new AppError(CheckoutErrors.COUPON_CODE_UNKNOWN, { code: unknown });
    return out;
  }

  /**
   * In the order's transaction, in registration order; each sees the applied rules it contributed.
   * Returns the units the participants already hold for the order (checkout reserves the rest).
   */
  async hold(request: Omit<HoldRequest, 'applied'>, owners: ReadonlyMap<string, string>): Promise<Map<string, number>> {
    const held = new Map<string, number>();
    for (const p of this.list) {
      if (!p.hold) continue;
      const result = await p.hold({ ...request, applied: request.priced.applied.filter((a) => owners.get(a.ruleId) === p.name) });
      for (const s of result?.stock ?? []) held.set(s.variantId, (held.get(s.variantId) ?? 0) + s.quantity);
    }
    return held;
  }
}

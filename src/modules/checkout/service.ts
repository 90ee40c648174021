import { TZDate } from '@date-fns/tz';
import type { Kernel } from '../../platform/kernel.js';
import { channelOfUtm, type Utm } from '../../platform/attribution.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { IdempotencyKeys } from '../../platform/idempotency/idempotency.js';
import { DEFAULT_CURRENCY } from '../../platform/money.js';
import type { CartLine, CartService } from '../cart/index.js';
import type { InventoryService } from '../inventory/index.js';
import type { OrderService, PlacedOrder, ShippingAddress } from '../orders/index.js';
import { giftGoneText, PricingInputError, quoteWithRules, type PricingRule, type RuledQuote, type ShippingMethod } from '../pricing/index.js';
import { CheckoutErrors } from './errors.js';
import type { CheckoutAsk, CheckoutParticipants } from './participants.js';
import type { ShippingMethods } from './shipping-methods.js';

export interface PlaceOrderInput {
  /** The cart to order: all its lines, and the cart is closed. */
  cartId?: string;
  /** Or items bought directly (立即购买): the cart, if any, stays as it is. */
  items?: Array<{ variantId: string; quantity: number }>;
  shippingMethodId: string;
  address: ShippingAddress;
  note?: string | null;
  /** The acquisition channel; without one, utm_source is used (platform/attribution). */
  channel?: string | null;
  /** UTM parameters of the visit (last touch), as the storefront's sk_utm cookie holds them. */
  utm?: Utm | null;
  /** Coupon codes the shopper chose (for the participants that hold coupons). */
  couponCodes?: string[];
  /** Points the shopper wants to pay with. */
  points?: number;
  /** What a participant set aside for this shopper that the order is made from (a flash-sale claim, a group-buy seat). */
  claim?: { kind: string; id: string } | null;
}

/** A quote and which participant contributed each rule (checkout hands each its own to hold). */
/** A priced cart, with which participant contributed each rule and the shopper's member tier as they told it (early access). */
export type PricedCart = RuledQuote & { owners: ReadonlyMap<string, string>; tier: string | null };

/** Who asks for a quote and with what (coupons, points): all optional for a guest's cart. */
export type QuoteAsk = Partial<Omit<CheckoutAsk, 'now'>>;

export { IDEMPOTENCY_TTL_MS } from '../../platform/idempotency/idempotency.js';

/** The largest amount an order's money columns (PostgreSQL integer) hold, in minor units. */
export const MAX_ORDER_AMOUNT = 2_147_483_647;

/**
 * Checkout: prices a cart (pure engine) and turns it into an order in one transaction —
 * reserve stock, write the order, close the cart, remember the Idempotency-Key.
 */
export class CheckoutService {
  private readonly keys: IdempotencyKeys;

  constructor(
    private readonly k: Kernel,
    private readonly carts: CartService,
    private readonly inventory: InventoryService,
    private readonly orders: OrderService,
    readonly shipping: ShippingMethods,
    readonly participants: CheckoutParticipants,
  ) {
    this.keys = new IdempotencyKeys(k.db, k.clock);
  }

  /**
   * The price breakdown of cart lines with an optional shipping method and destination, under the
   * rules the participants contribute (promotions, the shopper's coupons, points), explained.
   */
  quote(lines: CartLine[], shipping: ShippingMethod | null, provinceCode?: string, asked: QuoteAsk = {}): Promise<PricedCart | null> {
    return this.priceFor(lines, shipping, provinceCode, this.askOf(asked));
  }

  /** One ask for the whole of an order: the quote and the participants' holds see the same moment. */
  private async priceFor(lines: CartLine[], shipping: ShippingMethod | null, provinceCode: string | undefined, ask: CheckoutAsk): Promise<PricedCart | null> {
    const sellable = lines.filter((l) => l.variant?.sellable);
    if (sellable.length === 0) return null;
    const given = await this.participants.contribute(ask);
    // A flash or group price replaces the variant's price (shown struck through as the list price).
    const set = given.prices?.unitPrices;
    const rulesGiven = given.prices?.alone ? [] : given.rules;
    const priced = (rules: readonly PricingRule[]) =>
      quoteWithRules(
        {
          currency: DEFAULT_CURRENCY,
          lines: sellable.map((l) => ({
            lineId: l.itemId,
            variantId: l.variantId,
            productId: l.variant!.productId,
            categoryId: l.variant!.categoryId,
            brandId: l.variant!.brandId ?? undefined,
            unitPrice: set?.get(l.variantId) ?? l.variant!.price,
            listPrice: set?.has(l.variantId) ? Math.max(l.variant!.price, l.variant!.listPrice ?? 0) : (l.variant!.listPrice ?? undefined),
            quantity: l.quantity,
            weightGrams: l.variant!.weightGrams,
          })),
          shipping,
          destination: provinceCode ? { provinceCode } : undefined,
        },
        rules,
        { now: ask.now.toISOString(), customerId: ask.customerId, channel: ask.channel, points: ask.points, ...given.context },
        given.points,
      );
    try {
      let ruled = priced(rulesGiven);
      // 赠品送完即止: a gift whose stock has run out is left out (its promotion rests for this cart,
      // and the quote says so) rather than refusing the order. One read, only for carts with gifts.
      if (ruled.gifts.length > 0) {
        const stock = await this.inventory.availability([...new Set(ruled.gifts.map((g) => g.variantId))]);
        const gone = new Set(ruled.gifts.filter((g) => (stock.get(g.variantId) ?? 0) < g.quantity).map((g) => g.ruleId));
        if (gone.size > 0) {
          ruled = priced(rulesGiven.filter((r) => !gone.has(r.id)));
          for (const rule of rulesGiven) if (gone.has(rule.id)) ruled.explanations.push({ kind: 'giftGone', ruleId: rule.id, text: giftGoneText(rule) });
        }
      }
      return { ...ruled, owners: given.owners, tier: given.context.tier ?? null };
    } catch (err) {
      if (err instanceof PricingInputError) throw new AppError(CheckoutErrors.PRICING_FAILED, { reason: err.message });
      throw err;
    }
  }

  private askOf(asked: QuoteAsk): CheckoutAsk {
    return {
      customerId: asked.customerId ?? null,
      couponCodes: asked.couponCodes ?? [],
      points: asked.points ?? 0,
      channel: asked.channel ?? null,
      now: this.k.clock.now(),
      claim: asked.claim ?? null,
    };
  }

  async shippingMethod(id: string): Promise<ShippingMethod> {
    const m = await this.shipping.find(id);
    if (!m) throw new AppError(CheckoutErrors.SHIPPING_METHOD_NOT_FOUND, { id });
    return m;
  }

  /**
   * Places an order from the shopper's cart. With an Idempotency-Key the same key and body
   * returns the same order; the same key with another body is refused. The new order comes back
   * as written (no read after the write); a replay reads the order as it is now.
   */
  async placeOrder(customerId: string, input: PlaceOrderInput, idempotencyKey?: string): Promise<PlacedOrder & { replayed: boolean }> {
    const orderId = newId();
    if (!idempotencyKey) return { ...(await this.k.db.transaction(() => this.place(customerId, input, orderId))), replayed: false };
    const ref = { scope: 'checkout.placeOrder', owner: customerId, key: idempotencyKey };
    let placed: PlacedOrder | undefined;
    // The key is claimed with the order's id already chosen: one statement, no update after the order.
    const { result } = await this.keys.once(ref, input, async () => ((placed = await this.place(customerId, input, orderId)), { orderId }), { result: { orderId } });
    if (placed) return { ...placed, replayed: false };
    const order = await this.orders.get(result.orderId);
    return { order, lines: await this.orders.linesOf(order.id), timeline: await this.orders.timelineOf(order.id), replayed: true };
  }

  /**
   * The order's transaction, in the order that keeps the hot rows locked for the shortest time:
   * reads and the order's own rows first, the conditional stock update last, right before commit.
   */
  private async place(customerId: string, input: PlaceOrderInput, orderId: string): Promise<PlacedOrder> {
    // The cart is closed in the statement that locks it: an error below rolls that back too.
    const taken = input.cartId ? await this.carts.takeForOrder(input.cartId, { customerId, token: null }) : undefined;
    if (taken === null) throw new AppError(CheckoutErrors.CART_EMPTY);
    const lines = taken ? taken.lines : await this.carts.linesFor(input.items ?? []);
    if (lines.length === 0) throw new AppError(CheckoutErrors.CART_EMPTY);
    const gone = lines.find((l) => !l.variant?.sellable);
    if (gone) throw new AppError(CheckoutErrors.ITEM_UNAVAILABLE, { itemZh: gone.variant?.title['zh-CN'] ?? '一件商品', itemEn: gone.variant?.title.en ?? 'An item' });
    const method = await this.shippingMethod(input.shippingMethodId);
    const channel = input.channel ?? channelOfUtm(input.utm);
    const ask = this.askOf({ customerId, couponCodes: input.couponCodes ?? [], points: input.points ?? 0, channel, claim: input.claim ?? null });
    const priced = (await this.priceFor(lines, method, input.address.provinceCode, ask))!;
    assertEarlyAccess(lines, priced.tier, ask.now, this.k.timezone.get());
    const gifts = await this.giftLines(priced);
    const quote = priced.quote;
    // Order amounts are integer (int4) columns: a cart the inputs allow (999 units at ¥10,000,000)
    // can come to more than they hold, which was a 500 at the insert (decision 0024).
    if (Math.max(quote.subtotal, quote.total, quote.shippingFee) > MAX_ORDER_AMOUNT) throw new AppError(CheckoutErrors.ORDER_TOO_LARGE, { max: MAX_ORDER_AMOUNT });
    const ordered = [...lines, ...gifts];
    const placed = await this.orders.place(
      {
        customerId,
        currency: quote.currency,
        quote,
        shippingMethod: { id: method.id, name: method.name },
        shippingAddress: input.address,
        note: input.note,
        channel,
        utm: input.utm && Object.keys(input.utm).length ? input.utm : null,
        lines: ordered.map((l) => ({
          lineId: l.itemId,
          variantId: l.variantId,
          productId: l.variant!.productId,
          sku: l.variant!.sku,
          title: l.variant!.title,
          optionValues: l.variant!.optionValues,
          image: l.variant!.image,
          weightGrams: l.variant!.weightGrams,
        })),
      },
      orderId,
    );
    const held = await this.participants.hold({ orderId, orderNumber: placed.order.number, customerId, ask, priced }, priced.owners);
    // The hot rows last: the stock of every line, gifts included, less what a participant already
    // moved to the order from stock it had set aside (a flash sale's carve).
    const toReserve = ordered.flatMap((l) => {
      const already = Math.min(held.get(l.variantId) ?? 0, l.quantity);
      if (already > 0) held.set(l.variantId, held.get(l.variantId)! - already);
      return l.quantity - already > 0 ? [{ variantId: l.variantId, quantity: l.quantity - already, title: l.variant!.title }] : [];
    });
    if (toReserve.length > 0) await this.inventory.reserve(orderId, toReserve);
    return placed;
  }

  /**
   * Gift lines (买赠) a promotion added: the variants as sold, each under a line id of its own (the
   * engine names them after their rule; order lines are keyed by UUID). A gift no longer on sale
   * refuses the order rather than silently dropping the gift the shopper was shown.
   */
  private async giftLines(priced: PricedCart): Promise<CartLine[]> {
    const gifts = priced.gifts;
    if (gifts.length === 0) return [];
    const resolved = await this.carts.linesFor(gifts.map((g) => ({ variantId: g.variantId, quantity: g.quantity })));
    const gone = resolved.find((l) => !l.variant?.sellable);
    if (gone) throw new AppError(CheckoutErrors.ITEM_UNAVAILABLE, { itemZh: gone.variant?.title['zh-CN'] ?? '赠品', itemEn: gone.variant?.title.en ?? 'A gift' });
    const ids = new Map(gifts.map((g, i) => [g.lineId, resolved[i].itemId] as const));
    priced.quote = { ...priced.quote, lines: priced.quote.lines.map((l) => (ids.has(l.lineId) ? { ...l, lineId: ids.get(l.lineId)! } : l)) };
    priced.gifts = gifts.map((g) => ({ ...g, lineId: ids.get(g.lineId)! }));
    return resolved;
  }

  /** Drops keys past their 24 hours (the recurring job `checkout.expire-idempotency-keys`); returns how many. */
  expireKeys(): Promise<number> {
    return this.keys.expire();
  }
}

/**
 * 会员抢先购: before a launch's public instant only members of its tiers may order it. The tier is
 * the one the participants gave the quote (membership), so checkout compares codes and imports nothing.
 */
function assertEarlyAccess(lines: CartLine[], tier: string | null, now: Date, timezone: string): void {
  for (const l of lines) {
    const e = l.variant?.earlyAccess;
    if (!e || now.getTime() >= Date.parse(e.publicAt) || (tier !== null && e.tiers.includes(tier))) continue;
    const at = new TZDate(Date.parse(e.publicAt), timezone);
    const two = (n: number) => String(n).padStart(2, '0');
    const publicAt = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
    throw new AppError(CheckoutErrors.EARLY_ACCESS_ONLY, { itemZh: l.variant!.title['zh-CN'], itemEn: l.variant!.title.en, publicAt });
  }
}

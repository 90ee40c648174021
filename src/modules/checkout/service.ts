import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError, CoreErrors } from '../../platform/errors.js';
import { newId, } from '../../platform/ids.js';
import { DAY } from '../../platform/clock.js';
import { DEFAULT_CURRENCY } from '../../platform/money.js';
import type { CartLine, CartService } from '../cart/index.js';
import type { InventoryService } from '../inventory/index.js';
import type { OrderRow, OrderService, ShippingAddress } from '../orders/index.js';
import { priceCart, PricingInputError, type PriceQuote, type ShippingMethod } from '../pricing/index.js';
import { idempotencyKeys } from './schema.js';
import { CheckoutErrors } from './errors.js';
import type { ShippingMethods } from './shipping-methods.js';

export interface PlaceOrderInput {
  /** The cart to order: all its lines, and the cart is closed. */
  cartId?: string;
  /** Or items bought directly (立即购买): the cart, if any, stays as it is. */
  items?: Array<{ variantId: string; quantity: number }>;
  shippingMethodId: string;
  address: ShippingAddress;
  note?: string | null;
  channel?: string | null;
}

/** Idempotency keys are honoured for a day; older ones may be reused. */
export const IDEMPOTENCY_TTL_MS = DAY;

/**
 * Checkout: prices a cart (pure engine) and turns it into an order in one transaction —
 * reserve stock, write the order, close the cart, remember the Idempotency-Key.
 */
export class CheckoutService {
  constructor(
    private readonly k: Kernel,
    private readonly carts: CartService,
    private readonly inventory: InventoryService,
    private readonly orders: OrderService,
    readonly shipping: ShippingMethods,
  ) {}

  /** The price breakdown of cart lines with an optional shipping method and destination. */
  quote(lines: CartLine[], shipping: ShippingMethod | null, provinceCode?: string): PriceQuote | null {
    const sellable = lines.filter((l) => l.variant?.sellable);
    if (sellable.length === 0) return null;
    try {
      return priceCart({
        currency: DEFAULT_CURRENCY,
        lines: sellable.map((l) => ({
          lineId: l.itemId,
          variantId: l.variantId,
          productId: l.variant!.productId,
          categoryId: l.variant!.categoryId,
          unitPrice: l.variant!.price,
          listPrice: l.variant!.listPrice ?? undefined,
          quantity: l.quantity,
          weightGrams: l.variant!.weightGrams,
        })),
        shipping,
        destination: provinceCode ? { provinceCode } : undefined,
      });
    } catch (err) {
      if (err instanceof PricingInputError) throw new AppError(CheckoutErrors.PRICING_FAILED, { reason: err.message });
      throw err;
    }
  }

  async shippingMethod(id: string): Promise<ShippingMethod> {
    const m = await this.shipping.find(id);
    if (!m) throw new AppError(CheckoutErrors.SHIPPING_METHOD_NOT_FOUND, { id });
    return m;
  }

  /**
   * Places an order from the shopper's cart. With an Idempotency-Key the same key and body
   * returns the same order; the same key with another body is refused.
   */
  async placeOrder(customerId: string, input: PlaceOrderInput, idempotencyKey?: string): Promise<{ order: OrderRow; replayed: boolean }> {
    return this.k.db.transaction(async () => {
      if (idempotencyKey) {
        const earlier = await this.claimKey(customerId, idempotencyKey, requestHash(input));
        if (earlier) return { order: await this.orders.get(earlier), replayed: true };
      }
      const cart = input.cartId ? await this.carts.get(input.cartId, { customerId, token: null }, { forUpdate: true }) : null;
      if (cart && cart.status !== 'open') throw new AppError(CheckoutErrors.CART_EMPTY);
      const lines = cart ? await this.carts.lines(cart.id) : await this.carts.linesFor(input.items ?? []);
      if (lines.length === 0) throw new AppError(CheckoutErrors.CART_EMPTY);
      const gone = lines.find((l) => !l.variant?.sellable);
      if (gone) throw new AppError(CheckoutErrors.ITEM_UNAVAILABLE, { itemZh: gone.variant?.title['zh-CN'] ?? '一件商品', itemEn: gone.variant?.title.en ?? 'An item' });
      const method = await this.shippingMethod(input.shippingMethodId);
      const quote = this.quote(lines, method, input.address.provinceCode)!;
      const orderId = newId();
      await this.inventory.reserve(
        orderId,
        lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, title: l.variant!.title })),
      );
      const order = await this.orders.create(
        {
          customerId,
          currency: quote.currency,
          quote,
          shippingMethod: { id: method.id, name: method.name },
          shippingAddress: input.address,
          note: input.note,
          channel: input.channel,
          lines: lines.map((l) => ({
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
      if (cart) await this.carts.markOrdered(cart.id);
      if (idempotencyKey) {
        await this.k.db.q
          .update(idempotencyKeys)
          .set({ orderId: order.id })
          .where(and(eq(idempotencyKeys.customerId, customerId), eq(idempotencyKeys.key, idempotencyKey)));
      }
      return { order, replayed: false };
    });
  }

  /**
   * Claims the key inside the order's transaction. A concurrent request with the same key blocks
   * on the primary key until this transaction ends, then sees the order (or, after a rollback,
   * claims the key itself). Returns the earlier order's id for a replay.
   */
  private async claimKey(customerId: string, key: string, hash: string): Promise<string | null> {
    const q = this.k.db.q;
    const now = this.k.clock.now();
    // An expired key the hourly expiry has not deleted yet counts as absent: the claim takes it over.
    const claimed = await q
      .insert(idempotencyKeys)
      .values({ customerId, key, requestHash: hash, createdAt: now })
      .onConflictDoUpdate({
        target: [idempotencyKeys.customerId, idempotencyKeys.key],
        set: { requestHash: hash, orderId: null, createdAt: now },
        setWhere: lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)),
      })
      .returning({ key: idempotencyKeys.key });
    if (claimed.length) return null;
    const [row] = await q
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.customerId, customerId), eq(idempotencyKeys.key, key)));
    if (!row || row.requestHash !== hash) throw new AppError(CoreErrors.IDEMPOTENCY_KEY_REUSED);
    if (!row.orderId) throw new AppError(CoreErrors.IDEMPOTENCY_IN_PROGRESS);
    return row.orderId;
  }

  /** Drops keys past their 24 hours (the recurring job `checkout.expire-idempotency-keys`); returns how many. */
  async expireKeys(): Promise<number> {
    const gone = await this.k.db.q
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.createdAt, new Date(this.k.clock.now().getTime() - IDEMPOTENCY_TTL_MS)))
      .returning({ key: idempotencyKeys.key });
    return gone.length;
  }
}

function requestHash(input: PlaceOrderInput): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
      : v;
  return createHash('sha256').update(JSON.stringify(canonical(input))).digest('hex');
}

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kernel } from '../../platform/kernel.js';
import { setCookie } from '../../platform/http/cookies.js';
import type { CartAccess, CartLine, CartRow, CartService } from './service.js';
import { MAX_QUANTITY } from './errors.js';
import { cartSummaryView, cartView } from './views.js';
import { couponCodeInput, pointsInput, type OffersView } from '../pricing/index.js';

export const CART_COOKIE = 'sk_cart';
const CART_HEADER = 'x-cart-token';

/** What a caller may use: their session's customer, plus the guest token from header or cookie. */
export function cartAccessOf(req: FastifyRequest): CartAccess {
  const header = req.headers[CART_HEADER];
  const token = (typeof header === 'string' ? header : undefined) ?? req.cookies?.[CART_COOKIE] ?? null;
  return { customerId: req.customer?.id ?? null, token };
}

/** What the shopper asks a quote for: shipping, destination, chosen coupons and points. */
export interface QuoteQuery {
  shippingMethodId?: string;
  province?: string;
  coupons?: string[];
  points?: number;
}

/**
 * Prices lines for the cart's answer — the breakdown and what the promotions say about it — for a
 * shopper (null: a guest). The composition root supplies it (checkout's quote, with its participants).
 */
export type CartPricer = (lines: CartLine[], q: QuoteQuery, customerId: string | null) => Promise<{ quote: unknown; offers: OffersView | null }>;

/** One line as the cart's answer shows it; checkout's quote of a buy-now item uses it too. */
export function cartItemOf(l: CartLine) {
  return {
    id: l.itemId,
    variantId: l.variantId,
    productId: l.variant?.productId ?? null,
    sku: l.variant?.sku ?? null,
    title: l.variant?.title ?? null,
    optionValues: l.variant?.optionValues ?? {},
    image: l.variant?.image ?? null,
    unitPrice: l.variant?.price ?? null,
    quantity: l.quantity,
    available: l.variant?.sellable ?? false,
  };
}

const idParams = z.object({ cartId: z.uuid() });
export const quoteQuery = z.object({
  shippingMethodId: z.uuid().optional(),
  province: z.string().regex(/^\d{2}$/).optional(),
  coupons: z
    .string()
    .max(205)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(couponCodeInput).max(5))
    .optional()
    .describe('Coupon codes the shopper chose, comma-separated'),
  points: z.coerce.number().pipe(pointsInput).optional().describe('Points the shopper wants to pay with'),
});

export function cartStoreRoutes(k: Kernel, carts: CartService, price: CartPricer): FastifyPluginAsyncZod {
  const view = async (cart: CartRow, token: string | null, q: QuoteQuery = {}, known?: CartLine[]) => {
    const lines = known ?? (await carts.lines(cart.id));
    const { quote, offers } = await price(lines, q, cart.customerId);
    return { id: cart.id, status: cart.status, customerId: cart.customerId, token, items: lines.map(cartItemOf), quote, offers };
  };
  const setCartCookie = (reply: FastifyReply, token: string | null) => {
    if (token) setCookie(reply, k.config.publicUrl, CART_COOKIE, token, { maxAgeSeconds: 30 * 86400 });
  };

  return async (app) => {
    app.post(
      '/carts',
      { schema: { operationId: 'createCart', tags: ['cart'], summary: "Open a cart (a signed-in shopper gets their open cart back)", response: { 201: cartView } } },
      async (req, reply) => {
        // One statement either way (the open cart with its items, or a new cart): no transaction needed.
        const { cart, token, lines } = await carts.open(req.customer?.id ?? null);
        setCartCookie(reply, token);
        return reply.code(201).send(await view(cart, token, {}, lines));
      },
    );

    app.get(
      '/carts/:cartId',
      { schema: { operationId: 'getCart', tags: ['cart'], params: idParams, querystring: quoteQuery, response: { 200: cartView } } },
      async (req) => view(await carts.get(req.params.cartId, cartAccessOf(req)), null, req.query),
    );

    app.get(
      '/carts/:cartId/summary',
      {
        schema: {
          operationId: 'getCartSummary',
          tags: ['cart'],
          summary: 'The cart’s state and unit count, without pricing (for a page header)',
          params: idParams,
          response: { 200: cartSummaryView },
        },
      },
      async (req) => {
        const { id, status, itemCount } = await carts.summary(req.params.cartId, cartAccessOf(req));
        return { id, status, itemCount };
      },
    );

    app.post(
      '/carts/:cartId/items',
      {
        schema: {
          operationId: 'addCartItem',
          tags: ['cart'],
          params: idParams,
          body: z.object({ variantId: z.uuid(), quantity: z.number().int().min(1).max(MAX_QUANTITY).default(1) }),
          response: { 200: cartView },
        },
      },
      async (req) => {
        const { cart, lines } = await k.db.transaction(() => carts.addItem(req.params.cartId, cartAccessOf(req), req.body.variantId, req.body.quantity));
        return view(cart, null, {}, lines);
      },
    );

    app.patch(
      '/carts/:cartId/items/:itemId',
      {
        schema: {
          operationId: 'updateCartItem',
          tags: ['cart'],
          params: z.object({ cartId: z.uuid(), itemId: z.uuid() }),
          body: z.object({ quantity: z.number().int().min(0).max(MAX_QUANTITY).describe('0 removes the item') }),
          response: { 200: cartView },
        },
      },
      async (req) => {
        const cart = await k.db.transaction(async () => {
          const c = await carts.get(req.params.cartId, cartAccessOf(req), { forUpdate: true });
          await carts.setQuantity(c, req.params.itemId, req.body.quantity);
          return c;
        });
        return view(cart, null);
      },
    );

    app.delete(
      '/carts/:cartId/items/:itemId',
      {
        schema: { operationId: 'removeCartItem', tags: ['cart'], params: z.object({ cartId: z.uuid(), itemId: z.uuid() }), response: { 200: cartView } },
      },
      async (req) => {
        const cart = await k.db.transaction(async () => {
          const c = await carts.get(req.params.cartId, cartAccessOf(req), { forUpdate: true });
          await carts.setQuantity(c, req.params.itemId, 0);
          return c;
        });
        return view(cart, null);
      },
    );
  };
}

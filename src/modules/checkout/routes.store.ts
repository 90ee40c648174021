import { z } from 'zod';
import { utmInput } from '../../platform/attribution.js';
import { idempotencyKeyHeader } from '../../platform/idempotency/idempotency.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { requireCustomer } from '../../platform/http/require-customer.js';
import { addressSchema, orderDetailView, toOrderDetail, type OrderService, type ShippingAddress } from '../orders/index.js';
import type { CheckoutService } from './service.js';
import { CheckoutErrors } from './errors.js';
import { shippingMethodView } from './types.js';
import { SHIPPING_METHODS_TAG } from './shipping-methods.js';
import { sendCachedJson } from '../../platform/http/cached.js';
import { cartItemOf, cartView, MAX_LINES, MAX_QUANTITY, quoteQuery, type CartService } from '../cart/index.js';
import { offersOf } from './offers.js';
import { couponCodeInput, pointsInput } from '../pricing/index.js';

const item = z.object({ variantId: z.uuid(), quantity: z.number().int().min(1).max(MAX_QUANTITY) });

/** Looks up one of the shopper's saved addresses (the customers module supplies it). */
export interface AddressResolver {
  /** One of the shopper's saved addresses; 404 when it is not theirs. */
  saved(customerId: string, addressId: string): Promise<ShippingAddress>;
  /** An address typed in at checkout: its region checked, its region text written by the server. */
  typed(address: ShippingAddress): ShippingAddress;
}

export function checkoutStoreRoutes(
  k: Kernel,
  checkout: CheckoutService,
  carts: CartService,
  orders: OrderService,
  addresses: AddressResolver,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/shipping-methods',
      {
        schema: {
          operationId: 'listShippingMethods',
          tags: ['checkout'],
          summary: 'The active shipping methods, in list order',
          response: { 200: z.object({ items: z.array(shippingMethodView) }) },
        },
      },
      // Cached until staff change a method (SHIPPING_METHODS_TAG, dropped in every process).
      (req, reply) =>
        sendCachedJson(k.cache, req, reply, 'store:shipping-methods', () => [SHIPPING_METHODS_TAG], async () => ({
          items: await checkout.shipping.list(),
        })),
    );

    app.get(
      '/checkout/quote',
      {
        schema: {
          operationId: 'quoteItem',
          tags: ['checkout'],
          summary: 'Price one item bought directly (立即购买), as placeOrder with `items` would',
          querystring: z.object({
            variantId: z.uuid(),
            quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY).default(1),
          }).extend(quoteQuery.shape),
          response: { 200: cartView.pick({ items: true, quote: true, offers: true }) },
        },
      },
      async (req) => {
        const { variantId, quantity, shippingMethodId, province } = req.query;
        const lines = await carts.linesFor([{ variantId, quantity }]);
        const method = shippingMethodId ? await checkout.shippingMethod(shippingMethodId) : null;
        const priced = await checkout.quote(lines, method, province, { customerId: req.customer?.id ?? null, couponCodes: req.query.coupons, points: req.query.points });
        return { items: lines.map(cartItemOf), quote: priced?.quote ?? null, offers: offersOf(priced) };
      },
    );

    app.post(
      '/orders',
      {
        schema: {
          operationId: 'placeOrder',
          tags: ['checkout'],
          summary: 'Place an order from the cart, or from `items` bought directly (the cart stays as it is); send an Idempotency-Key to make retries safe',
          headers: z.object({ 'idempotency-key': idempotencyKeyHeader }).loose(),
          body: z
            .object({
              cartId: z.uuid().optional(),
              items: z
                .array(item)
                .min(1)
                .max(MAX_LINES)
                .refine((a) => new Set(a.map((i) => i.variantId)).size === a.length, { message: 'each variant once' })
                .optional()
                .describe('Instead of cartId: the items to order (立即购买)'),
              shippingMethodId: z.uuid(),
              addressId: z.uuid().optional(),
              address: addressSchema.optional(),
              note: z.string().max(500).nullable().optional(),
              channel: z.string().max(40).nullable().optional(),
              utm: utmInput.nullable().optional(),
              couponCodes: z.array(couponCodeInput).max(5).optional().describe('Coupon codes the shopper chose'),
              points: pointsInput.optional().describe('Points to pay with'),
            })
            .refine((b) => b.address || b.addressId, { message: 'give address or addressId' })
            .refine((b) => (b.cartId === undefined) !== (b.items === undefined), { message: 'give cartId or items' }),
          response: { 201: orderDetailView, 200: orderDetailView },
        },
      },
      async (req, reply) => {
        const me = requireCustomer(req);
        const { addressId, address, ...rest } = req.body;
        const shippingAddress = address
          ? addresses.typed({ ...address, postalCode: address.postalCode ?? null })
          : addressId
            ? await addresses.saved(me.id, addressId)
            : null;
        if (!shippingAddress) throw new AppError(CheckoutErrors.ADDRESS_REQUIRED);
        const { order, lines, timeline, replayed } = await checkout.placeOrder(
          me.id,
          { ...rest, address: shippingAddress },
          req.headers['idempotency-key'],
        );
        const view = toOrderDetail(order, lines, timeline);
        return reply.code(replayed ? 200 : 201).header('idempotent-replayed', String(replayed)).send(view);
      },
    );
  };
}

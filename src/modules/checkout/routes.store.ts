import { z } from 'zod';
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

/** Looks up one of the shopper's saved addresses (the customers module supplies it). */
export interface AddressResolver {
  /** One of the shopper's saved addresses; 404 when it is not theirs. */
  saved(customerId: string, addressId: string): Promise<ShippingAddress>;
  /** An address typed in at checkout: its region checked, its region text written by the server. */
  typed(address: ShippingAddress): ShippingAddress;
}

export function checkoutStoreRoutes(k: Kernel, checkout: CheckoutService, orders: OrderService, addresses: AddressResolver): FastifyPluginAsyncZod {
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

    app.post(
      '/orders',
      {
        schema: {
          operationId: 'placeOrder',
          tags: ['checkout'],
          summary: 'Place an order from the cart; send an Idempotency-Key to make retries safe',
          headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }).loose(),
          body: z
            .object({
              cartId: z.uuid(),
              shippingMethodId: z.uuid(),
              addressId: z.uuid().optional(),
              address: addressSchema.optional(),
              note: z.string().max(500).nullable().optional(),
              channel: z.string().max(40).nullable().optional(),
            })
            .refine((b) => b.address || b.addressId, { message: 'give address or addressId' }),
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
        const { order, replayed } = await checkout.placeOrder(
          me.id,
          { ...rest, address: shippingAddress },
          req.headers['idempotency-key'],
        );
        const view = toOrderDetail(order, await orders.linesOf(order.id), await orders.timelineOf(order.id));
        return reply.code(replayed ? 200 : 201).header('idempotent-replayed', String(replayed)).send(view);
      },
    );
  };
}

import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import { PaymentErrors } from './errors.js';
import type { Kernel } from '../../platform/kernel.js';
import { requireCustomer } from '../../platform/http/require-customer.js';
import { localeOf } from '../../platform/http/problem.js';
import { orderRefParams, type OrderService } from '../orders/index.js';
import type { PaymentService } from './service.js';
import type { SandboxCallbacks } from './sandbox-callbacks.js';
import { SANDBOX_PAGE_CSP, sandboxPayPage } from './sandbox-page.js';
import { paymentView } from './views.js';

/** Store payment routes: start a payment, and the providers' webhooks (raw body, signature first). */
export function paymentStoreRoutes(k: Kernel, payments: PaymentService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/orders/:orderId/payments',
      {
        schema: {
          operationId: 'createPayment',
          tags: ['payments'],
          summary: 'Start paying an order (or pay again within the countdown)',
          params: orderRefParams,
          body: z.object({ provider: z.string().max(40).default('sandbox'), method: z.enum(['alipay', 'wechat', 'card']) }),
          response: { 201: paymentView },
        },
      },
      async (req, reply) => {
        const me = requireCustomer(req);
        // No transaction: the provider is called between a read and an insert, never inside one (decision 0032).
        const r = await payments.create(req.params.orderId, me.id, req.body.provider, req.body.method);
        return reply.code(201).send({
          ...r.payment,
          payUrl: r.payUrl,
          expiresAt: r.expiresAt.toISOString(),
        });
      },
    );

    // Webhooks need the exact bytes the provider signed: parse JSON as a Buffer in this scope only.
    await app.register(async (plain) => {
      const hook = plain.withTypeProvider<ZodTypeProvider>();
      hook.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
      hook.post(
        '/payments/webhook/:provider',
        {
          schema: {
            operationId: 'paymentWebhook',
            tags: ['payments'],
            summary: 'Provider callback (signed); idempotent on the provider event id',
            params: z.object({ provider: z.string().min(1).max(40) }),
            response: { 200: z.object({ received: z.literal(true), result: z.string() }) },
          },
        },
        async (req) => {
          const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const result = await payments.handleWebhook(req.params.provider, raw, req.headers);
          return { received: true as const, result };
        },
      );
    });
  };
}

/**
 * The sandbox provider's hosted pay page (outside /api: it is the provider's page, not ours).
 * Only the order's own shopper may see or complete it (their session cookie or bearer token): a
 * payment id alone — in a log, a shared link, a browser's history — marks nothing paid. Someone
 * else's payment answers as if it did not exist.
 */
export function sandboxPayRoutes(k: Kernel, payments: PaymentService, orders: OrderService, callbacks: SandboxCallbacks): FastifyPluginAsyncZod {
  const ownPayment = async (req: FastifyRequest, paymentId: string) => {
    const me = requireCustomer(req);
    const p = await payments.get(paymentId);
    const order = await orders.get(p.orderId);
    if (order.customerId !== me.id) throw new AppError(PaymentErrors.PAYMENT_NOT_FOUND, { id: paymentId });
    return { p, order };
  };
  return async (app) => {
    app.get(
      '/pay/sandbox/:paymentId',
      { schema: { hide: true, params: z.object({ paymentId: z.uuid() }), querystring: z.object({ lang: z.string().max(10).optional() }) } },
      async (req, reply) => {
        const { p, order } = await ownPayment(req, req.params.paymentId);
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', SANDBOX_PAGE_CSP);
        return sandboxPayPage({
          locale: localeOf(req),
          paymentId: p.id,
          orderNumber: order.number,
          amount: p.amount,
          currency: p.currency,
          method: p.method,
          expiresAt: order.paymentDueAt,
          now: k.clock.now(),
          status: order.status === 'pending_payment' ? p.status : 'closed',
        });
      },
    );

    await app.register(async (plain) => {
      const form = plain.withTypeProvider<ZodTypeProvider>();
      form.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
        done(null, Object.fromEntries(new URLSearchParams(body as string))),
      );
      form.post(
        '/pay/sandbox/:paymentId/complete',
        {
          schema: {
            hide: true,
            params: z.object({ paymentId: z.uuid() }),
            querystring: z.object({ lang: z.string().max(10).optional() }),
            body: z.object({ outcome: z.enum(['succeeded', 'failed']) }),
          },
        },
        async (req, reply) => {
          const { p, order } = await ownPayment(req, req.params.paymentId);
          if (p.status === 'pending') await callbacks.send(p, req.body.outcome);
          // A path, never an address: the shopper returns to the host they paid from (their cookie
          // lives there), and nothing in the request can point the redirect at another site.
          const back = `/${localeOf(req) === 'en' ? 'en/' : ''}orders/${order.number}?payment=${req.body.outcome === 'succeeded' ? 'processing' : 'failed'}`;
          if (req.headers.accept?.includes('application/json')) return { scheduled: p.status === 'pending', redirect: back };
          return reply.redirect(back, 303);
        },
      );
    });
  };
}

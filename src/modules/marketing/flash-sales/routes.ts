import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendProblem } from '../../../platform/http/problem.js';
import { answeredWrite } from '../../../platform/http/answer.js';
import type { Kernel } from '../../../platform/kernel.js';
import { problemSchema } from '../../../platform/http/pagination.js';
import { adminSecurity as security } from '../../../platform/http/admin-security.js';
import { requireCustomer } from '../../../platform/http/require-customer.js';
import { permit } from '../../staff/index.js';
import type { AuditService } from '../../audit/index.js';
import type { FlashSaleService } from './service.js';
import { flashClaimView, flashItemReport, flashRoundInput, flashRoundView } from './types.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const idParams = z.object({ id: z.uuid() });

/** Flash sale rounds for staff: reading needs marketing.read; creating and publishing need marketing.manage and are audited. */
export function flashSaleAdminRoutes(k: Kernel, flashSales: FlashSaleService, audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['admin: flash sales'];
    app.get('/flash-sales/rounds', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminListFlashSaleRounds', tags, security, summary: 'Flash sale rounds (秒杀场次), latest start first, with units left', response: { 200: z.object({ items: z.array(flashRoundView) }), ...problems } },
    }, async () => ({ items: await flashSales.list() }));

    app.get('/flash-sales/rounds/:id', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminGetFlashSaleRound', tags, security, params: idParams, response: { 200: flashRoundView, ...problems } },
    }, async (req) => flashSales.get(req.params.id));

    app.get('/flash-sales/rounds/:id/report', {
      ...permit('marketing.read'),
      schema: {
        operationId: 'adminFlashSaleRoundReport', tags, security, params: idParams,
        summary: 'Every unit accounted for: per item, stock, units decided / ordered / paid / released, units left, and whether they add up',
        response: { 200: z.object({ items: z.array(flashItemReport) }), ...problems },
      },
    }, async (req) => ({ items: await flashSales.report(req.params.id) }));

    app.post('/flash-sales/rounds', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminCreateFlashSaleRound', tags, security,
        summary: 'Set up a round: a time slot and its SKUs with flash price (below the price), stock to carve out and a per-customer limit; a draft until published',
        body: flashRoundInput,
        response: { 201: flashRoundView, ...problems },
      },
    }, async (req, reply) => {
      const created = await answeredWrite(k.db, req, 201, async () => {
        const round = await flashSales.createRound(req.body);
        await audit.record(req.staff, 'marketing.flashSale.create', { type: 'flashSaleRound', id: round.id }, null, round);
        return round;
      });
      return reply.code(201).send(created);
    });

    app.post('/flash-sales/rounds/:id/publish', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminPublishFlashSaleRound', tags, security, params: idParams,
        summary: 'Publish a draft round: its stock is carved out of the warehouse (all items or none) and shoppers see it',
        response: { 200: flashRoundView, ...problems },
      },
    }, async (req) =>
      answeredWrite(k.db, req, 200, async () => {
        const round = await flashSales.publish(req.params.id);
        await audit.record(req.staff, 'marketing.flashSale.publish', { type: 'flashSaleRound', id: round.id }, { status: 'draft' }, { status: round.status });
        return round;
      }));

    app.post('/flash-sales/rounds/:id/cancel', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminCancelFlashSaleRound', tags, security, params: idParams,
        summary: 'Cancel a round before its start: a published round gives its carved stock back to the warehouse',
        response: { 200: flashRoundView, ...problems },
      },
    }, async (req) =>
      answeredWrite(k.db, req, 200, async () => {
        const before = await flashSales.get(req.params.id);
        const round = await flashSales.cancel(req.params.id);
        await audit.record(req.staff, 'marketing.flashSale.cancel', { type: 'flashSaleRound', id: round.id }, { status: before.status }, { status: round.status });
        return round;
      }));
  };
}

/** Attempts one shopper may make per second (a person pressing again; a script is held back). */
export const BUY_ATTEMPTS_PER_SECOND = 5;
/**
 * Attempts one network address may make per second, whoever is signed in (a farm of accounts behind
 * one address). Ten people pressing at full speed behind one office or campus address still pass.
 */
export const BUY_ATTEMPTS_PER_ADDRESS = 50;

/**
 * The machine itself is not limited per address: without TRUST_PROXY every shopper behind a local
 * proxy would share its loopback address (and the benchmark runs over loopback).
 */
function loopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
}

/** The routes a crowd presses (under /api/store), answered early when the answer is known (below). */
const CROWD_ROUTES = new Set(['/api/store/flash-sales/items/:id/buy', '/api/store/flash-sales/items/:id/token']);

/**
 * A root `onRequest` hook, added before the sign-in hooks (app.ts): an attempt or token request
 * whose answer is already known — the round has not started or is over, the item is sold out — is
 * answered at once, before the session is looked up, the body read, the limits counted or the buy
 * token checked. Nothing is decided or written, and the answer holds for anyone (units left are
 * public), so no check is skipped that could change it. After the last unit, a crowd pressing on
 * costs little more than a bare route; and requests before the start cost no more either.
 */
export function flashSaleEarlyAnswers(flashSales: FlashSaleService) {
  return function flashSaleEarlyAnswer(req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
    if (!CROWD_ROUTES.has(req.routeOptions.url ?? '')) return done();
    flashSales.crowd.note();
    const refusal = flashSales.quickRefusal((req.params as { id?: string }).id ?? '');
    if (!refusal) return done();
    void sendProblem(req, reply, refusal.code, refusal.params);
  };
}

/** Flash sales for shoppers: the rounds to come with units left, the buy token and the buy attempt. */
export function flashSaleStoreRoutes(k: Kernel, flashSales: FlashSaleService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['store: flash sales'];
    app.get('/flash-sales/rounds', {
      schema: {
        operationId: 'listFlashSaleRounds', tags,
        summary: 'Published rounds not yet over, soonest first, with each item’s units left — one answer a second, shared by every poller (and cacheable for a second)',
        response: { 200: z.object({ items: z.array(flashRoundView) }) },
      },
    }, async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=1');
      return { items: await flashSales.upcoming() };
    });

    app.get('/flash-sales/claims/:id', {
      schema: {
        operationId: 'getFlashSaleClaim', tags, params: idParams,
        summary: 'One of the shopper’s wins: poll it until the order is made (state ordered, with orderId) or the unit went back (released, with the reason)',
        response: { 200: flashClaimView, ...problems },
      },
    }, async (req) => flashSales.claimOf(requireCustomer(req).id, req.params.id));

    // The token and buy routes are limited twice — per shopper and route (per address when signed
    // out) and per network address across accounts and routes — each limit a plugin registration of its own (one
    // registration runs one limit per request). Counted in Redis on the scale shape, so every API
    // process counts together.
    const redis = k.config.redisUrl ? new Redis(k.config.redisUrl, { maxRetriesPerRequest: 2, keyPrefix: `${k.config.redisPrefix}:flash-rate:` }) : undefined;
    if (redis) app.addHook('onClose', async () => void (await redis.quit().catch(() => redis.disconnect())));
    await app.register(async (perShopper) => {
      await perShopper.register(rateLimit, { global: true, hook: 'preHandler', redis, max: BUY_ATTEMPTS_PER_SECOND, timeWindow: 1000, keyGenerator: (req) => `${req.routeOptions.url}:${req.customer?.id ?? req.ip}` });
      await perShopper.register(async (perAddress) => {
        await perAddress.register(rateLimit, { global: true, hook: 'preHandler', redis, max: BUY_ATTEMPTS_PER_ADDRESS, timeWindow: 1000, keyGenerator: (req) => `ip:${req.ip}`, allowList: (req) => loopback(req.ip) });
        await perAddress.register(buyRoutes(flashSales));
      });
    });
  };
}

/** The limited routes: the buy token and the attempt. */
function buyRoutes(flashSales: FlashSaleService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['store: flash sales'];
    app.get('/flash-sales/items/:id/token', {
      schema: {
        operationId: 'getFlashSaleBuyToken', tags, params: idParams,
        summary: 'A buy token for the signed-in shopper, issued only while the round is on (before the start: 409 with the start time) and with a saved address (409 FLASH_ADDRESS_NEEDED)',
        response: { 200: z.object({ token: z.string(), expiresAt: z.string() }), ...problems, 429: problemSchema },
      },
    }, async (req) => flashSales.token(requireCustomer(req).id, req.params.id));

    app.post('/flash-sales/items/:id/buy', {
      schema: {
        operationId: 'buyFlashSaleItem', tags, params: idParams,
        summary: 'Try to get units of a flash sale item: decided at once (sold out, over the limit, not started are refused); a win is a claim the order is made from',
        body: z
          .object({
            quantity: z.number().int().min(1).max(99).default(1),
            token: z.string().min(1).max(200).describe('From GET …/token'),
            addressId: z.uuid().optional().describe('One of the shopper’s saved addresses for the order (default: their default address)'),
          })
          .strict(),
        response: { 202: flashClaimView, ...problems, 429: problemSchema },
      },
    }, async (req, reply) => {
      const me = requireCustomer(req);
      return reply.code(202).send(await flashSales.buy(me.id, req.params.id, req.body.quantity, req.body.token, req.body.addressId ?? null));
    });
  };
}

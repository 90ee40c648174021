import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import { permit } from '../staff/index.js';
import { MAX_SERIES_DAYS, type AnalyticsService } from './service.js';

const tags = ['admin: dashboard'];
const money = z.number().int().describe('Minor units (fen) of `currency`');
const ratio = z.number().nullable().describe('Relative change, 0.25 = +25 %; null when the comparison value is 0');

const period = z.object({
  date: z.string().describe('Store-local calendar date, YYYY-MM-DD'),
  from: z.string().describe('Start of the window (inclusive)'),
  to: z.string().describe('End of the window (exclusive)'),
  gmv: money.describe('Sum of totals of orders paid in the window, later refunds included'),
  paidOrders: z.number().int(),
  aov: money.nullable().describe('GMV / paid orders, rounded; null without paid orders'),
  newCustomers: z.number().int().describe('Accounts registered in the window'),
  refunds: z.object({ amount: money, count: z.number().int() }).describe('Refunds recorded in the window, whenever the order was paid'),
});
const changes = z.object({ gmv: ratio, paidOrders: ratio, aov: ratio, newCustomers: ratio });

const todayView = z.object({
  timezone: z.string(),
  currency: z.string(),
  asOf: z.string(),
  today: period,
  yesterday: period.describe('The whole previous store day'),
  yesterdaySoFar: period.describe('The previous store day up to the same time of day as now'),
  change: z.object({ vsYesterdaySoFar: changes, vsYesterday: changes }),
});

const seriesView = z.object({
  timezone: z.string(),
  currency: z.string(),
  days: z.array(z.object({ date: z.string(), gmv: money, paidOrders: z.number().int(), aov: money.nullable() })),
});

/** The dashboard's headline figures (reports.read): today against yesterday, and daily GMV. */
export function analyticsAdminRoutes(analytics: AnalyticsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/dashboard/today', {
      ...permit('reports.read'),
      schema: {
        operationId: 'adminTodayNumbers', tags, security,
        summary: "Today's GMV, paid orders, AOV, new customers and refunds, against yesterday (whole day and up to this time)",
        response: { 200: todayView },
      },
    }, async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return analytics.today();
    });

    app.get('/dashboard/gmv-series', {
      ...permit('reports.read'),
      schema: {
        operationId: 'adminGmvSeries', tags, security, summary: 'GMV and paid orders per store day, oldest first, today included',
        querystring: z.object({ days: z.coerce.number().int().min(1).max(MAX_SERIES_DAYS).default(30) }),
        response: { 200: seriesView, 400: problemSchema },
      },
    }, async (req) => analytics.gmvSeries(req.query.days));
  };
}

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import { permit } from '../staff/index.js';
import { MAX_SERIES_DAYS, type AnalyticsService } from './service.js';
import { seriesView, todayView } from './views.js';

const tags = ['admin: dashboard'];

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

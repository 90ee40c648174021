import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answeredWrite } from '../../../platform/http/answer.js';
import type { Kernel } from '../../../platform/kernel.js';
import { problemSchema } from '../../../platform/http/pagination.js';
import { adminSecurity as security } from '../../../platform/http/admin-security.js';
import { permit } from '../../staff/index.js';
import type { AuditService } from '../../audit/index.js';
import type { CampaignService } from './service.js';
import { campaignInput, campaignList, campaignPatch, campaignReport, campaignView, storeCampaignList, storeCampaignView } from './types.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const idParams = z.object({ id: z.uuid() });
const instant = z.iso.datetime({ offset: true });

/** Campaigns for staff: marketing.read to see them and their report, marketing.manage to plan, publish and pause (audited). */
export function campaignAdminRoutes(k: Kernel, campaigns: CampaignService, audit: AuditService): FastifyPluginAsyncZod {
  const tags = ['admin: campaigns'];
  return async (app) => {
    const write = <T>(req: FastifyRequest, status: number, fn: () => Promise<T>) => answeredWrite(k.db, req, status, fn);

    app.get('/campaigns', {
      ...permit('marketing.read'),
      schema: {
        operationId: 'adminListCampaigns', tags, security,
        summary: 'Campaigns overlapping [from, to) for the calendar (at most 500, by start); without a range the newest 200',
        querystring: z
          .object({ from: instant.optional().describe('Range start (an instant with offset)'), to: instant.optional().describe('Range end') })
          .strict()
          .refine((q) => !q.from || !q.to || Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] }),
        response: { 200: campaignList, ...problems },
      },
    }, async (req) => ({ items: await campaigns.list({ from: req.query.from ? new Date(req.query.from) : undefined, to: req.query.to ? new Date(req.query.to) : undefined }) }));

    app.get('/campaigns/:id', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminGetCampaign', tags, security, summary: 'One campaign with its state and tagged links', params: idParams, response: { 200: campaignView, ...problems } },
    }, async (req) => campaigns.get(req.params.id));

    app.post('/campaigns', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminCreateCampaign', tags, security,
        summary: 'Plan a campaign (as a draft): kind, window, recurrence, landing blocks, promotions and coupons, budget, goals, channels',
        body: campaignInput, response: { 201: campaignView, ...problems },
      },
    }, async (req, reply) => {
      const created = await write(req, 201, async () => {
        const c = await campaigns.create(req.body);
        await audit.record(req.staff, 'marketing.campaign.create', { type: 'campaign', id: c.id }, null, c);
        return c;
      });
      return reply.code(201).send(created);
    });

    app.patch('/campaigns/:id', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminUpdateCampaign', tags, security, summary: 'Change any of a campaign’s fields (the slug only until it is first published)',
        params: idParams, body: campaignPatch, response: { 200: campaignView, ...problems },
      },
    }, async (req) =>
      write(req, 200, async () => {
        const { before, after } = await campaigns.update(req.params.id, req.body);
        await audit.record(req.staff, 'marketing.campaign.update', { type: 'campaign', id: after.id }, before, after);
        return after;
      }),
    );

    for (const [verb, status] of [['publish', 'published'], ['pause', 'paused']] as const) {
      app.post(`/campaigns/:id/${verb}`, {
        ...permit('marketing.manage'),
        schema: {
          operationId: verb === 'publish' ? 'adminPublishCampaign' : 'adminPauseCampaign', tags, security,
          summary: verb === 'publish' ? 'Put the landing page online (again)' : 'Take the landing page offline (its report stays)',
          params: idParams, response: { 200: campaignView, ...problems },
        },
      }, async (req) =>
        write(req, 200, async () => {
          const { before, after, changed } = await campaigns.setStatus(req.params.id, status);
          if (changed) await audit.record(req.staff, `marketing.campaign.${verb}`, { type: 'campaign', id: after.id }, before, after);
          return after;
        }),
      );
    }

    app.get('/campaigns/:id/report', {
      ...permit('marketing.read'),
      schema: {
        operationId: 'adminCampaignReport', tags, security,
        summary: 'Orders, GMV, discount cost, refunds, new customers and ROI of the paid orders attributed to the campaign, by channel and by day',
        params: idParams, response: { 200: campaignReport, ...problems },
      },
    }, async (req) => campaigns.report(req.params.id));
  };
}

/** Landing pages of published campaigns (public). */
export function campaignStoreRoutes(campaigns: CampaignService): FastifyPluginAsyncZod {
  const tags = ['campaigns'];
  return async (app) => {
    app.get('/campaigns', {
      schema: { operationId: 'listCampaigns', tags, summary: 'Published campaigns that have not ended (the sitemap, a list)', response: { 200: storeCampaignList } },
    }, async () => ({ items: await campaigns.storeList() }));

    app.get('/campaigns/:slug', {
      schema: {
        operationId: 'getCampaign', tags, summary: 'A published campaign’s landing page: its blocks with products on sale and coupons claimable now',
        params: z.object({ slug: z.string().min(1).max(100) }), response: { 200: storeCampaignView, 400: problemSchema, 404: problemSchema },
      },
    }, async (req) => campaigns.storeView(req.params.slug));
  };
}

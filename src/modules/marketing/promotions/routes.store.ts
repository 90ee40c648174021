import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { localizedView } from '../../../platform/http/view-fields.js';
import type { PromotionService } from './service.js';

const ids = z.array(z.string());
export const promotionBadge = z.object({
  id: z.string(),
  kind: z.string(),
  label: localizedView.describe('The rule in a few words: 满¥300减¥40, 8.5折, 买2送1 …'),
  name: localizedView,
  scope: z.object({ productIds: ids.optional(), categoryIds: ids.optional(), brandIds: ids.optional(), excludeProductIds: ids.optional() }).nullable().describe('null: every product'),
  tiers: z.array(z.string()).nullable().describe('Only for these member tiers (null: everyone)'),
  newCustomersOnly: z.boolean(),
  unitOff: z.object({ amountOff: z.number().int().optional(), percentOff: z.number().int().optional() }).nullable().describe('直降: each unit in scope is cheaper by amountOff (fen) or percentOff'),
  endsAt: z.string().nullable(),
});
export const promotionBadges = z.object({ items: z.array(promotionBadge), nextChangeAt: z.string().nullable().describe('When the next promotion starts or ends: keep a page showing these no longer') });

/** Promotion badges (促销标签) for listings and product pages. */
export function promotionStoreRoutes(promotions: PromotionService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/promotions/badges', {
      schema: { operationId: 'listPromotionBadges', tags: ['promotions'], summary: 'The promotions running now, in a few words, with their scope: what listings and product pages badge', response: { 200: promotionBadges } },
    }, async () => promotions.badges());
  };
}

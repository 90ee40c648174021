import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.js';
import { MAX_QUERY_LENGTH } from './logic/index.js';
import type { SearchService } from './service.js';
import { searchResponse } from './views.js';

const minor = z.coerce.number().int().min(0).max(1_000_000_000);

export function searchStoreRoutes(search: SearchService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/search',
      {
        schema: {
          operationId: 'searchProducts',
          tags: ['search'],
          summary: 'Search products in Chinese or English, with filters, sorts and facet counts',
          querystring: z.object({
            q: z.string().max(MAX_QUERY_LENGTH).optional(),
            category: z.uuid().optional(),
            brand: z
              .string()
              .max(2000)
              .optional()
              .describe('Comma-separated brand ids (any of them)')
              .refine((v) => !v || v.split(',').every((id) => z.uuid().safeParse(id).success), 'brand ids must be UUIDs'),
            priceMin: minor.optional().describe('Fen'),
            priceMax: minor.optional().describe('Fen'),
            inStock: z.enum(['true', 'false']).optional(),
            sort: z.enum(['relevance', 'price_asc', 'price_desc', 'sales', 'newest']).default('relevance'),
            limit: z.coerce.number().int().min(1).max(100).default(20),
            cursor: z.string().max(100).optional(),
          }),
          response: { 200: searchResponse },
        },
      },
      async (req) => {
        const q = req.query;
        const offset = decodeCursor<[number]>(q.cursor, 1)?.[0] ?? 0;
        const r = await search.search({
          q: q.q,
          categoryId: q.category,
          brandIds: q.brand ? q.brand.split(',') : undefined,
          priceMin: q.priceMin,
          priceMax: q.priceMax,
          inStock: q.inStock === undefined ? undefined : q.inStock === 'true',
          sort: q.sort,
          offset: Number.isInteger(offset) && offset >= 0 ? offset : 0,
          limit: q.limit,
        });
        const next = offset + r.items.length;
        return {
          items: r.items,
          nextCursor: next < r.total ? encodeCursor([next]) : null,
          total: r.total,
          facets: r.facets,
          ...(r.corrected ? { corrected: r.corrected } : {}),
        };
      },
    );

    app.get(
      '/search/suggest',
      {
        schema: {
          operationId: 'suggestSearch',
          tags: ['search'],
          summary: 'Suggestions as the shopper types',
          querystring: z.object({ q: z.string().min(1).max(50), limit: z.coerce.number().int().min(1).max(20).default(8) }),
          response: { 200: z.object({ items: z.array(z.string()) }) },
        },
      },
      async (req) => ({ items: await search.suggest(req.query.q, req.query.limit) }),
    );
  };
}

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendCachedJson } from '../../platform/http/cached.js';
import type { ResponseCache } from '../../platform/cache.js';
import { cursorKey, listCursor } from '../../platform/http/pagination.js';
import { localeOf } from '../../platform/http/problem.js';
import { MAX_QUERY_LENGTH } from './logic/index.js';
import { SEARCH_TAG, type SearchService } from './service.js';
import { searchResponse } from './views.js';

const minor = z.coerce.number().int().min(0).max(1_000_000_000);

/** Deeper than any storefront page goes (500 pages); far past it, a listing is a crawl. */
const MAX_OFFSET = 100_000;
/** The next page's position in the hits, signed like every list cursor. */
const searchCursor = listCursor('search', z.tuple([cursorKey.serial.max(MAX_OFFSET)]));

/**
 * Browsing answers (no free text: a category, brand, price or sort listing) are a bounded set that
 * every home and category page asks for, so they are kept serialized in the response cache under
 * SEARCH_TAG, dropped whenever this process's index changes. Free-text answers stay in the
 * service's memo only: a crawler typing random words must not fill the shared cache.
 */
export function searchStoreRoutes(search: SearchService, cache: ResponseCache, secret: string): FastifyPluginAsyncZod {
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
            cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
            offset: z.coerce.number().int().min(0).max(MAX_OFFSET).optional().describe('Skip this many hits (to jump to a page); ignored with a cursor'),
          }),
          response: { 200: searchResponse },
        },
      },
      (req, reply) => {
        const q = req.query;
        const answer = async () => {
          const offset = searchCursor.decode(secret, q.cursor)?.[0] ?? q.offset ?? 0;
          const r = await search.search({
            q: q.q,
            categoryId: q.category,
            brandIds: q.brand ? q.brand.split(',') : undefined,
            priceMin: q.priceMin,
            priceMax: q.priceMax,
            inStock: q.inStock === undefined ? undefined : q.inStock === 'true',
            sort: q.sort,
            offset,
            limit: q.limit,
          });
          const next = offset + r.items.length;
          return {
            items: r.items,
            nextCursor: next < r.total && next <= MAX_OFFSET ? searchCursor.encode(secret, [next]) : null,
            total: r.total,
            facets: r.facets,
            ...(r.corrected ? { corrected: r.corrected } : {}),
            ...(r.didYouMean ? { didYouMean: r.didYouMean } : {}),
          };
        };
        if (q.q?.trim()) return answer();
        const key = `store:search:${JSON.stringify([q.category, q.brand, q.priceMin, q.priceMax, q.inStock, q.sort, q.limit, q.cursor, q.offset])}`;
        // Cached bodies skip the reply serializer: shaped by the response schema here, once per entry.
        return sendCachedJson(cache, req, reply, key, () => [SEARCH_TAG], async () => searchResponse.encode(await answer()));
      },
    );

    app.get(
      '/search/suggest',
      {
        schema: {
          operationId: 'suggestSearch',
          tags: ['search'],
          summary: 'Suggestions as the shopper types, in the page language (`lang`, else Accept-Language)',
          querystring: z.object({
            q: z.string().min(1).max(50),
            limit: z.coerce.number().int().min(1).max(20).default(8),
            lang: z.string().max(35).optional().describe('The page language (en…, else Chinese); Chinese pages are also offered words typed in pinyin'),
          }),
          response: { 200: z.object({ items: z.array(z.string()) }) },
        },
      },
      async (req, reply) => {
        // The answer depends on the language: a shared cache must key it on the header when no `lang` says it.
        if (!req.query.lang) void reply.header('vary', 'Accept-Language');
        return { items: await search.suggest(req.query.q, req.query.limit, localeOf(req)) };
      },
    );
  };
}

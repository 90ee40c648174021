import { z } from 'zod';
// The catalog's pure schema file, not its index: a views file must not pull in services or routes.
import { catalogTypes } from '../catalog/index.js';

const { productSummary } = catalogTypes;

const facetCount = z.object({ id: z.string(), count: z.number().int() });

/** One page of search results with facet counts. Zod only, so the storefront can infer `SearchResult`. */
export const searchResponse = z.object({
  items: z.array(productSummary),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  corrected: z.string().optional().describe('The query actually searched when a typo was corrected'),
  didYouMean: z
    .array(z.string())
    .optional()
    .describe('When no product has any word of the query: close queries that do find products (offer them as links)'),
  facets: z.object({
    categories: z.array(facetCount),
    brands: z.array(facetCount),
    priceBands: z.array(z.object({ min: z.number().int(), max: z.number().int().nullable(), count: z.number().int() })),
    inStock: z.number().int(),
  }),
});

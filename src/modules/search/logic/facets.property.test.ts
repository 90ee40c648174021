import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRANDS, CATEGORIES, fixtureCatalog } from './fixtures.js';
import { buildSearchIndex, MAX_LIMIT, type SearchQuery } from './index.js';

const docs = fixtureCatalog();
const byId = new Map(docs.map((d) => [d.id, d]));
const index = buildSearchIndex(docs);

const TEXTS = ['', '耳机', '华为', 'wireless', 'wirel', 'coffee', '咖啡', 'shoes', '手机', 'blutooth', '华为 咖啡', 't恤', 'xiaomi', '保温杯', 'zzzz'];
const PRICES = [0, 2_990, 5_000, 9_999, 10_000, 19_900, 50_000, 100_000, 199_999, 200_000, 500_000];

const queryArbitrary: fc.Arbitrary<SearchQuery> = fc.record(
  {
    q: fc.constantFrom(...TEXTS),
    categoryId: fc.constantFrom(...Object.keys(CATEGORIES), 'no-such-category'),
    brandIds: fc.subarray([...Object.keys(BRANDS), 'no-such-brand'], { maxLength: 4 }),
    priceMin: fc.constantFrom(...PRICES),
    priceMax: fc.constantFrom(...PRICES),
    inStock: fc.boolean(),
    sort: fc.constantFrom('relevance', 'price_asc', 'price_desc', 'sales', 'newest'),
  },
  { requiredKeys: [] },
);

/** What the filters alone should keep, checked product by product against the text matches. */
function expectedIds(query: SearchQuery): Set<string> {
  const textMatches = new Set(index.search({ q: query.q, limit: MAX_LIMIT }).ids);
  return new Set(
    docs
      .filter((d) => textMatches.has(d.id))
      .filter((d) => query.categoryId === undefined || d.categoryPath.includes(query.categoryId))
      .filter((d) => query.brandIds === undefined || query.brandIds.length === 0 || query.brandIds.includes(d.brandId ?? ''))
      .filter((d) => query.priceMin === undefined || d.priceMax >= query.priceMin)
      .filter((d) => query.priceMax === undefined || d.priceMin <= query.priceMax)
      .filter((d) => query.inStock === undefined || d.inStock === query.inStock)
      .map((d) => d.id),
  );
}

describe('facets (property)', () => {
  it('the catalog fits in one page, so totals can be checked id by id', () => {
    expect(docs.length).toBeLessThanOrEqual(MAX_LIMIT);
  });

  it('filters keep exactly the products a product-by-product check keeps', () => {
    fc.assert(
      fc.property(queryArbitrary, (query) => {
        const result = index.search({ ...query, limit: MAX_LIMIT });
        expect(new Set(result.ids)).toEqual(expectedIds(query));
        expect(result.total).toBe(result.ids.length);
      }),
      { numRuns: 300 },
    );
  });

  it('every facet count equals the total of the search with that facet applied', () => {
    fc.assert(
      fc.property(queryArbitrary, (query) => {
        const { facets, total } = index.search(query);
        for (const { id, count } of facets.categories) {
          expect(count).toBeGreaterThan(0);
          expect(index.search({ ...query, categoryId: id }).total).toBe(count);
        }
        for (const { id, count } of facets.brands) {
          expect(count).toBeGreaterThan(0);
          expect(index.search({ ...query, brandIds: [id] }).total).toBe(count);
        }
        expect(index.search({ ...query, inStock: true }).total).toBe(facets.inStock);
        for (const band of facets.priceBands) {
          if (query.priceMin === undefined && query.priceMax === undefined) {
            const priceMax = band.max === null ? undefined : band.max - 1;
            expect(index.search({ ...query, priceMin: band.min, priceMax }).total).toBe(band.count);
          } else {
            // With a price filter already there, a band counts the results whose range meets it.
            const all = index.search({ ...query, offset: 0, limit: MAX_LIMIT }).ids.map((id) => byId.get(id));
            const inBand = all.filter((d) => d !== undefined && d.priceMax >= band.min && (band.max === null || d.priceMin < band.max));
            expect(inBand.length).toBe(band.count);
          }
        }
        // Without a category filter every result has a root category, so the root counts add up.
        if (query.categoryId === undefined) {
          expect(facets.categories.reduce((sum, c) => sum + c.count, 0)).toBe(total);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('paging and sorting never change the total or the facets', () => {
    fc.assert(
      fc.property(queryArbitrary, fc.nat(80), fc.integer({ min: 1, max: 30 }), (query, offset, limit) => {
        const page = index.search({ ...query, offset, limit });
        const full = index.search({ ...query, sort: undefined, limit: MAX_LIMIT });
        expect(page.total).toBe(full.total);
        expect(page.facets).toEqual(full.facets);
        expect(page.ids).toEqual(index.search({ ...query, limit: MAX_LIMIT }).ids.slice(offset, offset + limit));
      }),
      { numRuns: 200 },
    );
  });
});

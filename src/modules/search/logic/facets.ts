/**
 * Filters and facet counts, in one pass over the text matches (or over the whole catalog when the
 * query has no words).
 *
 * Facet conventions — each count is exactly the `total` that applying that facet value gives:
 * - categories: computed with all filters applied. One entry per immediate child of the current
 *   `categoryId` filter (per root category when there is none), found through each product's
 *   category path; products sitting on the current category itself belong to no child. Count = the
 *   total with `categoryId` set to that child.
 * - brands: disjunctive — computed with every filter except `brandIds`. Count = the total with
 *   `brandIds: [brand]` (the other filters kept). Products without a brand are in no entry.
 * - priceBands: over the result set (all filters). Bands are [min, max) in fen; a product counts in
 *   every band its [priceMin, priceMax] range meets. With no price filter in the query, the count =
 *   the total with `priceMin: min, priceMax: max − 1` (or no priceMax for the open band).
 * - inStock: computed with every filter except `inStock`: the total with `inStock: true`.
 * Entries are sorted by count (descending) then id; zero counts are left out, except price bands,
 * which are always all listed.
 */
import type { Catalog } from './catalog.js';
import type { BrandFacet, CategoryFacet, SearchFacets, SearchQuery } from './types.js';

/** Fixed price bands, fen: 0–50 yuan, 50–100, 100–200, 200–500, 500–1000, 1000–2000, 2000+. */
export const PRICE_BANDS: readonly { min: number; max: number | null }[] = [
  { min: 0, max: 5_000 },
  { min: 5_000, max: 10_000 },
  { min: 10_000, max: 20_000 },
  { min: 20_000, max: 50_000 },
  { min: 50_000, max: 100_000 },
  { min: 100_000, max: 200_000 },
  { min: 200_000, max: null },
];

const NO_CATEGORY = -1;
const UNKNOWN_CATEGORY = -2;

export interface CompiledFilter {
  /** Category index, NO_CATEGORY for none, UNKNOWN_CATEGORY for an id no product has. */
  category: number;
  /** brands[b] === 1 when brand b is wanted; null for no brand filter. */
  brands: Uint8Array | null;
  low: number;
  high: number;
  /** −1 any, 1 in stock only, 0 out of stock only. */
  stock: number;
}

function finite(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function compileFilter(catalog: Catalog, query: SearchQuery): CompiledFilter {
  let category = NO_CATEGORY;
  if (query.categoryId !== undefined && query.categoryId !== '') {
    category = catalog.categoryIndex.get(query.categoryId) ?? UNKNOWN_CATEGORY;
  }
  let brands: Uint8Array | null = null;
  if (query.brandIds !== undefined && query.brandIds.length > 0) {
    brands = new Uint8Array(catalog.brandIds.length);
    for (const id of query.brandIds) {
      const b = catalog.brandIndex.get(id);
      if (b !== undefined) brands[b] = 1;
    }
  }
  return {
    category,
    brands,
    low: finite(query.priceMin, Number.NEGATIVE_INFINITY),
    high: finite(query.priceMax, Number.POSITIVE_INFINITY),
    stock: query.inStock === undefined ? -1 : query.inStock ? 1 : 0,
  };
}

export interface FilterOutcome {
  /** Matching products, in candidate order: `matched[0 .. count)`. Valid until the next run. */
  matched: Int32Array;
  count: number;
  facets: SearchFacets;
}

export class FacetCounter {
  private readonly categoryCounts: Int32Array;
  private readonly brandCounts: Int32Array;
  private readonly matched: Int32Array;
  /** Bit k set when the product's price range meets PRICE_BANDS[k]. */
  private readonly bandMasks: Uint8Array;

  constructor(private readonly catalog: Catalog) {
    this.bandMasks = new Uint8Array(catalog.size);
    for (let d = 0; d < catalog.size; d++) {
      PRICE_BANDS.forEach((band, k) => {
        if (catalog.priceMax[d] >= band.min && (band.max === null || catalog.priceMin[d] < band.max)) this.bandMasks[d] |= 1 << k;
      });
    }
    this.categoryCounts = new Int32Array(catalog.categoryIds.length);
    this.brandCounts = new Int32Array(catalog.brandIds.length);
    this.matched = new Int32Array(catalog.size);
  }

  run(candidates: ArrayLike<number>, filter: CompiledFilter): FilterOutcome {
    const { priceMin, priceMax, inStock, brand, paths, levels, depth } = this.catalog;
    const { category, brands, low, high, stock } = filter;
    const level = category >= 0 ? this.catalog.categoryLevel[category] : -1;
    const bandCounts = new Array<number>(PRICE_BANDS.length).fill(0);
    let count = 0;
    let inStockCount = 0;
    if (category !== UNKNOWN_CATEGORY) {
      for (let i = 0; i < candidates.length; i++) {
        const d = candidates[i];
        let child = -1;
        if (category === NO_CATEGORY) {
          child = levels[d * depth];
        } else if (level >= 0) {
          // The category sits at the same level in every path: one look-up.
          if (levels[d * depth + level] !== category) continue;
          if (level + 1 < depth) child = levels[d * depth + level + 1];
        } else {
          const path = paths[d];
          const at = path.indexOf(category);
          if (at < 0) continue;
          if (at + 1 < path.length) child = path[at + 1];
        }
        const min = priceMin[d];
        const max = priceMax[d];
        if (max < low || min > high) continue;
        const stocked = inStock[d];
        const stockOk = stock < 0 || stocked === stock;
        const b = brand[d];
        if (stockOk && b >= 0) this.brandCounts[b]++;
        if (brands !== null && (b < 0 || brands[b] === 0)) continue;
        if (stocked === 1) inStockCount++;
        if (!stockOk) continue;
        this.matched[count++] = d;
        if (child >= 0) this.categoryCounts[child]++;
        for (let bands = this.bandMasks[d], k = 0; bands !== 0; bands >>>= 1, k++) if (bands & 1) bandCounts[k]++;
      }
    }
    return {
      matched: this.matched,
      count,
      facets: {
        categories: drain(this.categoryCounts, this.catalog.categoryIds),
        brands: drain(this.brandCounts, this.catalog.brandIds),
        priceBands: PRICE_BANDS.map((band, k) => ({ min: band.min, max: band.max, count: bandCounts[k] })),
        inStock: inStockCount,
      },
    };
  }
}

/** Non-zero counts as facet entries (count desc, then id), resetting the counters. */
function drain(counts: Int32Array, ids: readonly string[]): (CategoryFacet | BrandFacet)[] {
  const out: { id: string; count: number }[] = [];
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0) continue;
    out.push({ id: ids[i], count: counts[i] });
    counts[i] = 0;
  }
  return out.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Public shapes of the in-memory product search (re-exported by `index.ts`). */

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface SearchDocument {
  /** Product id. */
  id: string;
  title: LocalizedText;
  subtitle?: LocalizedText;
  description?: LocalizedText;
  categoryId: string;
  /** Category ids from the root to the leaf (the leaf is `categoryId`). */
  categoryPath: string[];
  /** Both languages' names of the categories on the path (searchable). */
  categoryNames: string[];
  brandId: string | null;
  brandName: string | null;
  /** Searchable extra words. */
  tags: string[];
  attributes: string[];
  /** Integer minor units (fen). */
  priceMin: number;
  priceMax: number;
  inStock: boolean;
  sales: number;
  /** Epoch milliseconds. */
  createdAt: number;
}

export type SearchSort = 'relevance' | 'price_asc' | 'price_desc' | 'sales' | 'newest';

export interface SearchQuery {
  q?: string;
  /** Matches any product whose `categoryPath` contains it (the category and its descendants). */
  categoryId?: string;
  /** Any of these brands. An empty array is no brand filter. */
  brandIds?: string[];
  /** Inclusive, fen: a product matches if its [priceMin, priceMax] intersects [priceMin, priceMax]. */
  priceMin?: number;
  priceMax?: number;
  /** true: only products in stock; false: only products out of stock; absent: both. */
  inStock?: boolean;
  sort?: SearchSort;
  /** Default 0. */
  offset?: number;
  /** Default 20, at most 100. */
  limit?: number;
}

export interface CategoryFacet {
  id: string;
  count: number;
}

export interface BrandFacet {
  id: string;
  count: number;
}

/** A price band [min, max) in fen; `max` null means no upper bound. */
export interface PriceBandFacet {
  min: number;
  max: number | null;
  count: number;
}

export interface SearchFacets {
  categories: CategoryFacet[];
  brands: BrandFacet[];
  priceBands: PriceBandFacet[];
  /** How many results `inStock: true` would give (all other filters kept). */
  inStock: number;
}

export interface SearchResult {
  total: number;
  /** The page of product ids, in order. */
  ids: string[];
  facets: SearchFacets;
  /** The query actually used, when typo correction applied. */
  corrected?: string;
  /**
   * When no product has any word of the query: queries close to it (looser corrections) that do find
   * products, to offer as links. Absent when there are none.
   */
  didYouMean?: string[];
}

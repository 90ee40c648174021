import type { Api } from '../../../shared/api';
import type { AppLoadContext } from 'react-router';
import type { Brand, SearchResult } from './types';
import type { Locale } from '../i18n';
import type { CardProduct } from '../components/ProductCard';
import { withBadges } from './badges.server';
import { flashBadger, withFlash } from './flash.server';
import { groupBadger, groupOffers, withGroupBuys } from './group-offers.server';
import { isUuid } from './ids';

export const PAGE_SIZE = 24;
export const SORTS = ['relevance', 'sales', 'newest', 'price_asc', 'price_desc'] as const;
export type Sort = (typeof SORTS)[number];

/** The filters a listing URL carries (GET form fields, so they work without JavaScript). */
export interface ListingQuery {
  q: string;
  /** Brand slugs as the URL carries them (`?brand=huawei`); ids from older links are accepted too. */
  brands: string[];
  /** Yuan as typed by the shopper; sent to the API as fen. */
  min: string;
  max: string;
  inStock: boolean;
  sort: Sort;
  page: number;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** A brand in a URL: its slug, or its id (links made before slugs). Anything else is ignored. */
const brandToken = (b: string) => SLUG.test(b) || isUuid(b);
const yuanToFen = (v: string) => {
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(v)) return undefined;
  return Math.round(Number(v) * 100);
};

export function parseListing(url: URL, defaultSort: Sort): ListingQuery {
  const p = url.searchParams;
  const sort = (SORTS as readonly string[]).includes(p.get('sort') ?? '') ? (p.get('sort') as Sort) : defaultSort;
  const page = Math.min(500, Math.max(1, Number.parseInt(p.get('page') ?? '1', 10) || 1));
  return {
    q: (p.get('q') ?? '').trim().slice(0, 100),
    brands: [...new Set(p.getAll('brand').filter(brandToken))].slice(0, 20),
    min: yuanToFen(p.get('min') ?? '') === undefined ? '' : (p.get('min') ?? ''),
    max: yuanToFen(p.get('max') ?? '') === undefined ? '' : (p.get('max') ?? ''),
    inStock: p.get('inStock') === '1',
    sort,
    page,
  };
}


export async function runListing(api: Api, context: AppLoadContext, locale: Locale, query: ListingQuery, categoryId?: string): Promise<{ result: SearchResult & { items: CardProduct[] }; brands: Brand[] }> {
  // The brand list is a cached public read: slugs become the ids search filters by.
  const all = (await api.get<{ items: Brand[] }>('/api/store/brands')).items;
  const wanted = all.filter((b) => query.brands.includes(b.slug) || query.brands.includes(b.id));
  // A brand that no longer exists filters nothing out rather than everything.
  const [result, brands] = await Promise.all([
    api.get<SearchResult>('/api/store/search', {
      q: query.q || undefined,
      category: categoryId,
      brand: wanted.length ? wanted.map((b) => b.id).join(',') : undefined,
      priceMin: query.min ? yuanToFen(query.min) : undefined,
      priceMax: query.max ? yuanToFen(query.max) : undefined,
      inStock: query.inStock ? 'true' : undefined,
      sort: query.sort,
      limit: PAGE_SIZE,
      // Page numbers jump, so the listing asks by offset rather than following signed cursors.
      offset: query.page > 1 ? (query.page - 1) * PAGE_SIZE : undefined,
    }),
    all,
  ]);
  // Only the brands the facets name travel with the page: its loader data is encoded into the HTML.
  const named = new Set(result.facets.brands.map((b) => b.id));
  const [items, flash, offers] = await Promise.all([withBadges(api, context, locale, result.items), flashBadger(api, context, locale), groupOffers(api, context)]);
  return { result: { ...result, items: withGroupBuys(withFlash(items, flash), groupBadger(offers)) }, brands: brands.filter((b) => named.has(b.id)) };
}

/** Search listings: catalog and sales tags, and at most a minute old (the index rebuilds lazily). */
export const LISTING_MAX_AGE_MS = 60_000;

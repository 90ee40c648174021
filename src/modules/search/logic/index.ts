/**
 * In-memory product search: build once from the catalog (`buildSearchIndex`), search many times.
 * Pure: no I/O (beyond jieba loading its dictionary once), no clock. Rebuild when the catalog changes.
 *
 * - Text: jieba words + Chinese bigrams + Latin words (see tokenize.ts), BM25 with field weights
 *   precomputed per posting (text-index.ts), AND over terms with an OR fallback, prefixes and typo
 *   correction (match.ts).
 * - Order: relevance = score, then sales (desc), then id. Without words, relevance = sales order.
 *   Other sorts tie-break by sales then id as well. price_asc / price_desc use `priceMin`.
 * - Filters and facets: facets.ts (conventions documented there).
 */
import { buildCatalog, SORT_KEYS, validateDocuments, type Catalog, type SortKey } from './catalog.js';
import { compileFilter, FacetCounter } from './facets.js';
import { analyzeDocument } from './fields.js';
import { Matcher } from './match.js';
import { firstK } from './rank.js';
import { SuggestIndex, type SuggestLocale } from './suggest.js';
import { buildTextIndex } from './text-index.js';
import { analyzeQuery, type QueryTerm } from './tokenize.js';
import type { SearchDocument, SearchQuery, SearchResult } from './types.js';

export type {
  BrandFacet,
  CategoryFacet,
  LocalizedText,
  PriceBandFacet,
  SearchDocument,
  SearchFacets,
  SearchQuery,
  SearchResult,
  SearchSort,
} from './types.js';
export { PRICE_BANDS } from './facets.js';
export type { SuggestLocale } from './suggest.js';
export { analyzeQuery, normalize, tokenize } from './tokenize.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Longer query text is cut to this many characters, and only the first MAX_TERMS terms count. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 16;

function pageBounds(query: SearchQuery): { offset: number; limit: number } {
  const offset = Number.isFinite(query.offset) ? Math.max(0, Math.floor(query.offset as number)) : 0;
  const limit = Number.isFinite(query.limit) ? Math.min(MAX_LIMIT, Math.max(0, Math.floor(query.limit as number))) : DEFAULT_LIMIT;
  return { offset, limit };
}

export class SearchIndex {
  private readonly catalog: Catalog;
  private readonly matcher: Matcher;
  private readonly facets: FacetCounter;
  private readonly suggestions: SuggestIndex;

  /** Use `buildSearchIndex`. */
  constructor(docs: readonly SearchDocument[]) {
    validateDocuments(docs);
    const analyzed = docs.map(analyzeDocument);
    this.catalog = buildCatalog(docs);
    this.matcher = new Matcher(buildTextIndex(analyzed));
    this.facets = new FacetCounter(this.catalog);
    this.suggestions = new SuggestIndex(docs, analyzed);
  }

  /** Number of products indexed. */
  get size(): number {
    return this.catalog.size;
  }

  search(query: SearchQuery): SearchResult {
    const { offset, limit } = pageBounds(query);
    // An unknown sort (from an unchecked caller) falls back to relevance.
    const sort = query.sort !== undefined && (SORT_KEYS as readonly string[]).includes(query.sort) ? query.sort : 'relevance';
    const sortKey: SortKey = sort === 'relevance' ? 'sales' : sort;
    const filter = compileFilter(this.catalog, query);
    const analyzed = analyzeQuery((query.q ?? '').slice(0, MAX_QUERY_LENGTH), this.matcher.knows, this.matcher.read);
    const terms = analyzed.terms.slice(0, MAX_TERMS);

    if (terms.length === 0) {
      // No words: every product (of the category, if any) is a candidate, visited in the requested order.
      const candidates = filter.category >= 0 ? this.catalog.subtree[filter.category][sortKey] : this.catalog.order[sortKey];
      const outcome = this.facets.run(candidates, filter);
      const end = Math.min(outcome.count, offset + limit);
      const ids: string[] = [];
      for (let i = offset; i < end; i++) ids.push(this.catalog.ids[outcome.matched[i]]);
      return { total: outcome.count, ids, facets: outcome.facets };
    }

    const match = this.matcher.match(terms);
    const outcome = this.facets.run(match.docs, filter);
    const { scores } = match;
    const rank = this.catalog.rank[sortKey]; // for relevance: the sales order, which breaks score ties
    const compare =
      sort === 'relevance'
        ? (a: number, b: number): number => scores[b] - scores[a] || rank[a] - rank[b]
        : (a: number, b: number): number => rank[a] - rank[b];
    const page = firstK(outcome.matched, outcome.count, offset + limit, compare).slice(offset);
    const result: SearchResult = {
      total: outcome.count,
      ids: page.map((d) => this.catalog.ids[d]),
      facets: outcome.facets,
    };
    if (match.corrections.length > 0) result.corrected = applyCorrections(analyzed.normalized, match.corrections);
    if (match.docs.length === 0) {
      const didYouMean = this.didYouMean(analyzed.normalized, terms);
      if (didYouMean.length > 0) result.didYouMean = didYouMean;
    }
    return result;
  }

  /** For words that match nothing: the query with looser corrections, if that query finds products. */
  private didYouMean(normalized: string, terms: QueryTerm[]): string[] {
    const alternatives = this.matcher.alternatives(terms);
    if (alternatives.length === 0) return [];
    const text = applyCorrections(normalized, alternatives);
    const retried = analyzeQuery(text, this.matcher.knows, this.matcher.read);
    return this.matcher.match(retried.terms.slice(0, MAX_TERMS)).docs.length > 0 ? [text] : [];
  }

  /** Up to `limit` titles, names and words starting with `prefix`, best sellers first; in `locale` when given. */
  suggest(prefix: string, limit = 8, locale?: SuggestLocale): string[] {
    return this.suggestions.suggest(prefix, limit, locale);
  }
}

/** The normalised query with each corrected word replaced (whole Latin words only). */
function applyCorrections(normalized: string, corrections: readonly { from: string; to: string }[]): string {
  let text = normalized;
  for (const { from, to } of corrections) {
    text = text.replace(new RegExp(`(?<![a-z])${from}(?![a-z])`, 'g'), to);
  }
  return text;
}

export function buildSearchIndex(docs: SearchDocument[]): SearchIndex {
  return new SearchIndex(docs);
}

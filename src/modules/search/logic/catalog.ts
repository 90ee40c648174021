/**
 * The non-text side of the index: per-product filter attributes in typed arrays, categories and
 * brands as small integers, and every sort order precomputed (order = product indexes in that order,
 * rank = position of each product in it), also per category subtree.
 */
import type { SearchDocument, SearchSort } from './types.js';

export type SortKey = Exclude<SearchSort, 'relevance'>;
export const SORT_KEYS: readonly SortKey[] = ['sales', 'price_asc', 'price_desc', 'newest'];

export interface Catalog {
  size: number;
  ids: readonly string[];
  priceMin: Float64Array;
  priceMax: Float64Array;
  inStock: Uint8Array;
  /** Brand index per product, −1 when it has none. */
  brand: Int32Array;
  brandIds: readonly string[];
  brandIndex: ReadonlyMap<string, number>;
  /** Category indexes from root to leaf, per product. */
  paths: readonly Int32Array[];
  /** The same paths flattened: `levels[doc * depth + level]`, −1 past the leaf. */
  levels: Int32Array;
  /** Length of the longest path. */
  depth: number;
  /** The level of each category in every path having it, −1 if it is not the same everywhere. */
  categoryLevel: Int32Array;
  categoryIds: readonly string[];
  categoryIndex: ReadonlyMap<string, number>;
  /** `subtree[category][key]`: the products under the category, in `order[key]` order. */
  subtree: readonly Readonly<Record<SortKey, Int32Array>>[];
  /** `order[key]`: product indexes sorted by `key`; ties by sales (desc) then id. */
  order: Readonly<Record<SortKey, Int32Array>>;
  /** `rank[key][doc]`: the position of `doc` in `order[key]`. */
  rank: Readonly<Record<SortKey, Int32Array>>;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function intern(map: Map<string, number>, list: string[], id: string): number {
  let i = map.get(id);
  if (i === undefined) {
    i = list.length;
    list.push(id);
    map.set(id, i);
  }
  return i;
}

/** Throws on what would make the index lie: duplicate ids, prices that are not ordered integers. */
export function validateDocuments(docs: readonly SearchDocument[]): void {
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.id)) throw new RangeError(`duplicate product id in search documents: ${doc.id}`);
    seen.add(doc.id);
    if (!Number.isSafeInteger(doc.priceMin) || !Number.isSafeInteger(doc.priceMax) || doc.priceMin > doc.priceMax) {
      throw new RangeError(`product ${doc.id}: priceMin/priceMax must be integers (fen) with priceMin ≤ priceMax`);
    }
  }
}

export function buildCatalog(docs: readonly SearchDocument[]): Catalog {
  const size = docs.length;
  const priceMin = new Float64Array(size);
  const priceMax = new Float64Array(size);
  const inStock = new Uint8Array(size);
  const brand = new Int32Array(size);
  const brandIds: string[] = [];
  const brandIndex = new Map<string, number>();
  const categoryIds: string[] = [];
  const categoryIndex = new Map<string, number>();
  const paths = docs.map((doc, i) => {
    priceMin[i] = doc.priceMin;
    priceMax[i] = doc.priceMax;
    inStock[i] = doc.inStock ? 1 : 0;
    brand[i] = doc.brandId === null ? -1 : intern(brandIndex, brandIds, doc.brandId);
    // The path runs from the root to the leaf; the leaf is added should a caller have left it out.
    const path = doc.categoryPath.at(-1) === doc.categoryId ? doc.categoryPath : [...doc.categoryPath, doc.categoryId];
    return Int32Array.from(path, (id) => intern(categoryIndex, categoryIds, id));
  });

  const bySales = (a: number, b: number): number => docs[b].sales - docs[a].sales || compareIds(docs[a].id, docs[b].id);
  const comparators: Record<SortKey, (a: number, b: number) => number> = {
    sales: bySales,
    price_asc: (a, b) => docs[a].priceMin - docs[b].priceMin || bySales(a, b),
    price_desc: (a, b) => docs[b].priceMin - docs[a].priceMin || bySales(a, b),
    newest: (a, b) => docs[b].createdAt - docs[a].createdAt || bySales(a, b),
  };
  const order = {} as Record<SortKey, Int32Array>;
  const rank = {} as Record<SortKey, Int32Array>;
  for (const key of SORT_KEYS) {
    const sorted = Int32Array.from(docs.keys()).sort(comparators[key]);
    const ranks = new Int32Array(size);
    sorted.forEach((doc, position) => {
      ranks[doc] = position;
    });
    order[key] = sorted;
    rank[key] = ranks;
  }

  const depth = paths.reduce((max, path) => Math.max(max, path.length), 0);
  const levels = new Int32Array(size * depth).fill(-1);
  const categoryLevel = new Int32Array(categoryIds.length).fill(-2);
  paths.forEach((path, d) => {
    path.forEach((c, level) => {
      levels[d * depth + level] = c;
      categoryLevel[c] = categoryLevel[c] === -2 || categoryLevel[c] === level ? level : -1;
    });
  });
  const subtree = categoryIds.map(() => ({}) as Record<SortKey, Int32Array>);
  for (const key of SORT_KEYS) {
    const members = categoryIds.map((): number[] => []);
    for (const d of order[key]) for (const c of new Set(paths[d])) members[c].push(d);
    members.forEach((list, c) => {
      subtree[c][key] = Int32Array.from(list);
    });
  }

  return {
    size,
    ids: docs.map((d) => d.id),
    priceMin,
    priceMax,
    inStock,
    brand,
    brandIds,
    brandIndex,
    paths,
    levels,
    depth,
    categoryLevel,
    categoryIds,
    categoryIndex,
    subtree,
    order,
    rank,
  };
}

import type { Kernel } from '../../platform/kernel.js';
import type { CatalogService } from '../catalog/index.js';
import { catalogTags, catalogTypes } from '../catalog/index.js';
import type { InventoryService } from '../inventory/index.js';
import { buildSearchIndex, type SearchDocument, type SearchIndex, type SearchQuery, type SuggestLocale } from './logic/index.js';

type ProductSummary = catalogTypes.ProductSummary;

/** Rebuilds are coalesced: at most one per this interval, serving the previous index meanwhile. */
const REBUILD_EVERY_MS = 1000;
/** Answers kept per index version: listing pages ask the same few queries over and over. */
const MEMO_ENTRIES = 2000;
/** The response-cache tag of search answers: forgotten (in this process) whenever its index changes or goes stale. */
export const SEARCH_TAG = 'search';

/**
 * Holds the in-memory search index of active products. Catalog and stock invalidations (local or
 * broadcast from other processes) mark it stale; the next search rebuilds it in the background
 * and keeps answering from the previous one, so a burst of stock changes costs one rebuild a second.
 */
export class SearchService {
  private index: SearchIndex | null = null;
  private summaries = new Map<string, ProductSummary>();
  private building: Promise<void> | null = null;
  private stale = true;
  private lastBuild = 0;
  private deferred: NodeJS.Timeout | null = null;
  /** Bumped on every rebuild: the memo below keeps answers for one version. */
  version = 0;

  constructor(
    private readonly k: Kernel,
    private readonly catalog: CatalogService,
    private readonly inventory: InventoryService,
  ) {
    k.cache.onInvalidate((tags) => {
      if (tags.some((t) => t === catalogTags.all || t === catalogTags.sales || t.startsWith('stock:'))) {
        this.stale = true;
        // Cached answers would keep requests from reaching ready(), which is what starts the rebuild.
        k.cache.forget(SEARCH_TAG);
      }
    });
  }

  async ready(): Promise<SearchIndex> {
    if (!this.index) await this.rebuild();
    else if (this.stale && !this.building && !this.deferred) {
      const wait = REBUILD_EVERY_MS - (Date.now() - this.lastBuild);
      if (wait <= 0) this.rebuildInBackground();
      else {
        // Too soon after the last one: rebuild when the interval is up, even if no search comes then
        // (answers from the stale index are cached meanwhile, and forgotten when it is replaced).
        this.deferred = setTimeout(() => {
          this.deferred = null;
          this.rebuildInBackground();
        }, wait);
        this.deferred.unref();
      }
    }
    return this.index!;
  }

  private rebuildInBackground(): void {
    void this.rebuild().catch((err) => this.k.log.error({ err }, 'search index rebuild failed'));
  }

  private memo = new Map<string, ReturnType<SearchService['answer']>>();
  private memoVersion = -1;

  /** Same index, same query, same answer: kept until the next rebuild (callers must not mutate it). */
  async search(q: SearchQuery) {
    const index = await this.ready();
    if (this.memoVersion !== this.version) {
      this.memo.clear();
      this.memoVersion = this.version;
    }
    const key = JSON.stringify([q.q, q.categoryId, q.brandIds, q.priceMin, q.priceMax, q.inStock, q.sort, q.offset, q.limit]);
    let answer = this.memo.get(key);
    if (!answer) {
      answer = this.answer(index, q);
      if (this.memo.size >= MEMO_ENTRIES) this.memo.delete(this.memo.keys().next().value!);
      this.memo.set(key, answer);
    }
    return answer;
  }

  private answer(index: SearchIndex, q: SearchQuery) {
    const result = index.search(q);
    return { ...result, items: result.ids.map((id) => this.summaries.get(id)!).filter(Boolean) };
  }

  async suggest(prefix: string, limit: number, locale?: SuggestLocale) {
    return (await this.ready()).suggest(prefix, limit, locale);
  }

  private rebuild(): Promise<void> {
    this.building ??= (async () => {
      this.stale = false;
      this.lastBuild = Date.now();
      const [products, tree, brands] = await Promise.all([this.catalog.allActiveProducts(), this.catalog.categoryTree(), this.catalog.listBrands()]);
      const stock = await this.inventory.availability(products.flatMap((p) => p.variants.map((v) => v.id)));
      const paths = new Map<string, { ids: string[]; names: string[] }>();
      const walk = (nodes: typeof tree, ids: string[], names: string[]) => {
        for (const n of nodes) {
          const here = { ids: [...ids, n.id], names: [...names, n.name['zh-CN'], n.name.en] };
          paths.set(n.id, here);
          walk(n.children, here.ids, here.names);
        }
      };
      walk(tree, [], []);
      const brandNames = new Map(brands.map((b) => [b.id, `${b.name['zh-CN']} ${b.name.en}`]));
      const docs: SearchDocument[] = products.map((p) => ({
        id: p.id,
        title: p.title,
        subtitle: p.subtitle ?? undefined,
        description: p.description ?? undefined,
        categoryId: p.categoryId,
        categoryPath: paths.get(p.categoryId)?.ids ?? [p.categoryId],
        categoryNames: paths.get(p.categoryId)?.names ?? [],
        brandId: p.brandId,
        brandName: p.brandId ? (brandNames.get(p.brandId) ?? null) : null,
        tags: p.tags,
        attributes: p.attributes.flatMap((a) => [a.value['zh-CN'], a.value.en]),
        priceMin: p.priceMin,
        priceMax: p.priceMax,
        inStock: p.variants.some((v) => v.active && (stock.get(v.id) ?? 0) > 0),
        sales: p.salesCount,
        createdAt: Date.parse(p.createdAt),
      }));
      this.index = buildSearchIndex(docs);
      this.summaries = new Map(products.map((p) => [p.id, summaryOf(p)]));
      this.version++;
      this.k.cache.forget(SEARCH_TAG);
    })().finally(() => {
      this.building = null;
    });
    return this.building;
  }
}

function summaryOf(p: catalogTypes.ProductDetail): ProductSummary {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    subtitle: p.subtitle,
    categoryId: p.categoryId,
    brandId: p.brandId,
    priceMin: p.priceMin,
    priceMax: p.priceMax,
    image: p.image,
    tags: p.tags,
    salesCount: p.salesCount,
    privateLabel: p.privateLabel,
    exclusive: p.exclusive,
    earlyAccess: p.earlyAccess,
  };
}

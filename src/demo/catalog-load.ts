import { brands, categories, products, variants } from '../modules/catalog/schema.js';
import type { BulkWriter } from './bulk.js';
import { DAY_MS, HOUR_MS } from './calendar.js';
import type { CatalogPlan } from './catalog-plan.js';
import type { SimProduct, SimVariant } from './orders-sim.js';
import { Rng } from './random.js';

export interface LoadedCatalog {
  products: SimProduct[];
  variants: SimVariant[];
  /** Opening stock per variant (units). */
  opening: number[];
  rootCategoryIds: string[];
}

/**
 * Writes the planned catalog (categories, brands, products, variants) and returns it as the
 * simulator sells it, with the stock each variant starts with and is reordered in: enough for
 * about six weeks of its expected sales, replenished whenever it runs low.
 */
export function loadCatalog(
  plan: CatalogPlan,
  o: { seed: number; writer: BulkWriter; nextId: (at: number) => string; firstDay: number; lastDay: number; expectedOrders: number },
): LoadedCatalog {
  const rng = new Rng(o.seed).fork('catalog-load');
  const w = o.writer;
  const opened = o.firstDay - 400 * DAY_MS;
  const categoryIds = new Map<string, string>();
  for (const c of plan.categories) categoryIds.set(c.slug, o.nextId(opened));
  for (const c of plan.categories) {
    w.add(categories, {
      id: categoryIds.get(c.slug)!,
      parentId: c.parentSlug ? categoryIds.get(c.parentSlug)! : null,
      slug: c.slug,
      name: c.name,
      position: c.position,
      createdAt: new Date(opened),
      updatedAt: new Date(opened),
    });
  }
  const brandIds = new Map<string, string>();
  for (const b of plan.brands) {
    const id = o.nextId(opened);
    brandIds.set(b.slug, id);
    w.add(brands, { id, slug: b.slug, name: b.name, createdAt: new Date(opened), updatedAt: new Date(opened) });
  }

  const activePopularity = plan.products.reduce((n, p) => n + (p.status === 'active' ? p.popularity : 0), 0);
  // Units an order takes on average (lines × quantity), for sizing stock.
  const unitsPerOrder = 1.6 * 1.3;
  const cutoff = o.firstDay + Math.floor(0.85 * (o.lastDay - o.firstDay));
  const loaded: LoadedCatalog = { products: [], variants: [], opening: [], rootCategoryIds: [] };
  for (const p of plan.products) {
    const launchAt = o.lastDay - p.launchDaysAgo * DAY_MS + 10 * HOUR_MS;
    const createdAt = launchAt - 3 * DAY_MS;
    const id = o.nextId(createdAt);
    const active = p.status === 'active';
    const prices = p.variants.map((v) => v.price);
    w.add(products, {
      id,
      slug: p.slug,
      title: p.title,
      subtitle: p.subtitle,
      description: p.description,
      categoryId: categoryIds.get(p.categorySlug)!,
      brandId: brandIds.get(p.brandSlug)!,
      status: p.status,
      privateLabel: p.privateLabel,
      exclusive: p.exclusive,
      tags: p.tags,
      attributes: p.attributes,
      options: p.options,
      images: p.images,
      priceMin: Math.min(...prices),
      priceMax: Math.max(...prices),
      salesCount: 0,
      createdAt: new Date(createdAt),
      updatedAt: new Date(launchAt),
      publishedAt: active ? new Date(launchAt) : null,
    });
    const sim: SimProduct = {
      id,
      title: p.title,
      categoryId: categoryIds.get(p.categorySlug)!,
      topSlug: p.topSlug,
      typeKey: p.typeKey,
      image: p.images[0]?.url ?? null,
      launchAt,
      active,
      popularity: p.popularity,
      consumable: p.consumable,
      variants: [],
    };
    const variantPopularity = p.variants.reduce((n, v) => n + v.popularity, 0);
    p.variants.forEach((v, position) => {
      const variantId = o.nextId(createdAt);
      w.add(variants, {
        id: variantId,
        productId: id,
        sku: v.sku,
        optionValues: v.optionValues,
        price: v.price,
        listPrice: v.listPrice,
        cost: v.cost,
        weightGrams: v.weightGrams,
        barcode: v.barcode,
        active: true,
        position,
        createdAt: new Date(createdAt),
        updatedAt: new Date(createdAt),
      });
      const perDay = active ? (o.expectedOrders * unitsPerOrder * (p.popularity / activePopularity) * (v.popularity / variantPopularity)) / 365 : 0;
      sim.variants.push(loaded.variants.length);
      loaded.variants.push({
        id: variantId,
        product: loaded.products.length,
        sku: v.sku,
        optionValues: v.optionValues,
        price: v.price,
        listPrice: v.listPrice,
        weightGrams: v.weightGrams,
        popularity: v.popularity,
        // A few SKUs are discontinued late in the year and sell out: the store shows "sold out".
        restockUntil: active && rng.chance(0.04) ? cutoff : Infinity,
        reorderQty: Math.max(12, Math.ceil(perDay * 30)),
      });
      loaded.opening.push(Math.max(20, Math.ceil((perDay * 45 * rng.between(0.8, 1.4)) / 5) * 5));
    });
    loaded.products.push(sim);
  }
  loaded.rootCategoryIds = plan.categories.filter((c) => !c.parentSlug).map((c) => categoryIds.get(c.slug)!);
  return loaded;
}

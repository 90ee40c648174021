import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listQuery, page } from '../../platform/http/pagination.js';
import { sendCachedJson } from '../../platform/http/cached.js';
import type { Kernel } from '../../platform/kernel.js';
import type { CatalogService } from './service.js';
import { brandView, categoryNode, productSummary, storeProduct } from './types.js';
import { AppError } from '../../platform/errors.js';
import { CatalogErrors } from './errors.js';
import { catalogTags } from './cache-tags.js';
import { stockLevel } from './logic/stock-level.js';

/** Shopper-facing catalog reads. Served from pre-serialized cache entries, dropped by catalog events. */
/** Stock figures come from inventory; the composition root passes its reader in. */
export interface AvailabilityReader {
  read(variantIds: string[]): Promise<Map<string, number>>;
  /** Cache tags that a change of these variants' stock invalidates. */
  tags(variantIds: string[]): string[];
  /** Every variant with units available now (staff stock-level filters). */
  inStock(): Promise<Map<string, number>>;
}

export function catalogStoreRoutes(k: Kernel, catalog: CatalogService, availability: AvailabilityReader): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/categories',
      {
        schema: {
          operationId: 'listCategories',
          tags: ['catalog'],
          summary: 'Category tree',
          response: { 200: z.object({ items: z.array(categoryNode) }) },
        },
      },
      (req, reply) =>
        sendCachedJson(k.cache, req, reply, 'store:categories', () => [catalogTags.all], async () => ({
          items: await catalog.categoryTree(),
        })),
    );

    app.get(
      '/brands',
      {
        schema: {
          operationId: 'listBrands',
          tags: ['catalog'],
          summary: 'All brands',
          response: { 200: z.object({ items: z.array(brandView) }) },
        },
      },
      (req, reply) =>
        sendCachedJson(k.cache, req, reply, 'store:brands', () => [catalogTags.all], async () => ({
          items: await catalog.listBrands(),
        })),
    );

    app.get(
      '/products',
      {
        schema: {
          operationId: 'listProducts',
          tags: ['catalog'],
          summary: 'Active products, newest first',
          querystring: listQuery.extend({
            category: z.uuid().optional().describe('Category id (includes its subcategories)'),
            brand: z.uuid().optional().describe('Brand id'),
          }),
          response: { 200: page(productSummary) },
        },
      },
      (req, reply) => {
        const { limit, cursor, category, brand } = req.query;
        const key = `store:products:${limit}:${cursor ?? ''}:${category ?? ''}:${brand ?? ''}`;
        return sendCachedJson(k.cache, req, reply, key, () => [catalogTags.all], () =>
          catalog.listProducts({ status: 'active', categoryId: category, brandId: brand, limit, cursor }),
        );
      },
    );

    app.get(
      '/products/:idOrSlug',
      {
        schema: {
          operationId: 'getProduct',
          tags: ['catalog'],
          summary: 'One active product with its variants and their stock level (not the exact stock, nor SKU codes)',
          params: z.object({ idOrSlug: z.string().min(1).max(200) }),
          response: { 200: storeProduct },
        },
      },
      (req, reply) =>
        sendCachedJson(
          k.cache,
          req,
          reply,
          `store:product:${req.params.idOrSlug}`,
          (value) => {
            const p = value as { id: string; variants: Array<{ id: string }> };
            return [catalogTags.all, catalogTags.product(p.id), ...availability.tags(p.variants.map((v) => v.id))];
          },
          async () => {
            const p = await catalog.getProduct(req.params.idOrSlug);
            if (p.status !== 'active') throw new AppError(CatalogErrors.PRODUCT_NOT_FOUND, { id: req.params.idOrSlug });
            const stock = await availability.read(p.variants.map((v) => v.id));
            return {
              ...p,
              variants: p.variants.map(({ sku: _sku, barcode: _barcode, ...v }) => ({ ...v, ...stockLevel(stock.get(v.id) ?? 0) })),
              inStock: p.variants.some((v) => v.active && (stock.get(v.id) ?? 0) > 0),
            };
          },
        ),
    );
  };
}

import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answeredWrite } from '../../platform/http/answer.js';
import type { Kernel } from '../../platform/kernel.js';
import { listQuery, page, problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import { patchOf } from '../../platform/http/patch.js';
import { localeOf } from '../../platform/http/problem.js';
import { permit } from '../staff/index.js';
import type { AuditService } from '../audit/index.js';
import type { CatalogService } from './service.js';
import type { AvailabilityReader } from './routes.store.js';
import {
  adminProductSummary,
  brandInput,
  brandView,
  categoryInput,
  categoryNode,
  categoryView,
  importProductsResult,
  productDetail,
  productDraft,
  LOW_STOCK,
  productInput,
  productSave,
  stockLevel,
  variantInput,
  variantView,
} from './types.js';
import { PRODUCT_STATUSES } from './statuses.js';
import { exportProductsCsv } from './csv.js';
import { importProductsCsv } from './csv-import.js';
import { completeDraft, saveProduct } from './product-save.js';

const tags = ['admin: catalog'];
const problems = { 400: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const idParam = z.object({ id: z.uuid() });
// Status changes go through publish/archive, so each is its own audited action.
const productUpdate = patchOf(productInput.omit({ variants: true, status: true })).strict();
const adminVariant = variantView.extend({ productId: z.string(), cost: z.number().int().nullable() });

/** Staff catalog maintenance: products, variants, categories, brands and CSV. Every write is audited. */
export function catalogAdminRoutes(k: Kernel, catalog: CatalogService, audit: AuditService, availability: AvailabilityReader): FastifyPluginAsyncZod {
  return async (app) => {
    // Every write's answer is checked before its commit (decision 0024).
    const write = <T>(req: FastifyRequest, status: number, fn: () => Promise<T>) => answeredWrite(k.db, req, status, fn);

    app.get('/products', {
      ...permit('catalog.read'),
      schema: {
        operationId: 'adminListProducts', tags, security, summary: 'Products in any status, newest first',
        querystring: listQuery.extend({
          status: z.enum(PRODUCT_STATUSES).optional(),
          category: z.uuid().optional().describe('Category id (includes its subcategories)'),
          brand: z.uuid().optional(),
          q: z.string().trim().min(1).max(100).optional().describe('Matches titles (zh-CN, en) and SKU codes'),
          stock: stockLevel.optional().describe(`Units available over the variants on sale: out 0, low 1–${LOW_STOCK}, in more`),
        }),
        response: { 200: page(adminProductSummary), 400: problemSchema },
      },
    }, async (req) => {
      const { status, category, brand, q, limit, cursor, stock } = req.query;
      let productIds: { in: string[] } | { notIn: string[] } | undefined;
      if (stock) {
        const totals = await catalog.productTotals(await availability.inStock());
        const stocked = [...totals].filter(([, n]) => n > 0);
        productIds =
          stock === 'out' ? { notIn: stocked.map(([id]) => id) }
          : { in: stocked.filter(([, n]) => (stock === 'low' ? n <= LOW_STOCK : n > LOW_STOCK)).map(([id]) => id) };
      }
      const page = await catalog.listProducts({ status, categoryId: category, brandId: brand, q, limit, cursor, productIds });
      const ids = page.items.map((p) => p.id);
      const totals = await catalog.productTotals(await availability.read(await catalog.activeVariantIds(ids)), ids);
      return { ...page, items: page.items.map((p) => ({ ...p, available: totals.get(p.id) ?? 0 })) };
    });

    app.get('/products/:idOrSlug', {
      ...permit('catalog.read'),
      schema: {
        operationId: 'adminGetProduct', tags, security, summary: 'One product in any status, with its variants',
        params: z.object({ idOrSlug: z.string().min(1).max(200) }),
        response: { 200: productDetail, 404: problemSchema },
      },
    }, async (req) => catalog.getProduct(req.params.idOrSlug));

    app.post('/products', {
      ...permit('catalog.write'),
      schema: {
        operationId: 'adminCreateProduct', tags, security, summary: 'Create a product with its variants',
        body: productDraft,
        response: { 201: productDetail, ...problems },
      },
    }, async (req, reply) => {
      const created = await write(req, 201, async () => {
        const p = await catalog.createProduct(await completeDraft(k, req.body));
        await audit.record(req.staff, 'catalog.product.create', { type: 'product', id: p.id }, null, p);
        return p;
      });
      return reply.code(201).send(created);
    });

    app.put('/products/:id', {
      ...permit('catalog.write'),
      schema: {
        operationId: 'adminSaveProduct', tags, security,
        summary: 'Save a product with its options and variants in one change (status stays: publish/archive change it)',
        description:
          'Variants with an id are updated, those without one created (or matched by SKU within the product, so a replay changes nothing); ' +
          'saved variants left out are switched off. All of it is written or none of it; one audit entry.',
        params: idParam,
        body: productSave,
        response: { 200: productDetail, ...problems },
      },
    }, async (req) =>
      write(req, 200, async () => {
        const { before, after, changed } = await saveProduct(k, catalog, req.params.id, req.body);
        if (changed) await audit.record(req.staff, 'catalog.product.save', { type: 'product', id: after.id }, before, after);
        return after;
      }),
    );

    app.patch('/products/:id', {
      ...permit('catalog.write'),
      schema: {
        operationId: 'adminUpdateProduct', tags, security, summary: 'Change product fields (absent fields stay as they are)',
        params: idParam,
        body: productUpdate,
        response: { 200: productDetail, ...problems },
      },
    }, async (req) =>
      write(req, 200, async () => {
        const { before, after } = await catalog.updateProduct(req.params.id, req.body);
        await audit.record(req.staff, 'catalog.product.update', { type: 'product', id: after.id }, before, after);
        return after;
      }),
    );

    for (const [verb, status, operationId] of [
      ['publish', 'active', 'publishProduct'],
      ['archive', 'archived', 'archiveProduct'],
    ] as const) {
      app.post(`/products/:id/${verb}`, {
        ...permit('catalog.write'),
        schema: {
          operationId, tags, security,
          summary: verb === 'publish' ? 'Put a product on sale (needs an active variant)' : 'Take a product off sale',
          params: idParam,
          response: { 200: productDetail, 404: problemSchema, 422: problemSchema },
        },
      }, async (req) =>
        write(req, 200, async () => {
          const { before, after } = await catalog.updateProduct(req.params.id, { status });
          await audit.record(req.staff, `catalog.product.${verb}`, { type: 'product', id: after.id }, before, after);
          return after;
        }),
      );
    }

    app.post('/products/:id/variants', {
      ...permit('catalog.write'),
      schema: {
        operationId: 'adminAddVariant', tags, security, summary: 'Add a variant to a product',
        params: idParam,
        body: variantInput,
        response: { 201: productDetail, ...problems },
      },
    }, async (req, reply) => {
      const product = await write(req, 201, async () => {
        const p = await catalog.addVariant(req.params.id, req.body);
        const v = p.variants.find((x) => x.sku === req.body.sku)!;
        await audit.record(req.staff, 'catalog.variant.create', { type: 'variant', id: v.id }, null, { productId: p.id, ...v });
        return p;
      });
      return reply.code(201).send(product);
    });

    app.patch('/variants/:id', {
      ...permit('catalog.write'),
      schema: {
        operationId: 'adminUpdateVariant', tags, security, summary: 'Change a variant (price, SKU, options, active…)',
        params: idParam,
        body: patchOf(variantInput),
        response: { 200: adminVariant, ...problems },
      },
    }, async (req) =>
      write(req, 200, async () => {
        const { before, after } = await catalog.updateVariant(req.params.id, req.body);
        await audit.record(req.staff, 'catalog.variant.update', { type: 'variant', id: after.id }, before, after);
        return after;
      }),
    );

    app.get('/categories', {
      ...permit('catalog.read'),
      schema: {
        operationId: 'adminListCategories', tags, security, summary: 'Category tree',
        response: { 200: z.object({ items: z.array(categoryNode) }) },
      },
    }, async () => ({ items: await catalog.categoryTree() }));

    app.post('/categories', {
      ...permit('catalog.write'),
      schema: {
        operationId: 'adminCreateCategory', tags, security, summary: 'Create a category',
        body: categoryInput,
        response: { 201: categoryView, ...problems },
      },
    }, async (req, reply) => {
      const created = await write(req, 201, async () => {
        const c = await catalog.createCategory(req.body);
        await audit.record(req.staff, 'catalog.category.create', { type: 'category', id: c.id }, null, c);
        return c;
      });
      return reply.code(201).send(created);
    });

    app.patch('/categories/:id', {
      ...permit('catalog.write'),
      schema: {
        operationId: 'adminUpdateCategory', tags, security, summary: 'Rename, re-slug, move or reorder a category',
        params: idParam,
        body: patchOf(categoryInput),
        response: { 200: categoryView, ...problems },
      },
    }, async (req) =>
      write(req, 200, async () => {
        const { before, after } = await catalog.updateCategory(req.params.id, req.body);
        await audit.record(req.staff, 'catalog.category.update', { type: 'category', id: after.id }, before, after);
        return after;
      }),
    );

    app.get('/brands', {
      ...permit('catalog.read'),
      schema: {
        operationId: 'adminListBrands', tags, security, summary: 'All brands',
        response: { 200: z.object({ items: z.array(brandView) }) },
      },
    }, async () => ({ items: await catalog.listBrands() }));

    app.post('/brands', {
      ...permit('catalog.write'),
      schema: {
        operationId: 'adminCreateBrand', tags, security, summary: 'Create a brand',
        body: brandInput,
        response: { 201: brandView, ...problems },
      },
    }, async (req, reply) => {
      const created = await write(req, 201, async () => {
        const b = await catalog.createBrand(req.body);
        await audit.record(req.staff, 'catalog.brand.create', { type: 'brand', id: b.id }, null, b);
        return b;
      });
      return reply.code(201).send(created);
    });

    app.patch('/brands/:id', {
      ...permit('catalog.write'),
      schema: {
        operationId: 'adminUpdateBrand', tags, security, summary: 'Rename or re-slug a brand',
        params: idParam,
        body: patchOf(brandInput),
        response: { 200: brandView, ...problems },
      },
    }, async (req) =>
      write(req, 200, async () => {
        const { before, after } = await catalog.updateBrand(req.params.id, req.body);
        await audit.record(req.staff, 'catalog.brand.update', { type: 'brand', id: after.id }, before, after);
        return after;
      }),
    );

    // ── CSV ────────────────────────────────────────────────────────────────
    // The body of an import arrives as raw bytes (UTF-8 with or without BOM, or GBK from Excel),
    // capped by the same body limit as everything else.
    app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: k.config.bodyLimitBytes }, (_req, body, done) =>
      done(null, body),
    );

    app.get('/products/export.csv', {
      ...permit('exports.run', 'catalog.read'),
      schema: {
        operationId: 'exportProducts', tags, security, produces: ['text/csv'],
        summary: 'All products, one row per variant, as CSV (UTF-8 with BOM, opens in Excel)',
      },
    }, async (_req, reply) => {
      const csv = await exportProductsCsv(k);
      const day = k.clock.now().toISOString().slice(0, 10).replace(/-/g, '');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="products-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    });

    app.post('/products/import', {
      ...permit('catalog.write'),
      schema: {
        operationId: 'importProducts', tags, security, consumes: ['text/csv'],
        summary: 'Create or update products and variants from CSV (same columns as the export); all rows or none',
        response: {
          200: importProductsResult,
          ...problems,
          415: problemSchema,
        },
      },
    }, async (req) =>
      importProductsCsv(k, catalog, audit, { body: req.body, contentType: req.headers['content-type'], actor: req.staff }, localeOf(req)),
    );
  };
}

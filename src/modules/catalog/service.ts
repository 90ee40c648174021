import { and, asc, desc, eq, inArray, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { isUuid, newId } from '../../platform/ids.js';
import { LocalCopy } from '../../platform/local-copy.js';
import { catalogTags } from './cache-tags.js';
import { listCursor, timeAndId, toPage } from '../../platform/http/pagination.js';
import { brands, categories, products, variants } from './schema.js';
import { CatalogErrors } from './errors.js';
import { sanitizeDescription } from './rich-text.js';
import { CatalogEvents, type ProductChanged } from './events.js';
import type {
  BrandInput,
  CategoryInput,
  CategoryNode,
  ProductDetail,
  ProductInput,
  ProductPatch,
  ProductSummary,
  VariantInput,
} from './types.js';

/** The list's cursor: its sort key, signed (platform/http/pagination.ts). */
const productCursor = listCursor('catalog.products', timeAndId);

type ProductRow = typeof products.$inferSelect;
type VariantRow = typeof variants.$inferSelect;

/** What cart and checkout need to know about a variant they sell. */
export interface SellableVariant {
  variantId: string;
  productId: string;
  sku: string;
  title: { 'zh-CN': string; en: string };
  optionValues: Record<string, string>;
  price: number;
  listPrice: number | null;
  weightGrams: number;
  categoryId: string;
  /** For promotions and coupons that target a brand. */
  brandId: string | null;
  image: string | null;
  /** Both the variant and its product are on sale. */
  sellable: boolean;
  /** Before publicAt only these member tiers may buy it (checkout decides with the shopper's tier). */
  earlyAccess: { tiers: string[]; publicAt: string } | null;
}

export interface ProductListFilter {
  /** Only these products (an empty list matches none), or all but these. */
  productIds?: { in: string[] } | { notIn: string[] };
  categoryId?: string;
  brandId?: string;
  status?: 'draft' | 'active' | 'archived';
  q?: string;
  limit: number;
  cursor?: string;
}

const isUniqueViolation = (err: unknown, constraint: string) =>
  String((err as { cause?: { constraint?: string } })?.cause?.constraint ?? (err as { constraint?: string }).constraint ?? '')
    .includes(constraint);

export class CatalogService {
  /**
   * Sellable variants as carts show them, kept in process: a cart's answer needs them on every
   * write. Checkout reads them fresh in the order's transaction (the price charged is never a copy).
   */
  private readonly variantCopy: LocalCopy<SellableVariant>;

  constructor(private readonly k: Kernel) {
    this.variantCopy = new LocalCopy(k.db, k.cache, catalogTags.all);
  }

  private get q() {
    return this.k.db.q;
  }

  // ── categories and brands ───────────────────────────────────────────────

  async categoryTree(): Promise<CategoryNode[]> {
    const rows = await this.q.select().from(categories).orderBy(asc(categories.position), asc(categories.slug));
    const nodes = new Map<string, CategoryNode>(
      rows.map((r) => [r.id, { id: r.id, slug: r.slug, name: r.name, parentId: r.parentId, children: [] }]),
    );
    const roots: CategoryNode[] = [];
    for (const n of nodes.values()) {
      const parent = n.parentId ? nodes.get(n.parentId) : undefined;
      (parent ? parent.children : roots).push(n);
    }
    return roots;
  }

  /** The category and all its descendants' ids. */
  async categoryWithDescendants(id: string): Promise<string[]> {
    const rows = await this.q.select({ id: categories.id, parentId: categories.parentId }).from(categories);
    if (!rows.some((r) => r.id === id)) throw new AppError(CatalogErrors.CATEGORY_NOT_FOUND, { id });
    const out = [id];
    for (let i = 0; i < out.length; i++) for (const r of rows) if (r.parentId === out[i]) out.push(r.id);
    return out;
  }

  async createCategory(input: CategoryInput) {
    if (input.parentId) await this.requireCategory(input.parentId);
    const now = this.k.clock.now();
    const id = newId();
    await this.unique(() => this.q.insert(categories).values({ id, ...input, createdAt: now, updatedAt: now }), input.slug);
    await this.k.outbox.emit(CatalogEvents.categoryChanged, { categoryId: id });
    return this.requireCategory(id);
  }

  async updateCategory(id: string, patch: Partial<CategoryInput>) {
    const before = await this.requireCategory(id);
    if (patch.parentId) {
      const below = await this.categoryWithDescendants(id);
      if (below.includes(patch.parentId)) throw new AppError(CatalogErrors.CATEGORY_CYCLE);
      await this.requireCategory(patch.parentId);
    }
    await this.unique(
      () => this.q.update(categories).set({ ...patch, updatedAt: this.k.clock.now() }).where(eq(categories.id, id)),
      patch.slug ?? '',
    );
    await this.k.outbox.emit(CatalogEvents.categoryChanged, { categoryId: id });
    return { before, after: await this.requireCategory(id) };
  }

  async requireCategory(id: string) {
    const [row] = await this.q.select().from(categories).where(eq(categories.id, id));
    if (!row) throw new AppError(CatalogErrors.CATEGORY_NOT_FOUND, { id });
    return row;
  }

  async listBrands() {
    return this.q.select({ id: brands.id, slug: brands.slug, name: brands.name }).from(brands).orderBy(asc(brands.slug));
  }

  async createBrand(input: BrandInput) {
    const now = this.k.clock.now();
    const id = newId();
    await this.unique(() => this.q.insert(brands).values({ id, ...input, createdAt: now, updatedAt: now }), input.slug);
    await this.k.outbox.emit(CatalogEvents.brandChanged, { brandId: id });
    return this.requireBrand(id);
  }

  async updateBrand(id: string, patch: Partial<BrandInput>) {
    const before = await this.requireBrand(id);
    await this.unique(
      () => this.q.update(brands).set({ ...patch, updatedAt: this.k.clock.now() }).where(eq(brands.id, id)),
      patch.slug ?? '',
    );
    await this.k.outbox.emit(CatalogEvents.brandChanged, { brandId: id });
    return { before, after: await this.requireBrand(id) };
  }

  async requireBrand(id: string) {
    const [row] = await this.q.select().from(brands).where(eq(brands.id, id));
    if (!row) throw new AppError(CatalogErrors.BRAND_NOT_FOUND, { id });
    return row;
  }

  // ── products ─────────────────────────────────────────────────────────────

  /** Newest first, keyset-paginated. */
  async listProducts(f: ProductListFilter): Promise<{ items: Array<ProductSummary & { status: ProductRow['status'] }>; nextCursor: string | null }> {
    const where = [];
    if (f.status) where.push(eq(products.status, f.status));
    if (f.productIds && 'in' in f.productIds) {
      if (f.productIds.in.length === 0) return { items: [], nextCursor: null };
      where.push(inArray(products.id, f.productIds.in));
    }
    if (f.productIds && 'notIn' in f.productIds && f.productIds.notIn.length) where.push(notInArray(products.id, f.productIds.notIn));
    if (f.categoryId) where.push(inArray(products.categoryId, await this.categoryWithDescendants(f.categoryId)));
    if (f.brandId) where.push(eq(products.brandId, f.brandId));
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
      where.push(
        or(
          sql`${products.title}->>'zh-CN' ilike ${like}`,
          sql`${products.title}->>'en' ilike ${like}`,
          sql`exists (select 1 from catalog_variants v where v.product_id = ${products.id} and v.sku ilike ${like})`,
        )!,
      );
    }
    const after = productCursor.decode(this.k.secrets.session, f.cursor);
    if (after) {
      const [at, id] = after;
      where.push(or(lt(products.createdAt, at), and(eq(products.createdAt, at), lt(products.id, id)))!);
    }
    const rows = await this.q
      .select()
      .from(products)
      .where(and(...where))
      .orderBy(desc(products.createdAt), desc(products.id))
      .limit(f.limit + 1);
    return toPage(rows, f.limit, (r) => productCursor.encode(this.k.secrets.session, [r.createdAt.toISOString(), r.id]), (r) => ({ ...toSummary(r), status: r.status }));
  }

  async getProduct(idOrSlug: string): Promise<ProductDetail> {
    const [row] = await this.q
      .select()
      .from(products)
      .where(isUuid(idOrSlug) ? eq(products.id, idOrSlug) : eq(products.slug, idOrSlug));
    if (!row) throw new AppError(CatalogErrors.PRODUCT_NOT_FOUND, { id: idOrSlug });
    const vs = await this.q
      .select()
      .from(variants)
      .where(eq(variants.productId, row.id))
      .orderBy(asc(variants.position), asc(variants.sku));
    return toDetail(row, vs);
  }

  /** Every active product with its variants, for building the search index and sitemaps. */
  async allActiveProducts(): Promise<ProductDetail[]> {
    const rows = await this.q.select().from(products).where(eq(products.status, 'active'));
    const vs = rows.length
      ? await this.q.select().from(variants).where(inArray(variants.productId, rows.map((r) => r.id))).orderBy(asc(variants.position))
      : [];
    const byProduct = new Map<string, VariantRow[]>();
    for (const v of vs) byProduct.set(v.productId, [...(byProduct.get(v.productId) ?? []), v]);
    return rows.map((r) => toDetail(r, byProduct.get(r.id) ?? []));
  }

  /**
   * Ids of the variants whose SKU contains `sku` (any case) and/or that belong to `productId`, oldest
   * first: how other modules' admin lists filter by SKU or product without reading catalog tables.
   * At most `max` ids are returned.
   */
  async variantIdsMatching(f: { sku?: string; productId?: string }, max = 2000): Promise<string[]> {
    const where = [];
    if (f.sku) where.push(sql`${variants.sku} ilike ${`%${f.sku.replace(/[%_\\]/g, (c) => '\\' + c)}%`}`);
    if (f.productId) where.push(eq(variants.productId, f.productId));
    const rows = await this.q.select({ id: variants.id }).from(variants).where(and(...where)).orderBy(asc(variants.id)).limit(max);
    return rows.map((r) => r.id);
  }

  /** Units available per product over its variants on sale, from per-variant figures (inventory's). */
  async productTotals(byVariant: Map<string, number>, productIds?: string[]): Promise<Map<string, number>> {
    const ids = [...byVariant.keys()];
    if (ids.length === 0 || productIds?.length === 0) return new Map();
    const rows = await this.q
      .select({ id: variants.id, productId: variants.productId })
      .from(variants)
      .where(and(eq(variants.active, true), productIds ? inArray(variants.productId, productIds) : inArray(variants.id, ids)));
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r.productId, (totals.get(r.productId) ?? 0) + (byVariant.get(r.id) ?? 0));
    return totals;
  }

  /** Ids of the variants on sale of these products. */
  async activeVariantIds(productIds: string[]): Promise<string[]> {
    if (productIds.length === 0) return [];
    const rows = await this.q
      .select({ id: variants.id })
      .from(variants)
      .where(and(eq(variants.active, true), inArray(variants.productId, productIds)));
    return rows.map((r) => r.id);
  }

  /** With `cached`, from the in-process copy (carts' answers); otherwise read now (checkout). */
  async sellableVariants(ids: string[], opts: { cached?: boolean } = {}): Promise<Map<string, SellableVariant>> {
    if (ids.length === 0) return new Map();
    if (opts.cached) return this.variantCopy.readMany(ids, (missing) => this.sellableVariants(missing));
    const rows = await this.q
      .select({ v: variants, p: products })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(inArray(variants.id, ids));
    return new Map(
      rows.map(({ v, p }) => [
        v.id,
        {
          variantId: v.id,
          productId: p.id,
          sku: v.sku,
          title: p.title,
          optionValues: v.optionValues,
          price: v.price,
          listPrice: v.listPrice,
          weightGrams: v.weightGrams,
          categoryId: p.categoryId,
          brandId: p.brandId,
          image: p.images[0]?.url ?? null,
          sellable: v.active && p.status === 'active',
          earlyAccess: p.earlyAccess ?? null,
        },
      ]),
    );
  }

  /**
   * Titles and options (codes with their names) of some products, in one query: what the console
   * needs to name an order line's options or an audit entry's product. Missing ids are left out.
   */
  async productNames(ids: string[]): Promise<Map<string, Pick<ProductRow, 'id' | 'title' | 'options'>>> {
    if (ids.length === 0) return new Map();
    const rows = await this.q
      .select({ id: products.id, title: products.title, options: products.options })
      .from(products)
      .where(inArray(products.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r]));
  }

  async createProduct(input: ProductInput): Promise<ProductDetail> {
    await this.requireCategory(input.categoryId);
    if (input.brandId) await this.requireBrand(input.brandId);
    for (const v of input.variants) validateOptions(input.options, v);
    const now = this.k.clock.now();
    const id = newId();
    const { variants: vs, ...rest } = input;
    const fields = { ...rest, description: sanitizeDescription(rest.description) };
    if (fields.status === 'active') assertPublishable(vs);
    await this.unique(
      () =>
        this.q.insert(products).values({
          id,
          ...fields,
          ...priceRange(vs),
          createdAt: now,
          updatedAt: now,
          publishedAt: fields.status === 'active' ? now : null,
        }),
      input.slug,
    );
    await this.insertVariants(id, vs, 0);
    await this.emitProduct(id, fields.status);
    return this.getProduct(id);
  }

  async updateProduct(id: string, patch: ProductPatch) {
    const before = await this.getProduct(id);
    if (patch.categoryId) await this.requireCategory(patch.categoryId);
    if (patch.brandId) await this.requireBrand(patch.brandId);
    if (patch.options) for (const v of before.variants) validateOptions(patch.options, v);
    if (patch.status === 'active') assertPublishable(before.variants);
    const now = this.k.clock.now();
    await this.unique(
      () =>
        this.q
          .update(products)
          .set({
            ...patch,
            ...(patch.description ? { description: sanitizeDescription(patch.description) } : {}),
            updatedAt: now,
            ...(patch.status === 'active' && before.status !== 'active' ? { publishedAt: now } : {}),
          })
          .where(eq(products.id, id)),
      patch.slug ?? '',
    );
    await this.emitProduct(id, patch.status ?? before.status);
    return { before, after: await this.getProduct(id) };
  }

  async addVariant(productId: string, input: VariantInput) {
    const before = await this.getProduct(productId);
    validateOptions(before.options, input);
    await this.insertVariants(productId, [input], before.variants.length);
    await this.refreshPriceRange(productId);
    await this.emitProduct(productId, before.status);
    return this.getProduct(productId);
  }

  async updateVariant(variantId: string, patch: Partial<VariantInput>) {
    const [row] = await this.q.select().from(variants).where(eq(variants.id, variantId));
    if (!row) throw new AppError(CatalogErrors.VARIANT_NOT_FOUND, { id: variantId });
    const product = await this.getProduct(row.productId);
    if (patch.optionValues) validateOptions(product.options, { sku: row.sku, optionValues: patch.optionValues });
    await this.unique(
      () => this.q.update(variants).set({ ...patch, updatedAt: this.k.clock.now() }).where(eq(variants.id, variantId)),
      patch.sku ?? '',
      true,
    );
    await this.refreshPriceRange(row.productId);
    await this.emitProduct(row.productId, product.status);
    const [after] = await this.q.select().from(variants).where(eq(variants.id, variantId));
    return { before: row, after };
  }

  checkOptions(options: ProductInput['options'], v: { sku: string; optionValues?: Record<string, string> }) {
    validateOptions(options, v);
  }

  checkPublishable(vs: Array<{ active?: boolean }>) {
    assertPublishable(vs);
  }

  /** Units sold, kept from paid orders for the "sales" sort. */
  async addSales(productId: string, units: number): Promise<void> {
    await this.q
      .update(products)
      .set({ salesCount: sql`${products.salesCount} + ${units}` })
      .where(eq(products.id, productId));
  }

  // The methods below are the module's own building blocks (product-save.ts uses them), not its API.

  /** Inserts variants and tells other modules (inventory opens a stock row for each). */
  async insertVariants(productId: string, vs: VariantInput[], startPosition: number): Promise<string[]> {
    const now = this.k.clock.now();
    const ids: string[] = [];
    for (const [i, v] of vs.entries()) {
      const id = newId();
      ids.push(id);
      await this.unique(
        () =>
          this.q.insert(variants).values({
            id,
            productId,
            ...v,
            listPrice: v.listPrice ?? null,
            cost: v.cost ?? null,
            barcode: v.barcode ?? null,
            position: startPosition + i,
            createdAt: now,
            updatedAt: now,
          }),
        v.sku,
        true,
      );
    }
    if (ids.length) await this.k.outbox.emit(CatalogEvents.variantsCreated, { productId, variantIds: ids });
    return ids;
  }

  async refreshPriceRange(productId: string) {
    const vs = await this.q.select().from(variants).where(eq(variants.productId, productId));
    await this.q.update(products).set(priceRange(vs)).where(eq(products.id, productId));
  }

  async emitProduct(productId: string, status: ProductChanged['status']) {
    this.variantCopy.written();
    await this.k.outbox.emit(CatalogEvents.productChanged, { productId, status });
  }

  /** Runs an insert/update, turning a unique-key clash into a 409 the client can act on. */
  async unique<T>(run: () => Promise<T>, value: string, sku = false): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (isUniqueViolation(err, 'sku')) throw new AppError(CatalogErrors.SKU_TAKEN, { sku: value });
      if (isUniqueViolation(err, 'slug')) throw new AppError(CatalogErrors.SLUG_TAKEN, { slug: value });
      if (sku && isUniqueViolation(err, 'unique')) throw new AppError(CatalogErrors.SKU_TAKEN, { sku: value });
      throw err;
    }
  }
}

function priceRange(vs: Array<{ price: number; active?: boolean }>) {
  const active = vs.filter((v) => v.active !== false);
  const prices = (active.length ? active : vs).map((v) => v.price);
  return { priceMin: prices.length ? Math.min(...prices) : 0, priceMax: prices.length ? Math.max(...prices) : 0 };
}

function assertPublishable(vs: Array<{ active?: boolean }>) {
  if (!vs.some((v) => v.active !== false)) throw new AppError(CatalogErrors.PRODUCT_NOT_PUBLISHABLE);
}

function validateOptions(options: ProductInput['options'], v: { sku: string; optionValues?: Record<string, string> }) {
  const values = v.optionValues ?? {};
  const problems: string[] = [];
  for (const o of options) {
    if (!values[o.code]) problems.push(`missing ${o.code}`);
    else if (!o.values.some((x) => x.code === values[o.code])) problems.push(`${o.code}=${values[o.code]} is not a value`);
  }
  for (const k of Object.keys(values)) if (!options.some((o) => o.code === k)) problems.push(`unknown option ${k}`);
  if (problems.length) throw new AppError(CatalogErrors.VARIANT_OPTIONS_INVALID, { sku: v.sku, detail: problems.join(', ') });
}

export function toSummary(r: ProductRow): ProductSummary {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    subtitle: r.subtitle ?? null,
    categoryId: r.categoryId,
    brandId: r.brandId,
    priceMin: r.priceMin,
    priceMax: r.priceMax,
    image: r.images[0] ?? null,
    tags: r.tags,
    salesCount: r.salesCount,
    privateLabel: r.privateLabel,
    exclusive: r.exclusive,
    earlyAccess: r.earlyAccess ?? null,
  };
}

function toDetail(r: ProductRow, vs: VariantRow[]): ProductDetail {
  return {
    ...toSummary(r),
    description: sanitizeDescription(r.description ?? null),
    status: r.status,
    attributes: r.attributes,
    options: r.options,
    images: r.images,
    variants: vs.map((v) => ({
      id: v.id,
      sku: v.sku,
      optionValues: v.optionValues,
      price: v.price,
      listPrice: v.listPrice,
      weightGrams: v.weightGrams,
      barcode: v.barcode,
      active: v.active,
    })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

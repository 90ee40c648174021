import { eq, inArray } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError, CoreErrors, problemOf } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n.js';
import type { AuditActor, AuditService } from '../audit/index.js';
import type { CatalogService } from './service.js';
import { brands, categories, products, variants, type ProductOption } from './schema.js';
import { productInput, type ProductInput, type ProductPatch, type VariantInput } from './types.js';
import { CsvErrors, readCsvRows, type CsvColumn, type CsvRow, type RowProblem } from './csv.js';

/**
 * CSV import: upserts products by slug and variants by SKU through the catalog service, all rows or
 * none. Rows are first checked on their own and against the database, so one 422 lists every bad
 * row; a service refusal during the writes rolls everything back and names the row it came from.
 */

/** One entry of the 422's `errors`: the spreadsheet row (header = 1), the column and why. */
export interface RowError {
  row: number;
  column?: string;
  code: string;
  message: string;
}

const NIL = '00000000-0000-0000-0000-000000000000';
const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v ?? null;
}

export async function importProductsCsv(
  k: Kernel,
  catalog: CatalogService,
  audit: AuditService,
  input: { body: unknown; contentType?: string; actor: AuditActor | null },
  locale: Locale,
) {
  const { rows, errors } = readCsvRows(input.body, input.contentType);
  const fail = (raw: RowProblem[]) => {
    const list: RowError[] = raw
      .sort((a, b) => a.row - b.row)
      .map((e) => {
        const message = problemOf(e.code, locale, { column: e.column, ...e.params }).detail;
        return { row: e.row, column: e.column, code: e.code, message };
      });
    const count = new Set(list.map((e) => e.row)).size;
    return new AppError(CsvErrors.CSV_ROWS_INVALID, { count }, { errors: list.slice(0, 500) });
  };
  return k.db.transaction(async () => {
    // Rows that parsed are checked against the database too, so one answer lists every bad row.
    const plan = await planImport(k, rows, errors);
    if (errors.length) throw fail(errors);
    let at = 0;
    try {
      return await applyImport(catalog, audit, input.actor, plan, (row) => (at = row));
    } catch (err) {
      // A service refusal (SKU taken, options invalid…) rolls back every row and names the one it came from.
      if (err instanceof AppError && err.status < 500 && err.code !== CoreErrors.UNAUTHENTICATED) {
        throw fail([{ code: err.code, row: at, params: err.params }]);
      }
      throw err;
    }
  });
}

interface ProductPlan {
  rows: CsvRow[];
  existingId: string | null;
  /** The whole input of a product the file creates. */
  input?: ProductInput;
  categoryId: string;
  brandId: string | null | undefined;
}
interface Plan {
  products: ProductPlan[];
  variantsBySku: Map<string, typeof variants.$inferSelect>;
}

/** Resolves slugs to ids and checks what only the database can tell; adds row errors. */
async function planImport(k: Kernel, rows: CsvRow[], errors: RowProblem[]): Promise<Plan> {
  if (rows.length === 0) return { products: [], variantsBySku: new Map() };
  const q = k.db.q;
  const ids = async (table: typeof categories | typeof brands | typeof products, slugs: Array<string | null | undefined>) => {
    const wanted = [...new Set(slugs.filter((x): x is string => !!x))];
    if (wanted.length === 0) return new Map<string, string>();
    const found = await q.select({ slug: table.slug, id: table.id }).from(table).where(inArray(table.slug, wanted));
    return new Map(found.map((r) => [r.slug, r.id]));
  };
  const catIds = await ids(categories, rows.map((r) => r.categorySlug));
  const brandIds = await ids(brands, rows.map((r) => r.brandSlug));
  const productIds = await ids(products, rows.map((r) => r.slug));
  const existing = await q
    .select({ v: variants, slug: products.slug })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(inArray(variants.sku, rows.map((r) => r.variant.sku)));
  const variantsBySku = new Map(existing.map((e) => [e.v.sku, e.v]));
  const productOfSku = new Map(existing.map((e) => [e.v.sku, e.slug]));
  const groups = new Map<string, CsvRow[]>();
  const seenSku = new Map<string, number>();
  const err = (row: number, column: string, code: string, params: Record<string, unknown> = {}) =>
    errors.push({ row, column, code, params });
  for (const r of rows) {
    groups.set(r.slug, [...(groups.get(r.slug) ?? []), r]);
    const sku = r.variant.sku;
    if (seenSku.has(sku)) err(r.row, 'sku', CsvErrors.CSV_SKU_REPEATED, { value: sku, other: seenSku.get(sku) });
    else seenSku.set(sku, r.row);
    const owner = productOfSku.get(sku);
    if (owner && owner !== r.slug) err(r.row, 'sku', CsvErrors.CSV_SKU_ELSEWHERE, { value: sku, other: owner });
  }
  const plans: ProductPlan[] = [];
  for (const [slug, group] of groups) {
    const first = group[0];
    for (const r of group.slice(1)) {
      const differs: Array<[string, boolean]> = [
        ['title_zh', r.title['zh-CN'] !== first.title['zh-CN']], ['title_en', r.title.en !== first.title.en],
        ['category_slug', r.categorySlug !== first.categorySlug],
        // Brand and status may be left empty on a product's later rows.
        ['brand_slug', !!r.brandSlug && r.brandSlug !== first.brandSlug], ['status', !!r.status && r.status !== first.status],
      ];
      for (const [column] of differs.filter(([, d]) => d)) err(r.row, column, CsvErrors.CSV_PRODUCT_MISMATCH, { other: first.row });
    }
    const categoryId = catIds.get(first.categorySlug);
    if (!categoryId) err(first.row, 'category_slug', CsvErrors.CSV_UNKNOWN_CATEGORY, { value: first.categorySlug });
    const brandId = first.brandSlug ? brandIds.get(first.brandSlug) : first.brandSlug;
    if (first.brandSlug && !brandId) err(first.row, 'brand_slug', CsvErrors.CSV_UNKNOWN_BRAND, { value: first.brandSlug });
    const existingId = productIds.get(slug) ?? null;
    let input: ProductInput | undefined;
    if (!existingId) {
      const parsed = productInput.safeParse({
        slug, title: first.title, categoryId: categoryId ?? NIL, brandId: brandId ?? null, status: first.status ?? 'draft',
        options: mergeOptions([], group), variants: group.map((r) => r.variant),
      });
      if (parsed.success) input = parsed.data;
      else for (const i of parsed.error.issues) err(first.row, i.path.join('.'), CsvErrors.CSV_VALUE_INVALID, { value: '', reason: i.message });
    }
    plans.push({ rows: group, existingId, input, categoryId: categoryId ?? NIL, brandId });
  }
  return { products: plans, variantsBySku };
}

/** Options a product needs for the rows' option values; new codes and values are named by their code. */
function mergeOptions(existing: ProductOption[], rows: CsvRow[]): ProductOption[] {
  const options: ProductOption[] = structuredClone(existing);
  for (const r of rows) {
    for (const [code, value] of Object.entries(r.variant.optionValues)) {
      let o = options.find((x) => x.code === code);
      if (!o) options.push((o = { code, name: { 'zh-CN': code, en: code }, values: [] }));
      if (!o.values.some((v) => v.code === value)) o.values.push({ code: value, name: { 'zh-CN': value, en: value } });
    }
  }
  return options;
}

const VARIANT_FIELDS: Array<[keyof VariantInput, CsvColumn]> = [
  ['price', 'price'], ['optionValues', 'option_values'], ['listPrice', 'list_price'],
  ['cost', 'cost'], ['weightGrams', 'weight_grams'], ['barcode', 'barcode'],
];

/** Writes the plan through the catalog service (so its checks and events apply), auditing each change. */
async function applyImport(
  catalog: CatalogService,
  audit: AuditService,
  actor: AuditActor | null,
  plan: Plan,
  at: (row: number) => void,
) {
  const counts = { created: 0, updated: 0, unchanged: 0, products: { created: 0, updated: 0 } };
  for (const p of plan.products) {
    const first = p.rows[0];
    at(first.row);
    if (!p.existingId) {
      const created = await catalog.createProduct(p.input!);
      await audit.record(actor, 'catalog.product.import', { type: 'product', id: created.id }, null, created);
      counts.created += p.rows.length;
      counts.products.created++;
      continue;
    }
    const before = await catalog.getProduct(p.existingId);
    const patch: ProductPatch = {};
    if (!same(before.title, first.title)) patch.title = first.title;
    if (before.categoryId !== p.categoryId) patch.categoryId = p.categoryId;
    if (p.brandId !== undefined && before.brandId !== p.brandId) patch.brandId = p.brandId;
    const options = mergeOptions(before.options, p.rows);
    if (!same(before.options, options)) patch.options = options;
    if (Object.keys(patch).length) await catalog.updateProduct(p.existingId, patch);
    let changed = Object.keys(patch).length > 0;
    for (const r of p.rows) {
      at(r.row);
      const current = plan.variantsBySku.get(r.variant.sku);
      if (!current) {
        const after = await catalog.addVariant(p.existingId, r.variant);
        const v = after.variants.find((x) => x.sku === r.variant.sku)!;
        const entity = { type: 'variant', id: v.id };
        await audit.record(actor, 'catalog.variant.import', entity, null, { ...r.variant, id: v.id, productId: p.existingId });
        counts.created++;
        changed = true;
        continue;
      }
      const vpatch: Partial<VariantInput> = {};
      for (const [key, column] of VARIANT_FIELDS) {
        const inFile = column === 'price' || r.present.has(column);
        if (inFile && !same(current[key], r.variant[key])) Object.assign(vpatch, { [key]: r.variant[key] });
      }
      if (Object.keys(vpatch).length === 0) {
        counts.unchanged++;
        continue;
      }
      const { before: vb, after: va } = await catalog.updateVariant(current.id, vpatch);
      await audit.record(actor, 'catalog.variant.import', { type: 'variant', id: current.id }, vb, va);
      counts.updated++;
      changed = true;
    }
    at(first.row);
    if (first.status && first.status !== before.status) {
      await catalog.updateProduct(p.existingId, { status: first.status });
      changed = true;
    }
    if (changed) {
      const after = await catalog.getProduct(p.existingId);
      await audit.record(actor, 'catalog.product.import', { type: 'product', id: p.existingId }, before, after);
      counts.products.updated++;
    }
  }
  return counts;
}

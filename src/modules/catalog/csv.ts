import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Kernel } from '../../platform/kernel.js';
import { AppError, CoreErrors, defineErrors, problemOf } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n.js';
import type { AuditActor, AuditService } from '../audit/index.js';
import type { CatalogService } from './service.js';
import { brands, categories, products, variants, type ProductOption } from './schema.js';
import { productInput, variantInput, type ProductInput, type ProductPatch, type VariantInput } from './types.js';

/**
 * Products as CSV, one row per variant, for operators who live in spreadsheets. The export is
 * UTF-8 with a BOM (so Excel shows Chinese); an import accepts the same columns in UTF-8 (BOM or
 * not) or GBK (what Excel on Chinese Windows saves), upserts by product slug and SKU, and either
 * applies every row or none, reporting each bad row by its spreadsheet row number (header = 1).
 */
export const CSV_COLUMNS = [
  'product_slug', 'title_zh', 'title_en', 'category_slug', 'brand_slug', 'status', 'sku',
  'option_values', 'price', 'list_price', 'cost', 'weight_grams', 'barcode',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: Column[] = ['product_slug', 'title_zh', 'title_en', 'category_slug', 'sku', 'price'];

const e422 = (en: string, zh: string) => ({ status: 422, en, zh });
export const CsvErrors = defineErrors({
  CSV_ROWS_INVALID: e422('Nothing was imported: {count} row(s) have errors.', '未导入任何数据：{count} 行有错误。'),
  CSV_EMPTY: e422('The file has no data rows.', '文件中没有数据行。'),
  CSV_MALFORMED: e422('The file is not valid CSV: {reason}', '文件不是有效的 CSV：{reason}'),
  CSV_HEADER_MISSING: e422('The header row lacks the columns {columns}.', '表头缺少列：{columns}。'),
  CSV_REQUIRED: e422('{column} is required.', '{column} 为必填项。'),
  CSV_VALUE_INVALID: e422('{column} "{value}" is not valid: {reason}', '{column}「{value}」无效：{reason}'),
  CSV_MONEY_INVALID: e422(
    '{column} must be an amount in yuan with at most 2 decimals, not "{value}".',
    '{column} 须为最多两位小数的元金额，而不是「{value}」。',
  ),
  CSV_UNKNOWN_CATEGORY: e422('No category has the slug {value}.', '不存在标识为 {value} 的类目。'),
  CSV_UNKNOWN_BRAND: e422('No brand has the slug {value}.', '不存在标识为 {value} 的品牌。'),
  CSV_SKU_REPEATED: e422('SKU {value} is already on row {other}.', 'SKU {value} 已出现在第 {other} 行。'),
  CSV_SKU_ELSEWHERE: e422('SKU {value} belongs to another product ({other}).', 'SKU {value} 属于另一个商品（{other}）。'),
  CSV_PRODUCT_MISMATCH: e422('{column} differs from row {other} of the same product.', '{column} 与同一商品第 {other} 行不一致。'),
});

interface Row {
  row: number;
  slug: string;
  title: { 'zh-CN': string; en: string };
  categorySlug: string;
  /** undefined: the column is absent (leave as is); null: no brand. */
  brandSlug: string | null | undefined;
  status: 'draft' | 'active' | 'archived' | undefined;
  variant: VariantInput;
  /** The optional variant columns the file has (absent ones are left as they are on update). */
  present: Set<Column>;
}
export interface RowError { row: number; column?: string; code: string; message: string }
type Raw = { code: string; row: number; column?: string; params?: Record<string, unknown> };

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NIL = '00000000-0000-0000-0000-000000000000';
const OPTION_CODE = /^[A-Za-z0-9_-]{1,40}$/;
// A cell starting like a formula is prefixed with ' so a spreadsheet shows it as text; imports drop the '.
const toCell = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const fromCell = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
const yuan = (fen: number | null) => (fen === null ? '' : `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);
const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v ?? null;
}

export async function exportProductsCsv(k: Kernel): Promise<Buffer> {
  const rows = await k.db.q
    .select({
      slug: products.slug,
      title: products.title,
      status: products.status,
      options: products.options,
      category: categories.slug,
      brand: brands.slug,
      v: variants,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .leftJoin(brands, eq(brands.id, products.brandId))
    .orderBy(asc(products.createdAt), asc(products.id), asc(variants.position), asc(variants.sku));
  const records = rows.map(({ v, ...p }) =>
    [
      p.slug, p.title['zh-CN'], p.title.en, p.category ?? '', p.brand ?? '', p.status, v.sku,
      formatOptions(p.options, v.optionValues), yuan(v.price), yuan(v.listPrice), yuan(v.cost), String(v.weightGrams), v.barcode ?? '',
    ].map(toCell),
  );
  const text = stringify([[...CSV_COLUMNS], ...records], { record_delimiter: 'windows' });
  return Buffer.concat([BOM, Buffer.from(text, 'utf8')]);
}

function formatOptions(options: ProductOption[], values: Record<string, string>): string {
  const codes = [...options.map((o) => o.code), ...Object.keys(values).filter((c) => !options.some((o) => o.code === c))];
  return codes.filter((c) => values[c]).map((c) => `${c}=${values[c]}`).join(';');
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GBK, unless the charset says GBK. */
export function decodeCsv(buf: Buffer, contentType = ''): string {
  if (/charset=\s*"?(gbk|gb2312|gb18030|cp936)/i.test(contentType)) return iconv.decode(buf, 'gbk');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, 'gbk');
  }
}

export async function importProductsCsv(
  k: Kernel,
  catalog: CatalogService,
  audit: AuditService,
  input: { body: unknown; contentType?: string; actor: AuditActor | null },
  locale: Locale,
) {
  if (!Buffer.isBuffer(input.body)) {
    throw new AppError(CoreErrors.UNSUPPORTED_MEDIA_TYPE, { type: input.contentType ?? '' });
  }
  let table: string[][];
  try {
    table = parse(decodeCsv(input.body, input.contentType), { relax_column_count: true, trim: true, skip_empty_lines: false });
  } catch (err) {
    throw new AppError(CsvErrors.CSV_MALFORMED, { reason: (err as Error).message });
  }
  const header = (table[0] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (table.length > 0 && missing.length) {
    throw new AppError(CsvErrors.CSV_HEADER_MISSING, { columns: missing.join(', ') });
  }
  const present = new Set(CSV_COLUMNS.filter((c) => header.includes(c)));
  const errors: Raw[] = [];
  const rows: Row[] = [];
  table.forEach((cells, i) => {
    if (i === 0 || cells.every((c) => c === '')) return;
    const cell = (c: Column) => fromCell(cells[header.indexOf(c)] ?? '');
    const parsed = parseRow(i + 1, cell, present, errors);
    if (parsed) rows.push(parsed);
  });
  if (rows.length === 0 && errors.length === 0) throw new AppError(CsvErrors.CSV_EMPTY);
  const fail = (raw: Raw[]) => {
    const list: RowError[] = raw
      .sort((a, b) => a.row - b.row)
      .map((e) => ({ row: e.row, column: e.column, code: e.code, message: problemOf(e.code, locale, { column: e.column, ...e.params }).detail }));
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

function parseRow(row: number, cell: (c: Column) => string, present: Set<Column>, errors: Raw[]): Row | null {
  const before = errors.length;
  const err = (column: Column, code: string, params: Record<string, unknown> = {}) => errors.push({ row, column, code, params });
  const text = (c: Column, schema?: z.ZodType) => {
    const value = cell(c);
    if (!value && REQUIRED.includes(c)) err(c, CsvErrors.CSV_REQUIRED);
    else if (value && schema) {
      const r = schema.safeParse(value);
      if (!r.success) err(c, CsvErrors.CSV_VALUE_INVALID, { value, reason: r.error!.issues[0].message });
    }
    return value;
  };
  const money = (c: Column) => {
    const value = cell(c).replace(/^[¥￥]/, '').replace(/,(?=\d{3}(\D|$))/g, '');
    if (!value) return null;
    const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(value);
    if (!m) return err(c, CsvErrors.CSV_MONEY_INVALID, { value: cell(c) }), null;
    return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  };
  const slug = text('product_slug', productInput.shape.slug);
  const title = {
    'zh-CN': text('title_zh', productInput.shape.title.shape['zh-CN']),
    en: text('title_en', productInput.shape.title.shape.en),
  };
  const categorySlug = text('category_slug');
  const brandSlug = present.has('brand_slug') ? cell('brand_slug') || null : undefined;
  const status = text('status', productInput.shape.status.unwrap()) || undefined;
  const sku = text('sku', variantInput.shape.sku);
  const optionValues: Record<string, string> = {};
  for (const pair of cell('option_values').split(';').map((p) => p.trim()).filter(Boolean)) {
    const [code = '', value = '', extra] = pair.split('=').map((s) => s.trim());
    if (extra !== undefined || !OPTION_CODE.test(code) || !OPTION_CODE.test(value) || optionValues[code]) {
      err('option_values', CsvErrors.CSV_VALUE_INVALID, { value: pair, reason: 'write option=value pairs separated by ;' });
    } else optionValues[code] = value;
  }
  const price = money('price');
  const weight = cell('weight_grams');
  const grams = /^\d{1,7}$/.test(weight) ? Number(weight) : 0;
  if (weight && !/^\d{1,7}$/.test(weight)) err('weight_grams', CsvErrors.CSV_VALUE_INVALID, { value: weight, reason: 'whole grams' });
  const variant = variantInput.safeParse({
    sku, optionValues, price: price ?? 0, listPrice: money('list_price'), cost: money('cost'), weightGrams: grams,
    barcode: cell('barcode') || null,
  });
  for (const issue of variant.error?.issues ?? []) {
    const column = columnOf(issue.path[0]);
    err(column, CsvErrors.CSV_VALUE_INVALID, { value: cell(column), reason: issue.message });
  }
  if (errors.length > before || !variant.success) return null;
  return { row, slug, title, categorySlug, brandSlug, status: status as Row['status'], variant: variant.data, present };
}

const COLUMN_OF: Record<string, Column> = { listPrice: 'list_price', optionValues: 'option_values', weightGrams: 'weight_grams' };
const columnOf = (key: unknown): Column => COLUMN_OF[String(key)] ?? (String(key) as Column);

interface ProductPlan {
  rows: Row[];
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
async function planImport(k: Kernel, rows: Row[], errors: Raw[]): Promise<Plan> {
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
  const groups = new Map<string, Row[]>();
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
function mergeOptions(existing: ProductOption[], rows: Row[]): ProductOption[] {
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

const VARIANT_FIELDS: Array<[keyof VariantInput, Column]> = [
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

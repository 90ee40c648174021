import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { decodeCsv, UTF8_BOM } from '../../platform/csv.js';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Kernel } from '../../platform/kernel.js';
import { AppError, CoreErrors, defineErrors } from '../../platform/errors.js';
import { brands, categories, products, variants, type ProductOption } from './schema.js';
import { productInput, variantInput, type VariantInput } from './types.js';

/**
 * Products as CSV, one row per variant, for operators who live in spreadsheets. The export is
 * UTF-8 with a BOM (so Excel shows Chinese); an import accepts the same columns in UTF-8 (BOM or
 * not) or GBK (what Excel on Chinese Windows saves); this file reads it into rows and
 * csv-import.ts applies them.
 */
export const CSV_COLUMNS = [
  'product_slug', 'title_zh', 'title_en', 'category_slug', 'brand_slug', 'status', 'sku',
  'option_values', 'price', 'list_price', 'cost', 'weight_grams', 'barcode',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: CsvColumn[] = ['product_slug', 'title_zh', 'title_en', 'category_slug', 'sku', 'price'];

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

export interface CsvRow {
  row: number;
  slug: string;
  title: { 'zh-CN': string; en: string };
  categorySlug: string;
  /** undefined: the column is absent (leave as is); null: no brand. */
  brandSlug: string | null | undefined;
  status: 'draft' | 'active' | 'archived' | undefined;
  variant: VariantInput;
  /** The optional variant columns the file has (absent ones are left as they are on update). */
  present: Set<CsvColumn>;
}
/** A problem with one row, rendered into a RowError in the caller's language. */
export interface RowProblem {
  code: string;
  row: number;
  column?: string;
  params?: Record<string, unknown>;
}

const OPTION_CODE = /^[A-Za-z0-9_-]{1,40}$/;
// A cell starting like a formula is prefixed with ' so a spreadsheet shows it as text; imports drop the '.
const toCell = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const fromCell = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
const yuan = (fen: number | null) => (fen === null ? '' : `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);

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
  return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}

function formatOptions(options: ProductOption[], values: Record<string, string>): string {
  const codes = [...options.map((o) => o.code), ...Object.keys(values).filter((c) => !options.some((o) => o.code === c))];
  return codes.filter((c) => values[c]).map((c) => `${c}=${values[c]}`).join(';');
}


/**
 * Decodes and parses an uploaded file into rows (spreadsheet row numbers: header = 1) and the
 * problems found in the rows on their own; what needs the database is checked by the importer.
 */
export function readCsvRows(body: unknown, contentType = ''): { rows: CsvRow[]; errors: RowProblem[] } {
  if (!Buffer.isBuffer(body)) throw new AppError(CoreErrors.UNSUPPORTED_MEDIA_TYPE, { type: contentType });
  let table: string[][];
  try {
    table = parse(decodeCsv(body, contentType), { relax_column_count: true, trim: true, skip_empty_lines: false });
  } catch (err) {
    throw new AppError(CsvErrors.CSV_MALFORMED, { reason: (err as Error).message });
  }
  const header = (table[0] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (table.length > 0 && missing.length) {
    throw new AppError(CsvErrors.CSV_HEADER_MISSING, { columns: missing.join(', ') });
  }
  const present = new Set(CSV_COLUMNS.filter((c) => header.includes(c)));
  const errors: RowProblem[] = [];
  const rows: CsvRow[] = [];
  table.forEach((cells, i) => {
    if (i === 0 || cells.every((c) => c === '')) return;
    const cell = (c: CsvColumn) => fromCell(cells[header.indexOf(c)] ?? '');
    const parsed = parseRow(i + 1, cell, present, errors);
    if (parsed) rows.push(parsed);
  });
  if (rows.length === 0 && errors.length === 0) throw new AppError(CsvErrors.CSV_EMPTY);
  return { rows, errors };
}

function parseRow(row: number, cell: (c: CsvColumn) => string, present: Set<CsvColumn>, errors: RowProblem[]): CsvRow | null {
  const before = errors.length;
  const err = (column: CsvColumn, code: string, params: Record<string, unknown> = {}) => errors.push({ row, column, code, params });
  const text = (c: CsvColumn, schema?: z.ZodType) => {
    const value = cell(c);
    if (!value && REQUIRED.includes(c)) err(c, CsvErrors.CSV_REQUIRED);
    else if (value && schema) {
      const r = schema.safeParse(value);
      if (!r.success) err(c, CsvErrors.CSV_VALUE_INVALID, { value, reason: r.error!.issues[0].message });
    }
    return value;
  };
  const money = (c: CsvColumn) => {
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
  return { row, slug, title, categorySlug, brandSlug, status: status as CsvRow['status'], variant: variant.data, present };
}

const COLUMN_OF: Record<string, CsvColumn> = { listPrice: 'list_price', optionValues: 'option_values', weightGrams: 'weight_grams' };
const columnOf = (key: unknown): CsvColumn => COLUMN_OF[String(key)] ?? (String(key) as CsvColumn);

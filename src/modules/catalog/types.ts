import { z } from 'zod';
import { patchOf } from '../../platform/http/patch.js';
import { imageUrl } from '../../platform/image-url.js';
import { localizedView } from '../../platform/http/view-fields.js';
import { PRODUCT_STATUSES } from './statuses.js';

/**
 * The longest texts a product may hold, one constant per field: the input schemas (API, console,
 * CSV) take them from here. The views below have no limits at all (platform/http/view-fields.ts):
 * the columns are text, so what is stored is what an answer must be able to show.
 */
export const CATALOG_LIMITS = { text: 500, description: 20_000, imageUrl: 1000, imageSide: 10_000, tag: 40 } as const;

/** Zod shapes for the catalog API: they validate requests and produce the OpenAPI document. */
export const localized = z
  .object({ 'zh-CN': z.string().min(1).max(CATALOG_LIMITS.text), en: z.string().min(1).max(CATALOG_LIMITS.text) })
  .describe('Text in both languages');
export const localizedLong = z.object({ 'zh-CN': z.string().max(CATALOG_LIMITS.description), en: z.string().max(CATALOG_LIMITS.description) });

const minor = z.number().int().min(0).max(1_000_000_000).describe('Integer minor units (fen)');
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'lowercase letters, digits and dashes');
const code = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, dash or underscore');

export const optionSchema = z.object({
  code,
  name: localized,
  values: z.array(z.object({ code, name: localized })).min(1).max(50),
});
/** A product picture as shown: the URL as stored (older rows may predate the input rule below). */
export const imageSchema = z.object({
  url: z.string().min(1).max(CATALOG_LIMITS.imageUrl),
  width: z.number().int().min(1).max(CATALOG_LIMITS.imageSide),
  height: z.number().int().min(1).max(CATALOG_LIMITS.imageSide),
  alt: localized,
});
/** A product picture as a client sends it: only http(s) or the store's own media (platform/image-url.ts). */
export const imageInput = imageSchema.extend({ url: imageUrl });
export const attributeSchema = z.object({ name: localized, value: localized });

export const variantInput = z.object({
  sku: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, dot, dash or underscore'),
  optionValues: z.record(code, code).default({}),
  price: minor,
  listPrice: minor.nullable().optional(),
  cost: minor.nullable().optional(),
  weightGrams: z.number().int().min(0).max(1_000_000).default(0),
  barcode: z.string().max(64).nullable().optional(),
  active: z.boolean().default(true),
});

export const productInput = z.object({
  slug,
  title: localized,
  subtitle: localized.nullable().optional(),
  description: localizedLong.nullable().optional(),
  categoryId: z.uuid(),
  brandId: z.uuid().nullable().optional(),
  status: z.enum(PRODUCT_STATUSES).default('draft'),
  privateLabel: z.boolean().default(false),
  exclusive: z.boolean().default(false),
  earlyAccess: z
    .object({
      tiers: z.array(z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a member tier code')).min(1).max(10),
      publicAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()),
    })
    .strict()
    .nullable()
    .optional()
    .describe('会员抢先购: before publicAt only members of these tiers may buy it (everyone may see it); null: on sale to all'),
  tags: z.array(z.string().min(1).max(CATALOG_LIMITS.tag)).max(30).default([]),
  attributes: z.array(attributeSchema).max(50).default([]),
  options: z.array(optionSchema).max(5).default([]),
  images: z.array(imageInput).max(20).default([]),
  variants: z.array(variantInput).min(1).max(200),
});
export type ProductInput = z.infer<typeof productInput>;

/**
 * What the console sends: the slug and the English title may be left out; the server makes a slug
 * from the Chinese title's pinyin and lets the English title fall back to the Chinese one.
 */
const titleDraft = z
  .object({ 'zh-CN': z.string().trim().min(1).max(CATALOG_LIMITS.text), en: z.string().trim().max(CATALOG_LIMITS.text).default('') })
  .describe('Title; an empty en falls back to zh-CN');
export const productDraft = productInput.extend({
  slug: slug.optional().describe('Made from the title (pinyin) when absent; unique'),
  title: titleDraft,
});
export type ProductDraft = z.infer<typeof productDraft>;

/** A whole product as the editor saves it: variants with an id are updated, without one created. */
export const productSave = productDraft.omit({ status: true }).extend({
  variants: z
    .array(variantInput.extend({ id: z.uuid().optional().describe('A saved variant of this product; absent for a new one') }))
    .min(1)
    .max(200)
    .describe('Saved variants left out are switched off (they are never deleted: orders point at them)'),
});
export type ProductSave = z.infer<typeof productSave>;
export const productPatch = patchOf(productInput.omit({ variants: true }));
export type ProductPatch = z.infer<typeof productPatch>;
export type VariantInput = z.infer<typeof variantInput>;

export const categoryInput = z.object({
  slug,
  name: localized,
  parentId: z.uuid().nullable().default(null),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type CategoryInput = z.infer<typeof categoryInput>;
export const brandInput = z.object({ slug, name: localized });
export type BrandInput = z.infer<typeof brandInput>;

// ── Views: what answers show. As wide as the tables (no lengths, patterns or ranges). ──────────
const imageView = z.object({ url: z.string(), width: z.number().int(), height: z.number().int(), alt: localizedView });
const optionView = z.object({ code: z.string(), name: localizedView, values: z.array(z.object({ code: z.string(), name: localizedView })) });
const attributeView = z.object({ name: localizedView, value: localizedView });

export const variantView = z.object({
  id: z.string(),
  sku: z.string(),
  optionValues: z.record(z.string(), z.string()),
  price: z.number().int(),
  listPrice: z.number().int().nullable(),
  weightGrams: z.number().int(),
  barcode: z.string().nullable(),
  active: z.boolean(),
});
export const productSummary = z.object({
  id: z.string(),
  slug: z.string(),
  title: localizedView,
  subtitle: localizedView.nullable(),
  categoryId: z.string(),
  brandId: z.string().nullable(),
  priceMin: z.number().int(),
  priceMax: z.number().int(),
  image: imageView.nullable(),
  tags: z.array(z.string()),
  salesCount: z.number().int(),
  privateLabel: z.boolean(),
  exclusive: z.boolean(),
  earlyAccess: z.object({ tiers: z.array(z.string()), publicAt: z.string() }).nullable().describe('Members of these tiers may buy it before publicAt'),
});
export type ProductSummary = z.infer<typeof productSummary>;
/** Below or at this many units available a product counts as low on stock (the stock screen's warning too). */
export const LOW_STOCK = 10;
export const stockLevel = z.enum(['out', 'low', 'in']).describe(`out: nothing available; low: 1–${LOW_STOCK}; in: more`);
/** A product in the staff list: with its status and units available over its variants on sale. */
export const adminProductSummary = productSummary.extend({
  status: z.enum(PRODUCT_STATUSES),
  available: z.number().int().describe('Units available now over the variants on sale'),
});
export const productDetail = productSummary.extend({
  description: localizedView.nullable(),
  status: z.enum(PRODUCT_STATUSES),
  attributes: z.array(attributeView),
  options: z.array(optionView),
  images: z.array(imageView),
  variants: z.array(variantView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductDetail = z.infer<typeof productDetail>;
export const categoryNode: z.ZodType<CategoryNode> = z.lazy(() =>
  z.object({ id: z.string(), slug: z.string(), name: localizedView, parentId: z.string().nullable(), children: z.array(categoryNode) }),
);
export interface CategoryNode {
  id: string;
  slug: string;
  name: { 'zh-CN': string; en: string };
  parentId: string | null;
  children: CategoryNode[];
}
export const brandView = z.object({ id: z.string(), slug: z.string(), name: localizedView });
export const categoryView = z.object({ id: z.string(), slug: z.string(), name: localizedView, parentId: z.string().nullable(), position: z.number().int() });

/**
 * A variant as shoppers see it: no SKU code or barcode (the store's own references) and no exact
 * stock, only its level (logic/stock-level.ts) — the units left only when few remain.
 */
export const storeVariantView = variantView.omit({ sku: true, barcode: true }).extend({
  stock: z.enum(['inStock', 'low', 'out']).describe('inStock, low (few left) or out'),
  left: z.number().int().nullable().describe('Units left when the level is low (at most 10); null otherwise'),
});

/** A product as the shop shows it: with a stock level per variant. */
export const storeProduct = productDetail.extend({
  variants: z.array(storeVariantView),
  inStock: z.boolean(),
});
/** What a CSV import changed (it applies all rows or none). */
export const importProductsResult = z.object({
  created: z.number().int().describe('Rows whose SKU was new'),
  updated: z.number().int().describe('Rows whose SKU existed and changed'),
  unchanged: z.number().int().describe('Rows whose SKU existed, already as in the file'),
  products: z.object({ created: z.number().int(), updated: z.number().int() }),
});

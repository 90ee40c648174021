import dayjs, { type Dayjs } from 'dayjs';
import type { ProductDetail, ProductDraft, ProductSave, VariantInput, Variant } from '../../types';

/**
 * The product form edits flat fields (one input per language, prices in yuan); these pure
 * functions convert between that and the API's shapes (localized objects, prices in fen).
 */
export interface VariantRow {
  id?: string;
  sku: string;
  optionValues: Record<string, string>;
  price: number | null;
  listPrice: number | null;
  weightGrams: number | null;
  barcode: string | null;
  active: boolean;
}
export interface ProductFormValues {
  slug: string;
  titleZh: string;
  titleEn: string;
  subtitleZh?: string;
  subtitleEn?: string;
  descriptionZh?: string;
  descriptionEn?: string;
  categoryId: string;
  brandId?: string | null;
  privateLabel: boolean;
  exclusive: boolean;
  /** 会员抢先购: the tiers that may buy before the public date (none: on sale to all). */
  earlyTiers?: string[];
  earlyPublicAt?: Dayjs | null;
  tags: string[];
  images: Array<{ url: string; width: number; height: number; altZh?: string; altEn?: string }>;
  options: Array<{ code: string; nameZh: string; nameEn: string; values: Array<{ code: string; nameZh: string; nameEn: string }> }>;
  attributes: Array<{ nameZh: string; nameEn: string; valueZh: string; valueEn: string }>;
  variants: VariantRow[];
}

/** Yuan as typed (up to 2 decimals) → integer fen; rounding removes float noise like 19.99*100. */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
export const fenToYuan = (fen: number) => fen / 100;

const both = (zh: string | undefined, en: string | undefined) => {
  const z = (zh ?? '').trim();
  const e = (en ?? '').trim();
  if (!z && !e) return null;
  // Both languages are required by the API; a missing one falls back to the other rather than failing.
  return { 'zh-CN': z || e, en: e || z };
};

export function emptyProduct(): ProductFormValues {
  return {
    slug: '', titleZh: '', titleEn: '', categoryId: '', brandId: null, privateLabel: false, exclusive: false, tags: [],
    images: [], options: [], attributes: [],
    variants: [{ sku: '', optionValues: {}, price: null, listPrice: null, weightGrams: 0, barcode: null, active: true }],
  };
}

export function toFormValues(p: ProductDetail): ProductFormValues {
  return {
    slug: p.slug,
    titleZh: p.title['zh-CN'],
    // An English title the server copied from the Chinese one shows as empty, so renaming the
    // product in Chinese renames it on the English pages too (saved empty, it is copied again).
    titleEn: p.title.en === p.title['zh-CN'] ? '' : p.title.en,
    subtitleZh: p.subtitle?.['zh-CN'],
    subtitleEn: p.subtitle?.en,
    descriptionZh: p.description?.['zh-CN'],
    descriptionEn: p.description?.en,
    categoryId: p.categoryId,
    brandId: p.brandId,
    privateLabel: p.privateLabel,
    exclusive: p.exclusive,
    earlyTiers: p.earlyAccess?.tiers ?? [],
    earlyPublicAt: p.earlyAccess ? dayjs(p.earlyAccess.publicAt) : null,
    tags: p.tags,
    images: p.images.map((i) => ({ url: i.url, width: i.width, height: i.height, altZh: i.alt['zh-CN'], altEn: i.alt.en })),
    options: p.options.map((o) => ({
      code: o.code, nameZh: o.name['zh-CN'], nameEn: o.name.en,
      values: o.values.map((v) => ({ code: v.code, nameZh: v.name['zh-CN'], nameEn: v.name.en })),
    })),
    attributes: p.attributes.map((a) => ({ nameZh: a.name['zh-CN'], nameEn: a.name.en, valueZh: a.value['zh-CN'], valueEn: a.value.en })),
    variants: p.variants.map(toVariantRow),
  };
}

export function toVariantRow(v: Variant): VariantRow {
  return {
    id: v.id, sku: v.sku, optionValues: { ...v.optionValues }, price: fenToYuan(v.price),
    listPrice: v.listPrice === null ? null : fenToYuan(v.listPrice), weightGrams: v.weightGrams, barcode: v.barcode, active: v.active,
  };
}

/** Title, slug and the product's own fields: an empty slug or English title is made by the server. */
function toProductFields(v: ProductFormValues) {
  const zh = (v.titleZh ?? '').trim();
  const en = (v.titleEn ?? '').trim();
  // What the image alt falls back to: the server makes the same fallback for the title itself.
  const title = { 'zh-CN': zh || en, en: en || zh };
  const slug = (v.slug ?? '').trim();
  return {
    ...(slug ? { slug } : {}),
    title: { 'zh-CN': zh || en, en },
    subtitle: both(v.subtitleZh, v.subtitleEn),
    description: v.descriptionZh?.trim() || v.descriptionEn?.trim() ? { 'zh-CN': v.descriptionZh ?? '', en: v.descriptionEn ?? '' } : null,
    categoryId: v.categoryId,
    brandId: v.brandId || null,
    privateLabel: Boolean(v.privateLabel),
    exclusive: Boolean(v.exclusive),
    earlyAccess: v.earlyTiers?.length && v.earlyPublicAt ? { tiers: v.earlyTiers, publicAt: v.earlyPublicAt.toISOString() } : null,
    tags: v.tags ?? [],
    images: (v.images ?? []).map((i) => ({
      url: i.url.trim(), width: i.width, height: i.height, alt: both(i.altZh, i.altEn) ?? title,
    })),
    options: (v.options ?? []).map((o) => ({
      code: o.code.trim(), name: both(o.nameZh, o.nameEn)!,
      values: o.values.map((x) => ({ code: x.code.trim(), name: both(x.nameZh, x.nameEn)! })),
    })),
    attributes: (v.attributes ?? []).map((a) => ({ name: both(a.nameZh, a.nameEn)!, value: both(a.valueZh, a.valueEn)! })),
  };
}

export function toVariantInput(r: VariantRow): VariantInput {
  return {
    sku: r.sku.trim(),
    optionValues: Object.fromEntries(Object.entries(r.optionValues ?? {}).filter(([, v]) => Boolean(v))),
    price: yuanToFen(r.price ?? 0),
    listPrice: r.listPrice === null || r.listPrice === undefined ? null : yuanToFen(r.listPrice),
    weightGrams: r.weightGrams ?? 0,
    barcode: r.barcode?.trim() || null,
    active: r.active ?? true,
  };
}

/** A new product (adminCreateProduct): always a draft; publishing is its own step. */
export function toProductDraft(v: ProductFormValues): ProductDraft {
  return { ...toProductFields(v), status: 'draft', variants: (v.variants ?? []).map(toVariantInput) };
}

/**
 * A saved product as one save (adminSaveProduct): every variant row with its id when it has one,
 * so the server updates it rather than creating it again. Pass the form's whole store
 * (`getFieldsValue(true)`): the ids have no input of their own and `onFinish` values leave them out.
 */
export function toProductSave(v: ProductFormValues): ProductSave {
  return {
    ...toProductFields(v),
    variants: (v.variants ?? []).map((r) => ({ ...(r.id ? { id: r.id } : {}), ...toVariantInput(r) })),
  };
}

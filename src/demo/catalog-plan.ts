import type { Localized } from '../platform/i18n.js';
import type { ProductAttribute, ProductImage, ProductOption } from '../modules/catalog/schema.js';
import { Rng } from './random.js';
import { productGalleryUrls, productImageUrl } from './images.js';
import { BRANDS, TOP_CATEGORIES } from './vocab/brands.js';
import { ELECTRONICS } from './vocab/leaves-electronics.js';
import { LIFESTYLE } from './vocab/leaves-lifestyle.js';
import { HOME_FOOD_BABY_BOOKS } from './vocab/leaves-home.js';
import { OPTION_KINDS } from './vocab/options.js';
import { GLYPHS } from './vocab/glyphs.js';
import type { BrandSpec, LeafSpec, LineSpec, OptionValueSpec, ProductTypeSpec, ZhEn } from './vocab/types.js';

/**
 * The demo catalog as plain data (pure, no I/O): a two-level category tree, brands, and products
 * built from brand × series × attribute × product type, each with options, 1–6 variants, prices in
 * fen (list price, cost), weights, barcodes, tags, attributes and a generated picture.
 */

export const LEAVES: readonly LeafSpec[] = [...ELECTRONICS, ...LIFESTYLE, ...HOME_FOOD_BABY_BOOKS];

export interface PlannedCategory {
  slug: string;
  name: Localized;
  parentSlug: string | null;
  position: number;
}

export interface PlannedBrand {
  slug: string;
  name: Localized;
  privateLabel: boolean;
}

export interface PlannedVariant {
  sku: string;
  optionValues: Record<string, string>;
  price: number;
  listPrice: number | null;
  cost: number;
  weightGrams: number;
  barcode: string;
  /** Relative share of the product's sales. */
  popularity: number;
}

export interface PlannedProduct {
  slug: string;
  title: Localized;
  subtitle: Localized;
  description: Localized;
  categorySlug: string;
  /** The top-level category (electronics, apparel, …). */
  topSlug: string;
  /** The product type (anc-earbuds, tee, …), for seasonal demand. */
  typeKey: string;
  brandSlug: string;
  privateLabel: boolean;
  exclusive: boolean;
  status: 'active' | 'draft';
  tags: string[];
  attributes: ProductAttribute[];
  options: ProductOption[];
  images: ProductImage[];
  variants: PlannedVariant[];
  /** Relative share of orders (a Zipf curve: a few hot sellers, a long tail). */
  popularity: number;
  /** Bought several at a time (snacks, diapers). */
  consumable: boolean;
  /** Days before the last history day it went on sale; more than the window means "before it". */
  launchDaysAgo: number;
}

/** The best-selling share of products that have a gallery (three pictures) rather than one. */
const GALLERY_SHARE = 0.4;

/** A product's pictures: its tile, and for the better sellers a close-up and its box too. */
function pictures(hue: number, shade: number, initial: string, brandEn: string, title: Record<'zh-CN' | 'en', string>, gallery: boolean): ProductImage[] {
  const main = { url: productImageUrl(hue, shade, initial, brandEn), width: 800, height: 800, alt: title };
  if (!gallery) return [main];
  const [closeUp, box] = productGalleryUrls(hue, shade, initial, brandEn);
  return [
    main,
    { url: closeUp, width: 800, height: 800, alt: { 'zh-CN': `${title['zh-CN']} 细节`, en: `${title.en}, close-up` } },
    { url: box, width: 800, height: 800, alt: { 'zh-CN': `${title['zh-CN']} 包装`, en: `${title.en}, packaging` } },
  ];
}

export interface CatalogPlan {
  categories: PlannedCategory[];
  brands: PlannedBrand[];
  products: PlannedProduct[];
}

export const DEFAULT_PRODUCT_COUNT = 240;

const zhEn = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

/** Shop prices: ¥15.90, ¥49, ¥299, ¥5,999 — in fen. */
export function shopPrice(yuan: number): number {
  if (yuan < 10) return Math.max(10, Math.round(yuan * 10) * 10);
  if (yuan < 20) return Math.round(yuan) * 100 - 10;
  if (yuan < 1000) return (Math.max(2, Math.round(yuan / 10)) * 10 - 1) * 100;
  return (Math.round(yuan / 100) * 100 - 1) * 100;
}

function ean13(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3);
  return body12 + String((10 - (sum % 10)) % 10);
}

const ISBN_PREFIX: Record<string, string> = { 'people-lit': '978702', jieli: '97875448', 'citic-press': '97875086' };

function barcodeOf(brandIndex: number, brandSlug: string, seq: number): string {
  const isbn = ISBN_PREFIX[brandSlug];
  if (isbn) return ean13(isbn + String(seq).padStart(12 - isbn.length, '0').slice(-(12 - isbn.length)));
  return ean13('69' + String(10_000 + brandIndex * 37).padStart(5, '0') + String(seq % 100_000).padStart(5, '0'));
}

function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface Candidate {
  leaf: LeafSpec;
  type: ProductTypeSpec;
  line: LineSpec;
  adjective: ZhEn | null;
}

function candidatesOf(leaf: LeafSpec): Candidate[] {
  const out: Candidate[] = [];
  for (const type of leaf.types) {
    for (const line of type.lines) {
      for (const adjective of type.adjectives ?? [null]) out.push({ leaf, type, line, adjective });
    }
  }
  return out;
}

/** Leaves take turns in proportion to their weight until `count` products are chosen. */
function chooseCandidates(rng: Rng, count: number): Candidate[] {
  const pools = LEAVES.map((leaf) => ({ leaf, left: rng.fork('leaf', leaf.slug).shuffle(candidatesOf(leaf)), taken: 0 }));
  const chosen: Candidate[] = [];
  while (chosen.length < count) {
    let best: (typeof pools)[number] | null = null;
    for (const p of pools) {
      if (p.left.length === 0) continue;
      if (!best || p.taken / p.leaf.weight < best.taken / best.leaf.weight) best = p;
    }
    if (!best) break; // the vocabulary is exhausted
    chosen.push(best.left.pop()!);
    best.taken++;
  }
  return chosen;
}

function titleOf(c: Candidate, brand: BrandSpec): Localized {
  const [, lineZh, lineEn = lineZh] = c.line;
  if (c.type.book) return zhEn(`《${lineZh}》`, lineEn);
  const [adjZh, adjEn] = c.adjective ?? ['', ''];
  const zh = [brand.zh, lineZh, `${adjZh}${c.type.zh}`].filter(Boolean).join(' ');
  const en = [brand.en, lineEn, adjEn, c.type.en].filter(Boolean).join(' ');
  return zhEn(zh, en);
}

/** Picks option values for 1–6 variants: a run of sizes/capacities, a handful of colours. */
function chooseOptionValues(rng: Rng, kinds: string[]): OptionValueSpec[][] {
  if (kinds.length === 0) return [];
  const target = rng.pick([1, 2, 2, 3, 3, 4, 4, 5, 6, 6]);
  const specs = kinds.map((k) => OPTION_KINDS[k]);
  const counts = specs.map(() => 1);
  if (specs.length === 1) counts[0] = Math.min(target, specs[0].values.length);
  else {
    counts[1] = target >= 4 ? 2 : 1;
    counts[0] = Math.max(1, Math.min(specs[0].values.length, Math.floor(target / counts[1])));
  }
  return specs.map((spec, i) => {
    if (!spec.ordered) return rng.sample(spec.values, counts[i]);
    const start = rng.int(0, spec.values.length - counts[i]);
    return spec.values.slice(start, start + counts[i]);
  });
}

function cartesian(lists: OptionValueSpec[][]): OptionValueSpec[][] {
  return lists.reduce<OptionValueSpec[][]>((acc, list) => acc.flatMap((combo) => list.map((v) => [...combo, v])), [[]]);
}

const SCALES_WEIGHT = new Set(['weight', 'volume', 'pack']);

/** The demo catalog for `count` products (default 240); the same seed gives the same catalog. */
export function planCatalog(seed: number, count = DEFAULT_PRODUCT_COUNT): CatalogPlan {
  const rng = new Rng(seed).fork('catalog');
  const categories: PlannedCategory[] = [
    ...TOP_CATEGORIES.map((c, i) => ({ slug: c.slug, name: zhEn(c.zh, c.en), parentSlug: null, position: i })),
    ...LEAVES.map((l, i) => ({ slug: l.slug, name: zhEn(l.zh, l.en), parentSlug: l.parent, position: i })),
  ];
  const brands = BRANDS.map((b) => ({ slug: b.slug, name: zhEn(b.zh, b.en), privateLabel: !!b.privateLabel }));
  const brandIndex = new Map(BRANDS.map((b, i) => [b.slug, i]));
  const hueOf = new Map(TOP_CATEGORIES.map((c) => [c.slug, c.hue]));

  const seenTitles = new Set<string>();
  const products: PlannedProduct[] = [];
  const ranks = rng.fork('ranks').shuffle(Array.from({ length: count }, (_, i) => i));
  let variantSeq = 0;
  for (const c of chooseCandidates(rng.fork('choose'), count)) {
    const brand = BRANDS[brandIndex.get(c.line[0])!];
    const title = titleOf(c, brand);
    if (seenTitles.has(title['zh-CN']) || seenTitles.has(title.en)) continue;
    seenTitles.add(title['zh-CN']);
    seenTitles.add(title.en);
    const index = products.length;
    const r = rng.fork('product', index);
    const seq = String(index + 1).padStart(4, '0');

    const linePrice = c.line[3];
    const baseYuan = linePrice
      ? linePrice * (c.adjective ? r.between(0.9, 1.12) : 1)
      : Math.exp(r.between(Math.log(c.type.price[0]), Math.log(c.type.price[1])));
    const optionLists = chooseOptionValues(r, [...c.type.options]);
    const optionKinds = c.type.options.map((k) => OPTION_KINDS[k]);
    const combos = optionLists.length ? cartesian(optionLists) : [[]];
    const hasListPrice = c.type.book || r.chance(0.65);
    const markup = r.between(1.12, 1.45);
    const costRatio = r.between(c.leaf.costRatio[0], c.leaf.costRatio[1]);
    const baseWeight = Math.round(r.between(c.type.weightGrams[0], c.type.weightGrams[1]) / 5) * 5;
    const variantWeights = [1, 0.7, 0.5, 0.4, 0.3, 0.25];

    const variants: PlannedVariant[] = combos.map((combo, vi) => {
      const factor = combo.reduce((f, v) => f * (v.factor ?? 1), 1);
      const weightFactor = combo.reduce((f, v, k) => f * (SCALES_WEIGHT.has(optionKinds[k].code) ? (v.factor ?? 1) : 1), 1);
      const yuan = c.type.book ? baseYuan * factor * 0.78 : baseYuan * factor;
      const price = c.type.book ? Math.round(yuan * 10) * 10 : factor === 1 && linePrice && !c.adjective ? Math.round(yuan * 100) : shopPrice(yuan);
      const listPrice = c.type.book ? Math.round(baseYuan * factor * 10) * 10 : hasListPrice ? Math.max(price + 100, shopPrice((price / 100) * markup)) : null;
      variantSeq++;
      return {
        sku: [c.leaf.code + seq, ...combo.map((v) => v.code)].join('-').toUpperCase(),
        optionValues: Object.fromEntries(combo.map((v, k) => [optionKinds[k].code, v.code])),
        price,
        listPrice,
        cost: Math.round(price * costRatio),
        weightGrams: Math.round(baseWeight * weightFactor),
        barcode: barcodeOf(brandIndex.get(brand.slug)!, brand.slug, variantSeq),
        popularity: variantWeights[vi] ?? 0.2,
      };
    });

    const options: ProductOption[] = optionKinds.map((kind, k) => ({
      code: kind.code,
      name: zhEn(kind.zh, kind.en),
      values: optionLists[k].map((v) => ({ code: v.code, name: zhEn(v.zh, v.en) })),
    }));

    const points = c.type.points;
    const attributes: ProductAttribute[] = (c.type.attrs ?? []).map(([name, values]) => {
      const [vz, ve] = r.pick(values);
      return { name: zhEn(name[0], name[1]), value: zhEn(vz, ve) };
    });
    if (c.type.book) attributes.push({ name: zhEn('出版社', 'Publisher'), value: zhEn(brand.zh, brand.en) });
    if (c.leaf.warrantyMonths) {
      attributes.push({ name: zhEn('保修', 'Warranty'), value: zhEn(`${c.leaf.warrantyMonths}个月`, `${c.leaf.warrantyMonths} months`) });
    }
    attributes.push({ name: zhEn('产地', 'Origin'), value: zhEn('中国', 'China') });

    const privateLabel = !!brand.privateLabel;
    const exclusive = !privateLabel && !c.type.book && r.chance(0.07);
    const launchDaysAgo = r.chance(0.85) ? 366 + r.int(0, 400) : r.int(10, 330);
    const tags: string[] = [];
    if (c.adjective) tags.push(c.adjective[0], c.adjective[1].toLowerCase());
    tags.push(points[0][0]);
    if (privateLabel) tags.push('自有品牌', 'own-brand');
    if (exclusive) tags.push('独家', 'exclusive');
    if (launchDaysAgo <= 330) tags.push('新品', 'new');
    if (variants[0].price >= 9900) tags.push('包邮', 'free-shipping');

    const brandLine = privateLabel ? '掌柜优选自有品牌，严选工厂直供。' : `${brand.zh}官方授权，正品保障。`;
    const brandLineEn = privateLabel ? 'Our own label, made by vetted factories.' : `Authorised ${brand.en} stockist, genuine products.`;
    const top = c.leaf.parent;
    const initial = c.type.book ? c.line[1][0] : (GLYPHS[c.type.key] ?? c.type.zh[0]);

    products.push({
      slug: `${slugify(title.en).slice(0, 66).replace(/-+$/, '')}-${seq}`,
      title,
      subtitle: zhEn(points.slice(0, 2).map((p) => p[0]).join(' | '), points.slice(0, 2).map((p) => p[1]).join(' | ')),
      description: zhEn(
        `${title['zh-CN']}：${points.map((p) => p[0]).join('，')}。${brandLine}七天无理由退货。`,
        `${title.en}: ${points.map((p) => p[1].toLowerCase()).join(', ')}. ${brandLineEn} 7-day no-questions-asked returns.`,
      ),
      categorySlug: c.leaf.slug,
      topSlug: top,
      typeKey: c.type.key,
      brandSlug: brand.slug,
      privateLabel,
      exclusive,
      status: r.chance(0.02) ? 'draft' : 'active',
      tags: [...new Set(tags)],
      attributes,
      options,
      images: pictures(hueOf.get(top) ?? 0, r.next(), initial, brand.en, title, ranks[index % count] < count * GALLERY_SHARE),
      variants,
      popularity: (1 / Math.pow(ranks[index % count] + 1, 0.85)) * Math.pow(Math.max(variants[0].price, 1000) / 10_000, -0.45) * (c.type.consumable ? 1.3 : 1),
      consumable: !!c.type.consumable,
      launchDaysAgo,
    });
  }
  return { categories, brands, products };
}

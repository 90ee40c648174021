import { describe, expect, it } from 'vitest';
import { catalogTypes } from '../modules/catalog/index.js';
import { DEFAULT_PRODUCT_COUNT, planCatalog } from './catalog-plan.js';
import { DEMO_SEED } from './generate.js';

const plan = planCatalog(DEMO_SEED);
const eanValid = (code: string) => {
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 12).reduce((n, d, i) => n + d * (i % 2 === 0 ? 1 : 3), 0);
  return code.length === 13 && (10 - (sum % 10)) % 10 === digits[12];
};

describe('demo catalog plan (pure, no database)', () => {
  it('has at least 12 categories with products, in a two-level tree', () => {
    const bySlug = new Map(plan.categories.map((c) => [c.slug, c]));
    for (const c of plan.categories) {
      if (c.parentSlug) expect(bySlug.get(c.parentSlug)?.parentSlug).toBeNull();
    }
    const used = new Set(plan.products.map((p) => p.categorySlug));
    expect(used.size).toBeGreaterThanOrEqual(12);
    for (const slug of used) expect(bySlug.get(slug)?.parentSlug).toBeTruthy();
    expect(new Set([...used].map((s) => bySlug.get(s)!.parentSlug)).size).toBe(8);
  });

  it('has at least 200 products with distinct names in both languages', () => {
    expect(plan.products).toHaveLength(DEFAULT_PRODUCT_COUNT);
    expect(new Set(plan.products.map((p) => p.title['zh-CN'])).size).toBe(plan.products.length);
    expect(new Set(plan.products.map((p) => p.title.en)).size).toBe(plan.products.length);
    expect(plan.products.length).toBeGreaterThanOrEqual(200);
    expect(plan.products.some((p) => p.title['zh-CN'].includes('华为') && /HUAWEI/.test(p.title.en))).toBe(true);
  });

  it('has at least 25 brands, private-label and exclusive products, drafts and new launches', () => {
    expect(new Set(plan.products.map((p) => p.brandSlug)).size).toBeGreaterThanOrEqual(25);
    expect(plan.products.filter((p) => p.privateLabel).length).toBeGreaterThan(5);
    expect(plan.products.filter((p) => p.exclusive).length).toBeGreaterThan(3);
    expect(plan.products.every((p) => !p.privateLabel || p.brandSlug === 'shopkeeper')).toBe(true);
    expect(plan.products.some((p) => p.status === 'draft')).toBe(true);
    expect(plan.products.some((p) => p.launchDaysAgo < 365)).toBe(true);
  });

  it('every product passes the catalog API’s own input schema', () => {
    for (const p of plan.products) {
      const parsed = catalogTypes.productInput.safeParse({
        ...p,
        categoryId: '0190a0a0-0000-7000-8000-000000000001',
        brandId: '0190a0a0-0000-7000-8000-000000000002',
        variants: p.variants.map(({ popularity, ...v }) => v),
        // The plan draws SVG pictures; the demo stores them as media assets before saving products.
        images: p.images.map((img) => ({ ...img, url: '/media/0190a0a0-0000-7000-8000-000000000003' })),
      });
      expect(parsed.success, `${p.slug}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('has 1–6 variants each with integer prices in fen, cost below price and list price above it', () => {
    for (const p of plan.products) {
      expect(p.variants.length).toBeGreaterThanOrEqual(1);
      expect(p.variants.length).toBeLessThanOrEqual(6);
      expect(new Set(p.variants.map((v) => JSON.stringify(v.optionValues))).size).toBe(p.variants.length);
      for (const v of p.variants) {
        expect(Number.isSafeInteger(v.price) && v.price > 0).toBe(true);
        expect(Number.isSafeInteger(v.cost) && v.cost < v.price).toBe(true);
        if (v.listPrice !== null) expect(v.listPrice).toBeGreaterThan(v.price);
        expect(v.weightGrams).toBeGreaterThan(0);
      }
    }
    const priceOf = (top: string) => plan.products.filter((p) => p.topSlug === top).map((p) => p.variants[0].price).sort((a, b) => a - b);
    const med = (xs: number[]) => xs[Math.floor(xs.length / 2)];
    expect(med(priceOf('electronics'))).toBeGreaterThan(med(priceOf('food')));
    expect(Math.min(...plan.products.filter((p) => p.categorySlug === 'phones').map((p) => p.variants[0].price))).toBeGreaterThanOrEqual(99_900);
    expect(Math.max(...plan.products.filter((p) => p.categorySlug === 'pantry').map((p) => p.variants[0].price))).toBeLessThan(30_000);
  });

  it('has unique SKUs and valid, unique EAN-13 / ISBN barcodes', () => {
    const variants = plan.products.flatMap((p) => p.variants);
    expect(new Set(variants.map((v) => v.sku)).size).toBe(variants.length);
    expect(new Set(variants.map((v) => v.barcode)).size).toBe(variants.length);
    expect(variants.every((v) => eanValid(v.barcode))).toBe(true);
    const books = plan.products.filter((p) => p.topSlug === 'books').flatMap((p) => p.variants);
    expect(books.length).toBeGreaterThan(0);
    expect(books.every((v) => v.barcode.startsWith('9787'))).toBe(true);
  });

  it('draws each product a small SVG picture as a data: URL, coloured by category', () => {
    for (const p of plan.products) {
      expect(p.images[0]).toMatchObject({ width: 800, height: 800, alt: p.title });
      for (const image of p.images) {
        expect(image.url.startsWith('data:image/svg+xml;utf8,')).toBe(true);
        expect(image.url.length).toBeLessThan(1000);
        expect(decodeURIComponent(image.url)).toContain('<svg');
      }
    }
    // The better sellers have a gallery: a close-up and the box besides the tile, each described.
    const galleries = plan.products.filter((p) => p.images.length === 3);
    expect(galleries.length).toBeGreaterThan(plan.products.length * 0.3);
    expect(plan.products.every((p) => p.images.length === 1 || p.images.length === 3)).toBe(true);
    expect(galleries[0].images[1].alt['zh-CN']).toBe(`${galleries[0].title['zh-CN']} 细节`);
    expect(new Set(galleries[0].images.map((i) => i.url)).size).toBe(3);
    const fill = (slug: string) => decodeURIComponent(plan.products.find((p) => p.topSlug === slug)!.images[0].url).match(/fill='(#[0-9a-f]{6})'/)![1];
    expect(fill('electronics')).not.toBe(fill('food'));
  });

  it('is deterministic: the same seed gives the same catalog, another seed another one', () => {
    expect(planCatalog(DEMO_SEED)).toEqual(plan);
    const other = planCatalog(DEMO_SEED + 1);
    expect(other.products.map((p) => p.title.en)).not.toEqual(plan.products.map((p) => p.title.en));
    expect(planCatalog(DEMO_SEED, 30).products).toHaveLength(30);
  });
});

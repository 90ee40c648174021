import { describe, expect, it } from 'vitest';
import { emptyProduct, toFormValues, toProductDraft, toProductSave, yuanToFen } from './product-form';
import { productStockLines, sellableUnits } from './product-stock';
import type { ProductDetail, StockLine, Warehouse } from '../../types';

const product: ProductDetail = {
  id: 'p1', slug: 'tee', title: { 'zh-CN': 'T恤', en: 'Tee' }, subtitle: null, categoryId: 'c1', brandId: null,
  priceMin: 1990, priceMax: 1990, image: null, tags: [], salesCount: 0, privateLabel: false, exclusive: false, earlyAccess: null,
  description: null, status: 'draft', attributes: [], images: [],
  options: [{ code: 'size', name: { 'zh-CN': '尺码', en: 'Size' }, values: [{ code: 'm', name: { 'zh-CN': 'M', en: 'M' } }] }],
  variants: [
    { id: 'v1', sku: 'TEE-M', optionValues: { size: 'm' }, price: 1990, listPrice: null, weightGrams: 200, barcode: null, active: true },
    { id: 'v2', sku: 'TEE-L', optionValues: { size: 'l' }, price: 1990, listPrice: 2990, weightGrams: 210, barcode: null, active: false },
  ],
  createdAt: '', updatedAt: '',
};

describe('product form → adminSaveProduct payload', () => {
  it('turns typed yuan into whole fen without float noise', () => {
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
  });

  it("keeps each saved variant's id, so a price edit updates that SKU instead of creating it again", () => {
    const values = toFormValues(product);
    values.variants[0].price = 25;
    values.variants.push({ sku: 'TEE-XL', optionValues: { size: 'xl' }, price: 25, listPrice: null, weightGrams: 220, barcode: null, active: true });
    const save = toProductSave(values);
    expect(save.variants).toEqual([
      { id: 'v1', sku: 'TEE-M', optionValues: { size: 'm' }, price: 2500, listPrice: null, weightGrams: 200, barcode: null, active: true },
      { id: 'v2', sku: 'TEE-L', optionValues: { size: 'l' }, price: 1990, listPrice: 2990, weightGrams: 210, barcode: null, active: false },
      { sku: 'TEE-XL', optionValues: { size: 'xl' }, price: 2500, listPrice: null, weightGrams: 220, barcode: null, active: true },
    ]);
    expect(save).not.toHaveProperty('status');
    expect(save).toMatchObject({ slug: 'tee', title: product.title, options: product.options, categoryId: 'c1', brandId: null });
  });

  it('leaves the slug and an empty English title to the server', () => {
    const v = { ...emptyProduct(), titleZh: ' 保温杯 ', titleEn: '  ', categoryId: 'c' };
    v.variants[0] = { ...v.variants[0], sku: 'CUP-1', price: 49 };
    const draft = toProductDraft(v);
    expect(draft).not.toHaveProperty('slug');
    expect(draft.title).toEqual({ 'zh-CN': '保温杯', en: '' });
    expect(draft).toMatchObject({ status: 'draft', variants: [{ sku: 'CUP-1', price: 4900 }] });
  });

  it('shows an English title copied from the Chinese one as empty, so it follows a Chinese rename', () => {
    const copied = toFormValues({ ...product, title: { 'zh-CN': '保温杯', en: '保温杯' } });
    expect(copied.titleEn).toBe('');
    expect(toProductSave({ ...copied, titleZh: '真空保温杯' }).title).toEqual({ 'zh-CN': '真空保温杯', en: '' });
    expect(toFormValues(product).titleEn).toBe(product.title.en);
  });
});

describe('product form: 会员抢先购', () => {
  it('sends tiers and the public instant together, and nothing when no tier is chosen', () => {
    const withEarly = toFormValues({ ...product, earlyAccess: { tiers: ['gold'], publicAt: '2026-12-10T02:00:00.000Z' } });
    expect(withEarly.earlyTiers).toEqual(['gold']);
    expect(toProductSave(withEarly).earlyAccess).toEqual({ tiers: ['gold'], publicAt: '2026-12-10T02:00:00.000Z' });
    expect(toProductSave({ ...withEarly, earlyTiers: [] }).earlyAccess).toBeNull();
    expect(toProductSave(toFormValues(product)).earlyAccess).toBeNull();
  });
});

describe('product form stock', () => {
  const main: Warehouse = { id: 'w1', code: 'MAIN', name: { 'zh-CN': '主仓', en: 'Main' }, isDefault: true, active: true, createdAt: '' };
  const line = (variantId: string, onHand: number, reserved: number): StockLine => ({
    variantId, productId: 'p1', sku: null, title: product.title, warehouseId: 'w1', warehouseCode: 'MAIN', warehouseName: main.name,
    onHand, reserved, available: onHand - reserved, updatedAt: '',
  });

  it('shows a variant without a stock row at zero in the default warehouse', () => {
    const lines = productStockLines(product.title, 'p1', product.variants, [line('v1', 5, 2)], main);
    expect(lines.map((l) => [l.sku, l.onHand, l.reserved, l.available, l.warehouseId])).toEqual([['TEE-M', 5, 2, 3, 'w1'], ['TEE-L', 0, 0, 0, 'w1']]);
  });

  it('counts only available units of variants on sale: publishing with none warns', () => {
    expect(sellableUnits(product.variants, [line('v1', 5, 2), line('v2', 9, 0)])).toBe(3);
    expect(sellableUnits(product.variants, [line('v1', 2, 2), line('v2', 9, 0)])).toBe(0);
    expect(sellableUnits(product.variants, [])).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { toProductInput, toFormValues, variantChanges, yuanToFen, emptyProduct } from './product-form';
import type { ProductDetail } from '../../types';

const product: ProductDetail = {
  id: 'p1', slug: 'tee', title: { 'zh-CN': 'T恤', en: 'Tee' }, subtitle: null, categoryId: 'c1', brandId: null,
  priceMin: 1990, priceMax: 1990, image: null, tags: [], salesCount: 0, privateLabel: false, exclusive: false,
  description: null, status: 'draft', attributes: [], images: [],
  options: [{ code: 'size', name: { 'zh-CN': '尺码', en: 'Size' }, values: [{ code: 'm', name: { 'zh-CN': 'M', en: 'M' } }] }],
  variants: [{ id: 'v1', sku: 'TEE-M', optionValues: { size: 'm' }, price: 1990, listPrice: null, weightGrams: 200, barcode: null, active: true }],
  createdAt: '', updatedAt: '',
};

describe('product form conversions', () => {
  it('turns typed yuan into whole fen without float noise', () => {
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
  });

  it('round-trips a product through the form unchanged', () => {
    const input = toProductInput(toFormValues(product));
    expect(input.title).toEqual(product.title);
    expect(input.variants[0]).toMatchObject({ sku: 'TEE-M', price: 1990, optionValues: { size: 'm' } });
    expect(input.options).toEqual(product.options);
  });

  it('fills a missing language from the other instead of sending an empty one', () => {
    const v = { ...emptyProduct(), slug: 'x', titleZh: '杯子', titleEn: '  ', categoryId: 'c' };
    expect(toProductInput(v).title).toEqual({ 'zh-CN': '杯子', en: '杯子' });
  });

  it('patches only changed variant fields and adds new rows', () => {
    const rows = toFormValues(product).variants;
    rows[0].price = 25;
    rows.push({ sku: 'TEE-L', optionValues: { size: 'l' }, price: 25, listPrice: null, weightGrams: 210, barcode: null, active: true });
    const { add, update } = variantChanges(product.variants, rows);
    expect(update).toEqual([{ id: 'v1', patch: { price: 2500 } }]);
    expect(add).toHaveLength(1);
    expect(add[0].sku).toBe('TEE-L');
  });

  it('leaves untouched variants alone', () => {
    expect(variantChanges(product.variants, toFormValues(product).variants)).toEqual({ add: [], update: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { changedFields, planVariants, type ExistingVariant } from './save-plan.js';
import { firstFreeSlug, slugify } from './slug.js';

const v = (id: string, sku: string, extra: Partial<ExistingVariant> = {}): ExistingVariant => ({
  id, sku, optionValues: {}, price: 100, listPrice: null, cost: null, weightGrams: 0, barcode: null, active: true, ...extra,
});

describe('planVariants', () => {
  const saved = [v('a', 'A'), v('b', 'B', { cost: 50 })];

  it('patches only what changed, keeps fields the payload leaves out, creates new SKUs, switches off omitted ones', () => {
    const plan = planVariants(saved, [{ id: 'a', sku: 'A', price: 200 }, { sku: 'C', price: 300 }]);
    expect(plan).toEqual({
      ok: true,
      updates: [{ id: 'a', patch: { price: 200 } }],
      creates: [expect.objectContaining({ sku: 'C', price: 300, active: true, cost: null })],
      deactivate: ['b'],
    });
  });

  it('treats an id-less row with a SKU of this product as that variant (a replay changes nothing)', () => {
    expect(planVariants(saved, [{ sku: 'A', price: 100 }, { sku: 'B', price: 100, cost: 50 }])).toEqual({ ok: true, updates: [], creates: [], deactivate: [] });
  });

  it('creates a SKU freed by a rename in the same save rather than matching the renamed variant', () => {
    const plan = planVariants(saved, [{ id: 'a', sku: 'A2', price: 100 }, { sku: 'A', price: 100 }, { id: 'b', sku: 'B', price: 100 }]);
    expect(plan.ok && plan.creates.map((c) => c.sku)).toEqual(['A']);
  });

  it('refuses a SKU twice and an id that is not this product’s', () => {
    expect(planVariants(saved, [{ id: 'a', sku: 'X', price: 1 }, { id: 'b', sku: 'X', price: 1 }])).toEqual({ ok: false, problem: 'duplicateSku', sku: 'X' });
    expect(planVariants(saved, [{ id: 'a', sku: 'A', price: 1 }, { id: 'a', sku: 'Z', price: 1 }])).toMatchObject({ ok: false, problem: 'duplicateSku' });
    expect(planVariants(saved, [{ id: 'zzz', sku: 'Q', price: 1 }])).toEqual({ ok: false, problem: 'unknownVariant', id: 'zzz' });
  });

  it('compares option values regardless of key order', () => {
    const plan = planVariants([v('a', 'A', { optionValues: { color: 'red', size: 'm' } })], [{ id: 'a', sku: 'A', price: 100, optionValues: { size: 'm', color: 'red' } }]);
    expect(plan).toMatchObject({ ok: true, updates: [] });
  });
});

describe('changedFields', () => {
  it('keeps only fields whose value differs, deeply and regardless of key order', () => {
    const before = { title: { 'zh-CN': '杯', en: 'Cup' }, tags: ['a'], brandId: null as string | null };
    expect(changedFields(before, { title: { en: 'Cup', 'zh-CN': '杯' }, tags: ['a', 'b'], brandId: null })).toEqual({ tags: ['a', 'b'] });
  });
});

describe('slugs', () => {
  it('makes lowercase dashed ASCII from pinyin or English, never empty', () => {
    expect(slugify('bao wen bei 500ml', 'product')).toBe('bao-wen-bei-500ml');
    expect(slugify('Crème Brûlée — Set!', 'product')).toBe('creme-brulee-set');
    expect(slugify('！！', 'product')).toBe('product');
    expect(slugify('word '.repeat(40), 'p').length).toBeLessThanOrEqual(60);
  });
  it('numbers a taken slug', () => {
    expect(firstFreeSlug('cup', new Set(['cup', 'cup-2']))).toBe('cup-3');
    expect(firstFreeSlug('cup', new Set(['cup-2']))).toBe('cup');
  });
});

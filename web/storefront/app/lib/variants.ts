import type { StoreProduct } from './types';

type Variant = StoreProduct['variants'][number];

export const buyable = (v: Variant) => v.active && v.stock !== 'out';

/** The most units one add or buy-now may ask for: what is left when few are, else the page's cap. */
export const maxQuantity = (v: Variant | undefined) => Math.max(1, Math.min(99, v?.left ?? 99));

/** The variant a product page shows: the one asked for, else the first one that can be bought. */
export function selectedVariant(product: StoreProduct, wanted: string | null): Variant | undefined {
  const active = product.variants.filter((v) => v.active);
  return (
    active.find((v) => v.id === wanted) ?? active.find(buyable) ?? active[0] ?? product.variants[0]
  );
}

/**
 * Where an option value's link goes: the variant with that value that keeps the other choices,
 * else any variant with that value (in stock first). Links instead of radio buttons, so choosing
 * works without JavaScript and every variant has a cacheable URL.
 */
export function variantFor(product: StoreProduct, current: Variant | undefined, optionCode: string, valueCode: string): Variant | undefined {
  const candidates = product.variants.filter((v) => v.active && v.optionValues[optionCode] === valueCode);
  const keeps = (v: Variant) =>
    Object.entries(current?.optionValues ?? {}).every(([k, val]) => k === optionCode || v.optionValues[k] === val);
  return candidates.find((v) => keeps(v)) ?? candidates.find(buyable) ?? candidates[0];
}

/** "樱花粉 / 128GB" from a variant's option codes. */
export function variantLabel(product: StoreProduct, v: Pick<Variant, 'optionValues'>, locale: 'zh-CN' | 'en'): string {
  return product.options
    .map((o) => o.values.find((x) => x.code === v.optionValues[o.code])?.name[locale])
    .filter(Boolean)
    .join(' / ');
}

import type { Adjustment, AdjustmentKind, PricingLine, ShippingMethod } from './types.js';

/** Small builders shared by the pricing tests. */
export function line(lineId: string, unitPrice: number, quantity = 1, weightGrams = 0, extra: Partial<PricingLine> = {}): PricingLine {
  return { lineId, variantId: `v-${lineId}`, productId: `p-${lineId}`, unitPrice, quantity, weightGrams, ...extra };
}

export function adj(id: string, kind: AdjustmentKind, amount: number, extra: Partial<Adjustment> = {}): Adjustment {
  return { id, kind, amount, label: { 'zh-CN': `优惠 ${id}`, en: `Discount ${id}` }, ...extra };
}

const name = { 'zh-CN': '快递', en: 'Express' };

export function flat(flatFee: number): ShippingMethod {
  return { id: 'sm-flat', code: 'flat', name, kind: 'flat', flatFee };
}

export function freeOver(freeThreshold: number, flatFee?: number): ShippingMethod {
  return { id: 'sm-free', code: 'free-over', name, kind: 'freeOver', freeThreshold, ...(flatFee !== undefined ? { flatFee } : {}) };
}

export function byWeight(extra: Partial<ShippingMethod> = {}): ShippingMethod {
  return {
    id: 'sm-weight',
    code: 'by-weight',
    name,
    kind: 'byWeight',
    firstWeightGrams: 1000,
    firstFee: 1000,
    extraWeightGrams: 500,
    extraFee: 300,
    ...extra,
  };
}

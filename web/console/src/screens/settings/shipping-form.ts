import type { ShippingMethod, ShippingMethodInput, ShippingMethodPatch } from '../../types';
import { fenToYuan, yuanToFen } from '../products/product-form';

/** The shipping-method form works in yuan and grams; the API in fen. Pure conversions, tested. */
export interface ShippingFormValues {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'flat' | 'freeOver' | 'byWeight';
  active: boolean;
  position?: number;
  deliveryDays?: number;
  flatFee?: number;
  freeThreshold?: number;
  firstWeightGrams?: number;
  firstFee?: number;
  extraWeightGrams?: number;
  extraFee?: number;
}

const yuan = (fen: number | undefined) => (fen === undefined ? undefined : fenToYuan(fen));
const days = (v: ShippingFormValues) => (v.deliveryDays !== undefined && v.deliveryDays !== null ? { deliveryDays: v.deliveryDays } : {});
const fen = (y: number | undefined | null) => (y === undefined || y === null ? undefined : yuanToFen(y));

export function toShippingForm(m: ShippingMethod): ShippingFormValues {
  return {
    code: m.code, nameZh: m.name['zh-CN'], nameEn: m.name.en, kind: m.kind, active: m.active, position: m.position, deliveryDays: m.deliveryDays,
    flatFee: yuan(m.flatFee), freeThreshold: yuan(m.freeThreshold), firstWeightGrams: m.firstWeightGrams,
    firstFee: yuan(m.firstFee), extraWeightGrams: m.extraWeightGrams, extraFee: yuan(m.extraFee),
  };
}

/** The rule fields of the chosen kind only: the API refuses fields of another kind. */
function rule(v: ShippingFormValues) {
  if (v.kind === 'flat') return { kind: 'flat' as const, flatFee: fen(v.flatFee) ?? 0 };
  if (v.kind === 'freeOver') return { kind: 'freeOver' as const, freeThreshold: fen(v.freeThreshold) ?? 0, ...(v.flatFee !== undefined && v.flatFee !== null ? { flatFee: fen(v.flatFee) } : {}) };
  return {
    kind: 'byWeight' as const,
    firstWeightGrams: v.firstWeightGrams ?? 1000, firstFee: fen(v.firstFee) ?? 0,
    extraWeightGrams: v.extraWeightGrams ?? 1000, extraFee: fen(v.extraFee) ?? 0,
  };
}

export function toShippingInput(v: ShippingFormValues): ShippingMethodInput {
  return { ...rule(v), code: v.code.trim(), name: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() }, active: v.active, ...days(v), ...(v.position !== undefined && v.position !== null ? { position: v.position } : {}) } as ShippingMethodInput;
}

/**
 * Name, active, position and the fee fields. The API reads fee fields *with* `kind` as a new rule
 * (regional rates dropped) and *without* it as an adjustment of the current rule, so `kind` is sent
 * only when staff changed it — editing a fee must not silently remove a method's regional rates.
 */
export function toShippingPatch(v: ShippingFormValues, before: Pick<ShippingMethod, 'kind'>): ShippingMethodPatch {
  const { kind, ...fees } = rule(v);
  return {
    ...(kind !== before.kind ? { kind } : {}),
    ...fees,
    name: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() },
    active: v.active,
    ...days(v),
    ...(v.position !== undefined && v.position !== null ? { position: v.position } : {}),
  };
}

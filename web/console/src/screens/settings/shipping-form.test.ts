import { describe, expect, it } from 'vitest';
import { toShippingForm, toShippingInput, toShippingPatch } from './shipping-form';
import type { ShippingMethod } from '../../types';

const method: ShippingMethod = { id: 'm', code: 'standard', name: { 'zh-CN': '标准', en: 'Standard' }, kind: 'freeOver', freeThreshold: 9900, flatFee: 1000, active: true, position: 0, deliveryDays: 3 };

describe('shipping method form', () => {
  it('shows fen as yuan and sends yuan back as fen', () => {
    const form = toShippingForm(method);
    expect(form.freeThreshold).toBe(99);
    expect(toShippingInput(form)).toMatchObject({ kind: 'freeOver', freeThreshold: 9900, flatFee: 1000, code: 'standard', deliveryDays: 3 });
  });

  it('sends only the fields of the chosen kind, and the kind only when it changed', () => {
    const patch = toShippingPatch({ ...toShippingForm(method), kind: 'flat', flatFee: 8 }, method);
    expect(patch).toEqual({ kind: 'flat', flatFee: 800, name: method.name, active: true, position: 0, deliveryDays: 3 });
  });

  it('adjusts a by-weight method without replacing its rule, so its regional rates stay', () => {
    const byWeight: ShippingMethod = {
      ...method, kind: 'byWeight', flatFee: undefined, freeThreshold: undefined, firstWeightGrams: 1000, firstFee: 1800, extraWeightGrams: 1000, extraFee: 600,
      regionFees: [{ provinceCodes: ['54'], firstFee: 3000, extraFee: 1500 }],
    };
    const patch = toShippingPatch({ ...toShippingForm(byWeight), extraFee: 7 }, byWeight);
    expect(patch).not.toHaveProperty('kind');
    expect(patch).not.toHaveProperty('regionFees');
    expect(patch).toMatchObject({ firstFee: 1800, extraFee: 700 });
  });
});

import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, groupBuyBody, groupBuyPatchBody, groupBuyValuesOf, type GroupBuy } from './group-buy-form';

const stored: GroupBuy = {
  id: 'g1', name: { 'zh-CN': '三人团', en: 'Team of 3' }, productId: 'p1',
  variants: [{ variantId: 'v1', groupPrice: 8990 }, { variantId: 'v2', groupPrice: 12_000 }],
  teamSize: 3, timeLimitMinutes: 100, perCustomerLimit: 2, leaderDiscount: 150,
  simulatedFill: { enabled: false, maxSeatsLeft: 2 }, status: 'active', createdAt: '', updatedAt: '',
};

describe('group-buy form ↔ API body', () => {
  it('round-trips a stored activity unchanged (fen via yuan, minutes via hours)', () => {
    const { productId, ...rest } = groupBuyBody(groupBuyValuesOf(stored));
    expect(productId).toBe('p1');
    expect(rest).toEqual({
      name: stored.name, variants: stored.variants, teamSize: 3, timeLimitMinutes: 100, perCustomerLimit: 2, leaderDiscount: 150,
      simulatedFill: { enabled: false, maxSeatsLeft: 2 },
    });
  });

  it('sends nothing when nothing changed, keys in any order', () => {
    const reordered = { ...stored, variants: stored.variants.map((v) => ({ groupPrice: v.groupPrice, variantId: v.variantId })) };
    expect(groupBuyPatchBody(groupBuyValuesOf(stored), reordered)).toEqual({});
  });

  it('sends only what changed, never the product', () => {
    const v = { ...groupBuyValuesOf(stored), nameZh: ' 四人团 ', teamSize: 4, timeLimitHours: 12, variants: [{ variantId: 'v1', groupPrice: 79.9 }] };
    expect(groupBuyPatchBody(v, stored)).toEqual({
      name: { 'zh-CN': '四人团', en: 'Team of 3' }, teamSize: 4, timeLimitMinutes: 720, variants: [{ variantId: 'v1', groupPrice: 7990 }],
    });
  });

  it('keeps the stored seat count when 模拟成团 is off and its field is hidden', () => {
    const v = { ...groupBuyValuesOf({ ...stored, simulatedFill: { enabled: true, maxSeatsLeft: 2 } }), simulatedEnabled: false, simulatedMaxSeatsLeft: undefined };
    expect(groupBuyPatchBody(v, { ...stored, simulatedFill: { enabled: true, maxSeatsLeft: 2 } })).toEqual({ simulatedFill: { enabled: false, maxSeatsLeft: 2 } });
  });
});

describe('a 422 placed on the form', () => {
  it('puts each error on its field in the UI language, counting those with no field', () => {
    const placed = fieldErrorsOf(
      [
        { path: 'variants[1].groupPrice', message: { 'zh-CN': '拼团价须低于原价 ¥99.00', en: 'must be below the normal price (¥99.00)' } },
        { path: 'variants[1].groupPrice', message: 'again' },
        { path: 'timeLimitMinutes', message: { 'zh-CN': '成团时限须为 60–4320 分钟', en: 'must be 60–4320 minutes' } },
        { path: 'somethingElse', message: 'x' },
      ],
      'zh-CN',
    );
    expect(placed).toEqual({
      fields: [
        { name: ['variants', 1, 'groupPrice'], errors: ['拼团价须低于原价 ¥99.00', 'again'] },
        { name: ['timeLimitHours'], errors: ['成团时限须为 60–4320 分钟'] },
      ],
      unplaced: 1,
      total: 4,
    });
  });
});

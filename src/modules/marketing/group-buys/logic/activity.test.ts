import { describe, expect, it } from 'vitest';
import { checkActivity, seatPrice, timeLimitMs, type GroupBuyDraft } from './activity.js';

const prices = { 'v-red': 5_000, 'v-blue': 6_000 };
const draft = (over: Partial<GroupBuyDraft> = {}): GroupBuyDraft => ({
  productId: 'p-teapot',
  variants: [
    { variantId: 'v-red', groupPrice: 3_900 },
    { variantId: 'v-blue', groupPrice: 4_900 },
  ],
  teamSize: 3,
  ...over,
});
const errorsOf = (d: GroupBuyDraft) => {
  const r = checkActivity(d, prices);
  return r.ok ? [] : r.errors;
};
const paths = (d: GroupBuyDraft) => errorsOf(d).map((e) => e.path);

describe('checkActivity', () => {
  it('fills in the defaults: a day to fill, one team per customer, no leader discount, no simulated fill', () => {
    const r = checkActivity(draft(), prices);
    expect(r).toEqual({
      ok: true,
      settings: {
        productId: 'p-teapot',
        variants: [
          { variantId: 'v-red', groupPrice: 3_900 },
          { variantId: 'v-blue', groupPrice: 4_900 },
        ],
        teamSize: 3,
        timeLimitMinutes: 1440,
        perCustomerLimit: 1,
        leaderDiscount: 0,
        simulatedFill: { enabled: false, maxSeatsLeft: 1 },
      },
    });
  });

  it('keeps the settings given', () => {
    const r = checkActivity(draft({ timeLimitMinutes: 60, perCustomerLimit: 3, leaderDiscount: 500, simulatedFill: { enabled: true, maxSeatsLeft: 2 } }), prices);
    expect(r.ok && r.settings).toMatchObject({ timeLimitMinutes: 60, perCustomerLimit: 3, leaderDiscount: 500, simulatedFill: { enabled: true, maxSeatsLeft: 2 } });
  });

  it('wants a group price above 0, whole, and below the normal price', () => {
    expect(paths(draft({ variants: [{ variantId: 'v-red', groupPrice: 5_000 }] }))).toEqual(['variants[0].groupPrice']);
    expect(paths(draft({ variants: [{ variantId: 'v-red', groupPrice: 0 }] }))).toEqual(['variants[0].groupPrice']);
    expect(paths(draft({ variants: [{ variantId: 'v-red', groupPrice: 12.5 }] }))).toEqual(['variants[0].groupPrice']);
    expect(paths(draft({ variants: [{ variantId: 'v-red', groupPrice: 4_999 }] }))).toEqual([]);
    expect(errorsOf(draft({ variants: [{ variantId: 'v-red', groupPrice: 5_000 }] }))[0].message.en).toContain('¥50.00');
  });

  it("refuses variants that are not the product's, twice the same variant, and none at all", () => {
    expect(paths(draft({ variants: [{ variantId: 'v-green', groupPrice: 100 }] }))).toEqual(['variants[0].variantId']);
    expect(
      paths(
        draft({
          variants: [
            { variantId: 'v-red', groupPrice: 100 },
            { variantId: 'v-red', groupPrice: 200 },
          ],
        }),
      ),
    ).toEqual(['variants[1].variantId']);
    expect(paths(draft({ variants: [] }))).toEqual(['variants']);
    // `toString` is on every object's prototype, but it is not a variant.
    expect(paths(draft({ variants: [{ variantId: 'toString', groupPrice: 100 }] }))).toEqual(['variants[0].variantId']);
  });

  it('takes teams of 2 to 50 and time limits of 60 to 4320 minutes', () => {
    for (const teamSize of [2, 50]) expect(paths(draft({ teamSize }))).toEqual([]);
    for (const teamSize of [1, 51, 2.5, Number.NaN]) expect(paths(draft({ teamSize }))).toContain('teamSize');
    for (const timeLimitMinutes of [60, 4320]) expect(paths(draft({ timeLimitMinutes }))).toEqual([]);
    for (const timeLimitMinutes of [59, 4321, 90.5]) expect(paths(draft({ timeLimitMinutes }))).toEqual(['timeLimitMinutes']);
  });

  it('wants a per-customer limit of at least one team and a leader discount of 0 or more', () => {
    expect(paths(draft({ perCustomerLimit: 0 }))).toEqual(['perCustomerLimit']);
    expect(paths(draft({ leaderDiscount: -1 }))).toEqual(['leaderDiscount']);
    expect(paths(draft({ leaderDiscount: 0.5 }))).toEqual(['leaderDiscount']);
    // Above the group price is allowed: the leader's price stops at 1 (seatPrice).
    expect(paths(draft({ leaderDiscount: 10_000 }))).toEqual([]);
  });

  it('never lets the house take every seat', () => {
    expect(paths(draft({ simulatedFill: { enabled: true, maxSeatsLeft: 2 } }))).toEqual([]);
    expect(paths(draft({ simulatedFill: { enabled: true, maxSeatsLeft: 3 } }))).toEqual(['simulatedFill.maxSeatsLeft']);
    expect(paths(draft({ simulatedFill: { enabled: true, maxSeatsLeft: 0 } }))).toEqual(['simulatedFill.maxSeatsLeft']);
  });

  it('reports every bad field at once, each in Chinese and English', () => {
    const errors = errorsOf({ productId: '', variants: [{ variantId: 'v-red', groupPrice: 9_999 }], teamSize: 99, timeLimitMinutes: 5, perCustomerLimit: 0 });
    expect(errors.map((e) => e.path)).toEqual(['productId', 'variants[0].groupPrice', 'teamSize', 'timeLimitMinutes', 'perCustomerLimit']);
    for (const e of errors) {
      expect(e.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message.en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(e.message.en.length).toBeGreaterThan(0);
    }
  });
});

describe('seatPrice and the time limit', () => {
  const r = checkActivity(draft({ leaderDiscount: 4_000 }), prices);
  if (!r.ok) throw new Error('fixture');
  const settings = r.settings;

  it('gives members the group price and the leader that minus the discount, never below 1', () => {
    expect(seatPrice(settings, 'v-red', 'member')).toBe(3_900);
    expect(seatPrice(settings, 'v-red', 'leader')).toBe(1);
    expect(seatPrice(settings, 'v-blue', 'leader')).toBe(900);
    expect(seatPrice(settings, 'v-green', 'member')).toBeNull();
  });

  it('turns minutes into milliseconds', () => {
    expect(timeLimitMs(settings)).toBe(86_400_000);
  });
});

import type { Minor } from '../../../../platform/money.js';

/**
 * A group-buy activity (拼团活动) as data, and the check an operator's draft must pass before it
 * is stored. The check returns every field error at once (path + zh-CN/en message) instead of
 * throwing at the first, so the console can mark all the bad fields of a form in one round trip.
 */

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface FieldError {
  /** Where in the draft, e.g. `variants[1].groupPrice`. */
  path: string;
  message: LocalizedText;
}

export interface GroupBuyVariantPrice {
  variantId: string;
  /** What a member pays, in minor units: above 0 and below the variant's normal price. */
  groupPrice: Minor;
}

/** 模拟成团: at the deadline the house takes the seats left, if there are at most `maxSeatsLeft`. */
export interface SimulatedFill {
  enabled: boolean;
  maxSeatsLeft: number;
}

export interface GroupBuySettings {
  productId: string;
  variants: GroupBuyVariantPrice[];
  teamSize: number;
  timeLimitMinutes: number;
  /** How many teams of this activity one customer may take part in (opened or joined). */
  perCustomerLimit: number;
  /** 团长优惠: the leader pays the group price minus this (never below 1); 0 = none. */
  leaderDiscount: Minor;
  simulatedFill: SimulatedFill;
}

export interface GroupBuyActivity extends GroupBuySettings {
  id: string;
}

/** What arrives from the console: everything but the product and the prices may be left out. */
export interface GroupBuyDraft {
  productId: string;
  variants: readonly GroupBuyVariantPrice[];
  teamSize: number;
  timeLimitMinutes?: number;
  perCustomerLimit?: number;
  leaderDiscount?: Minor;
  simulatedFill?: Partial<SimulatedFill>;
}

export const TEAM_SIZE = { min: 2, max: 50 } as const;
/** One hour to three days; a day is what shoppers know from the big platforms. */
export const TIME_LIMIT_MINUTES = { min: 60, max: 4320, default: 1440 } as const;
export const PER_CUSTOMER_LIMIT = { min: 1, max: 99, default: 1 } as const;
export const SIMULATED_FILL_DEFAULT: SimulatedFill = { enabled: false, maxSeatsLeft: 1 };

export type CheckedActivity = { ok: true; settings: GroupBuySettings } | { ok: false; errors: FieldError[] };

/**
 * Checks a draft against the product's variants and their normal prices (from the catalog, passed
 * in by the service: `normalPrices[variantId]`). A variant not in that record is not this product's.
 * On success the defaults are filled in, so what is stored is always complete.
 */
export function checkActivity(draft: GroupBuyDraft, normalPrices: Readonly<Record<string, Minor>>): CheckedActivity {
  const errors: FieldError[] = [];
  const err = (path: string, zh: string, en: string) => errors.push({ path, message: { 'zh-CN': zh, en } });

  if (typeof draft.productId !== 'string' || draft.productId.length === 0) err('productId', '请选择商品', 'choose a product');

  if (!Array.isArray(draft.variants) || draft.variants.length === 0) {
    err('variants', '至少选择一个规格', 'choose at least one variant');
  } else {
    const seen = new Set<string>();
    draft.variants.forEach((v, i) => {
      const at = `variants[${i}]`;
      const normal = Object.hasOwn(normalPrices, v?.variantId) ? normalPrices[v.variantId] : undefined;
      if (normal === undefined) {
        err(`${at}.variantId`, '不是该商品的规格', 'is not a variant of this product');
        return;
      }
      if (seen.has(v.variantId)) err(`${at}.variantId`, '规格重复', 'appears twice');
      seen.add(v.variantId);
      if (!Number.isSafeInteger(v.groupPrice) || v.groupPrice <= 0) {
        err(`${at}.groupPrice`, '拼团价须为大于 0 的整数（分）', 'must be a whole number of minor units above 0');
      } else if (v.groupPrice >= normal) {
        err(`${at}.groupPrice`, `拼团价须低于原价 ¥${yuan(normal)}`, `must be below the normal price (¥${yuan(normal)})`);
      }
    });
  }

  const teamSize = draft.teamSize;
  const sizeOk = inRange(teamSize, TEAM_SIZE.min, TEAM_SIZE.max);
  if (!sizeOk) err('teamSize', `成团人数须为 ${TEAM_SIZE.min}–${TEAM_SIZE.max} 的整数`, `must be a whole number from ${TEAM_SIZE.min} to ${TEAM_SIZE.max}`);

  const timeLimitMinutes = draft.timeLimitMinutes ?? TIME_LIMIT_MINUTES.default;
  if (!inRange(timeLimitMinutes, TIME_LIMIT_MINUTES.min, TIME_LIMIT_MINUTES.max)) {
    err('timeLimitMinutes', `成团时限须为 ${TIME_LIMIT_MINUTES.min}–${TIME_LIMIT_MINUTES.max} 分钟`, `must be ${TIME_LIMIT_MINUTES.min}–${TIME_LIMIT_MINUTES.max} minutes`);
  }

  const perCustomerLimit = draft.perCustomerLimit ?? PER_CUSTOMER_LIMIT.default;
  if (!inRange(perCustomerLimit, PER_CUSTOMER_LIMIT.min, PER_CUSTOMER_LIMIT.max)) {
    err('perCustomerLimit', `每人限参团次数须为 ${PER_CUSTOMER_LIMIT.min}–${PER_CUSTOMER_LIMIT.max}`, `must be ${PER_CUSTOMER_LIMIT.min}–${PER_CUSTOMER_LIMIT.max} teams`);
  }

  // A discount at or above a group price is allowed: the leader's price is clamped to 1 (see
  // seatPrice), so one activity can give the leader the cheapest variant all but free.
  const leaderDiscount = draft.leaderDiscount ?? 0;
  if (!Number.isSafeInteger(leaderDiscount) || leaderDiscount < 0) err('leaderDiscount', '团长优惠须为不小于 0 的整数（分）', 'must be a whole number of minor units, 0 or more');

  const simulatedFill: SimulatedFill = { ...SIMULATED_FILL_DEFAULT, ...draft.simulatedFill };
  if (typeof simulatedFill.enabled !== 'boolean') err('simulatedFill.enabled', '须为是或否', 'must be true or false');
  // The house may never take every seat: at least the leader must have paid for a team to exist.
  const maxHouse = sizeOk ? teamSize - 1 : TEAM_SIZE.max - 1;
  if (!inRange(simulatedFill.maxSeatsLeft, 1, maxHouse)) {
    err('simulatedFill.maxSeatsLeft', `模拟成团的剩余名额上限须为 1–${maxHouse}`, `must be from 1 to ${maxHouse} seats (fewer than the team size)`);
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      productId: draft.productId,
      variants: draft.variants.map((v) => ({ variantId: v.variantId, groupPrice: v.groupPrice })),
      teamSize,
      timeLimitMinutes,
      perCustomerLimit,
      leaderDiscount,
      simulatedFill: { enabled: simulatedFill.enabled, maxSeatsLeft: simulatedFill.maxSeatsLeft },
    },
  };
}

/** The price of one unit of a variant for a seat; null when the variant is not in the activity. */
export function seatPrice(activity: GroupBuySettings, variantId: string, role: 'leader' | 'member'): Minor | null {
  const v = activity.variants.find((x) => x.variantId === variantId);
  if (!v) return null;
  return role === 'leader' ? Math.max(1, v.groupPrice - activity.leaderDiscount) : v.groupPrice;
}

export function timeLimitMs(activity: Pick<GroupBuySettings, 'timeLimitMinutes'>): number {
  return activity.timeLimitMinutes * 60_000;
}

function inRange(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
}

/** Minor units as yuan for a message an operator reads (29900 → "299.00"). */
function yuan(minor: number): string {
  return (minor / 100).toFixed(2);
}

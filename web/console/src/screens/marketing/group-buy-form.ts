import { fen, yuan } from './money-fields';

/** The group-buy form ↔ the admin API (adminCreateGroupBuy, adminUpdateGroupBuy): pure, so it is tested without a browser. */

export type Localized = { 'zh-CN': string; en: string };
export type GroupBuyStatus = 'active' | 'paused' | 'ended';

/** An activity as the admin API answers it (groupBuyView). */
export interface GroupBuy {
  id: string; name: Localized; productId: string; variants: Array<{ variantId: string; groupPrice: number }>;
  teamSize: number; timeLimitMinutes: number; perCustomerLimit: number; leaderDiscount: number;
  simulatedFill: { enabled: boolean; maxSeatsLeft: number }; status: GroupBuyStatus; createdAt: string; updatedAt: string;
}

export interface VariantValues { variantId?: string; groupPrice?: number | null }
export interface GroupBuyValues {
  nameZh: string; nameEn: string; product: string[]; variants: VariantValues[];
  teamSize: number; timeLimitHours: number; perCustomerLimit: number; leaderDiscount?: number | null;
  simulatedEnabled: boolean; simulatedMaxSeatsLeft?: number | null;
}

/** A new activity's form: a team of three, 24 hours, one team per shopper, no leader discount, no 模拟成团. */
export const NEW_GROUP_BUY: Partial<GroupBuyValues> = {
  variants: [{}], teamSize: 3, timeLimitHours: 24, perCustomerLimit: 1, leaderDiscount: 0, simulatedEnabled: false, simulatedMaxSeatsLeft: 1,
};

/** The API body for the form: prices in fen, the time limit in minutes. */
export function groupBuyBody(v: GroupBuyValues) {
  return {
    name: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() },
    productId: v.product[0],
    variants: v.variants.map((x) => ({ variantId: x.variantId!, groupPrice: fen(x.groupPrice)! })),
    teamSize: v.teamSize,
    timeLimitMinutes: Math.round(v.timeLimitHours * 60),
    perCustomerLimit: v.perCustomerLimit,
    leaderDiscount: fen(v.leaderDiscount) ?? 0,
    simulatedFill: { enabled: v.simulatedEnabled, maxSeatsLeft: v.simulatedMaxSeatsLeft ?? 1 },
  };
}

/** The form's values for a stored activity (editing): prices in yuan, the time limit in hours. */
export function groupBuyValuesOf(a: GroupBuy): GroupBuyValues {
  return {
    nameZh: a.name['zh-CN'],
    nameEn: a.name.en,
    product: [a.productId],
    variants: a.variants.map((v) => ({ variantId: v.variantId, groupPrice: yuan(v.groupPrice) })),
    teamSize: a.teamSize,
    timeLimitHours: a.timeLimitMinutes / 60,
    perCustomerLimit: a.perCustomerLimit,
    leaderDiscount: yuan(a.leaderDiscount),
    simulatedEnabled: a.simulatedFill.enabled,
    simulatedMaxSeatsLeft: a.simulatedFill.maxSeatsLeft,
  };
}

export type GroupBuyPatch = Partial<Omit<ReturnType<typeof groupBuyBody>, 'productId'>>;

/**
 * The PATCH body for an edit: only the settings that differ from the stored activity (the product
 * cannot change, and is never sent). Sending less keeps another operator's edit of another setting
 * made meanwhile; the server checks the whole again either way. With 模拟成团 off its hidden seat
 * count is the stored one, not a default, so switching it off changes nothing else.
 */
export function groupBuyPatchBody(v: GroupBuyValues, before: GroupBuy): GroupBuyPatch {
  const { productId: _, ...next } = groupBuyBody({ ...v, simulatedMaxSeatsLeft: v.simulatedMaxSeatsLeft ?? before.simulatedFill.maxSeatsLeft });
  const stored = {
    name: before.name, variants: before.variants, teamSize: before.teamSize, timeLimitMinutes: before.timeLimitMinutes,
    perCustomerLimit: before.perCustomerLimit, leaderDiscount: before.leaderDiscount, simulatedFill: before.simulatedFill,
  };
  return Object.fromEntries(Object.entries(next).filter(([k, x]) => canonical(x) !== canonical(stored[k as keyof typeof stored]))) as GroupBuyPatch;
}

/** JSON with object keys sorted: the server's jsonb may answer a variant's keys in another order. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

/** A 422's field path (`variants[0].groupPrice`, `simulatedFill.maxSeatsLeft`) as the form's field name; null when the form has no such field. */
export function formFieldOf(path: string): Array<string | number> | null {
  const m = /^variants\[(\d+)\]\.(variantId|groupPrice)$/.exec(path);
  if (m) return ['variants', Number(m[1]), m[2]];
  const map: Record<string, string> = {
    productId: 'product', variants: 'product', teamSize: 'teamSize', timeLimitMinutes: 'timeLimitHours', perCustomerLimit: 'perCustomerLimit',
    leaderDiscount: 'leaderDiscount', 'simulatedFill.enabled': 'simulatedEnabled', 'simulatedFill.maxSeatsLeft': 'simulatedMaxSeatsLeft',
    'name.zh-CN': 'nameZh', 'name.en': 'nameEn',
  };
  return map[path] ? [map[path]] : null;
}

export interface FieldErrors {
  /** For form.setFields: each field's messages, in the UI language. */
  fields: Array<{ name: Array<string | number>; errors: string[] }>;
  /** How many of the server's errors name no field of the form (shown above it instead). */
  unplaced: number;
  total: number;
}

/** A 422's `errors` (path + a message, localized or not) placed on the form's fields. */
export function fieldErrorsOf(errors: ReadonlyArray<{ path: string; message: string | Localized }>, lang: 'zh-CN' | 'en'): FieldErrors {
  const byName = new Map<string, { name: Array<string | number>; errors: string[] }>();
  let unplaced = 0;
  for (const e of errors) {
    const name = formFieldOf(e.path);
    if (!name) {
      unplaced++;
      continue;
    }
    const text = typeof e.message === 'string' ? e.message : e.message[lang];
    const k = name.join('.');
    byName.set(k, { name, errors: [...(byName.get(k)?.errors ?? []), text] });
  }
  return { fields: [...byName.values()], unplaced, total: errors.length };
}

import { PricingInputError } from '../errors.js';
import type { PointsOffer, PricingContext, PricingRule } from './types.js';

/**
 * Checks the rules, the context and the points offer before any arithmetic, like
 * validatePricingInput does for the cart: rules come from stored JSON and must never make the
 * engine compute a negative or fractional amount. Marketing's schemas refuse the same things at
 * the door; this is the engine's own guarantee.
 */
export function validateRules(rules: readonly PricingRule[], ctx: PricingContext, points?: PointsOffer | null): void {
  if (typeof ctx !== 'object' || ctx === null || Number.isNaN(Date.parse(ctx.now))) fail('INVALID_CONTEXT', 'context.now', 'must be an ISO 8601 instant');
  if (ctx.points !== undefined && !count(ctx.points)) fail('INVALID_CONTEXT', 'context.points', 'must be an integer ≥ 0');
  if (points) {
    if (!count(points.balance)) fail('INVALID_CONTEXT', 'points.balance', 'must be an integer ≥ 0');
    if (!count(points.pointsPerUnit) || points.pointsPerUnit < 1) fail('INVALID_CONTEXT', 'points.pointsPerUnit', 'must be an integer ≥ 1');
    if (!count(points.unitValue)) fail('INVALID_CONTEXT', 'points.unitValue', 'must be an integer ≥ 0');
    if (!count(points.maxShareBps) || points.maxShareBps > 10_000) fail('INVALID_CONTEXT', 'points.maxShareBps', 'must be 0–10000');
  }
  const ids = new Set<string>();
  rules.forEach((rule, i) => {
    if (typeof rule === 'object' && rule !== null && valid.has(rule)) {
      if (ids.has(rule.id)) fail('DUPLICATE_RULE', `rules[${i}].id`, `rule ${rule.id} appears twice`);
      ids.add(rule.id);
      return;
    }
    const at = `rules[${i}]`;
    if (typeof rule !== 'object' || rule === null || typeof rule.id !== 'string' || rule.id.length === 0) fail('INVALID_RULE', `${at}.id`, 'must be a non-empty string');
    if (ids.has(rule.id)) fail('DUPLICATE_RULE', `${at}.id`, `rule ${rule.id} appears twice`);
    ids.add(rule.id);
    if (rule.source !== 'promotion' && rule.source !== 'coupon') fail('INVALID_RULE', `${at}.source`, 'must be promotion or coupon');
    if (typeof rule.name?.['zh-CN'] !== 'string' || typeof rule.name.en !== 'string') fail('INVALID_RULE', `${at}.name`, 'needs zh-CN and en strings');
    const c = rule.conditions;
    if (c?.startsAt !== undefined && Number.isNaN(Date.parse(c.startsAt))) fail('INVALID_RULE', `${at}.conditions.startsAt`, 'must be an ISO 8601 instant');
    if (c?.endsAt !== undefined && Number.isNaN(Date.parse(c.endsAt))) fail('INVALID_RULE', `${at}.conditions.endsAt`, 'must be an ISO 8601 instant');
    if (c?.minQuantity !== undefined && !count(c.minQuantity)) fail('INVALID_RULE', `${at}.conditions.minQuantity`, 'must be an integer ≥ 0');
    validateAction(rule, at);
    valid.add(rule);
  });
}

/** Rules already checked (kept between quotes by the caller; not to be mutated, see eligibility.ts). */
const valid = new WeakSet<PricingRule>();

function validateAction(rule: PricingRule, at: string): void {
  const a = rule.action;
  const bad = (field: string, why: string): never => fail('INVALID_RULE', `${at}.action.${field}`, why);
  const money = (field: string, v: unknown) => {
    if (v !== undefined && !count(v)) bad(field, 'must be an integer number of minor units ≥ 0');
  };
  const percent = (field: string, v: unknown) => {
    if (v !== undefined && !(count(v) && v >= 1 && v <= 100)) bad(field, 'must be an integer percent 1–100');
  };
  const couponKinds = ['amountOff', 'percentOff', 'freeShipping'];
  if (typeof a !== 'object' || a === null) bad('kind', 'must be an object');
  if (rule.source === 'coupon' && !couponKinds.includes(a.kind)) bad('kind', 'a coupon takes an amount, a percent or free shipping');
  switch (a.kind) {
    case 'amountOff':
      money('amount', a.amount);
      if (a.amount === undefined) bad('amount', 'is required');
      money('threshold', a.threshold);
      money('cap', a.cap);
      if (a.every && !a.threshold) bad('every', 'needs a threshold');
      return;
    case 'percentOff':
      percent('percentOff', a.percentOff);
      if (a.percentOff === undefined) bad('percentOff', 'is required');
      money('threshold', a.threshold);
      money('cap', a.cap);
      if (a.minQuantity !== undefined && !count(a.minQuantity)) bad('minQuantity', 'must be an integer ≥ 0');
      return;
    case 'unitDiscount':
      money('amountOff', a.amountOff);
      percent('percentOff', a.percentOff);
      if ((a.amountOff === undefined) === (a.percentOff === undefined)) bad('amountOff', 'give either amountOff or percentOff');
      return;
    case 'memberPrice':
      if (!Array.isArray(a.tiers) || a.tiers.length === 0) bad('tiers', 'must list at least one tier');
      a.tiers.forEach((t, i) => {
        if (typeof t?.tier !== 'string' || t.tier.length === 0) bad(`tiers[${i}].tier`, 'must be a tier code');
        percent(`tiers[${i}].percentOff`, t.percentOff);
        (t.prices ?? []).forEach((p, j) => money(`tiers[${i}].prices[${j}].price`, p?.price));
      });
      return;
    case 'freeShipping':
      money('threshold', a.threshold);
      return;
    case 'buyXGetY':
      if (!count(a.buy) || a.buy < 1) bad('buy', 'must be an integer ≥ 1');
      if (!count(a.get) || (a.get < 1 && !a.gift)) bad('get', 'must be an integer ≥ 1');
      if (a.gift) {
        if (typeof a.gift.variantId !== 'string' || typeof a.gift.productId !== 'string') bad('gift', 'needs variantId and productId');
        money('gift.unitPrice', a.gift.unitPrice);
        if (!count(a.gift.weightGrams)) bad('gift.weightGrams', 'must be an integer ≥ 0');
        if (!count(a.gift.quantity) || a.gift.quantity < 1) bad('gift.quantity', 'must be an integer ≥ 1');
      }
      return;
    default:
      bad('kind', `unknown kind ${String((a as { kind?: unknown }).kind)}`);
  }
}

function count(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function fail(code: 'INVALID_RULE' | 'DUPLICATE_RULE' | 'INVALID_CONTEXT', path: string, message: string): never {
  throw new PricingInputError(code, path, message);
}

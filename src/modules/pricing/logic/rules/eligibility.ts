import type { PricingLine } from '../types.js';
import type { PricingContext, PricingRule } from './types.js';

/**
 * Conditions (who, when, through which channel) and scope (which lines). Pure: time is the
 * context's `now`, never the clock.
 *
 * Rules are data the caller keeps between quotes (marketing's in-process copy), so their lists are
 * turned into sets once per rule object (a WeakMap: a changed rule is a new object). Rules must
 * not be mutated after they were first quoted with.
 */
interface Compiled {
  tiers?: ReadonlySet<string>;
  tags?: readonly string[];
  channels?: ReadonlySet<string>;
  startsAt?: number;
  endsAt?: number;
  productIds?: ReadonlySet<string>;
  categoryIds?: ReadonlySet<string>;
  brandIds?: ReadonlySet<string>;
  excludeProductIds?: ReadonlySet<string>;
  targeted: boolean;
}

const compiled = new WeakMap<PricingRule, Compiled>();
const set = (xs: readonly string[] | undefined) => (xs?.length ? new Set(xs) : undefined);

function compile(rule: PricingRule): Compiled {
  let c = compiled.get(rule);
  if (c) return c;
  const k = rule.conditions;
  const s = rule.scope;
  c = {
    tiers: set(k?.tiers),
    tags: k?.tags?.length ? k.tags : undefined,
    channels: set(k?.channels),
    startsAt: k?.startsAt !== undefined ? Date.parse(k.startsAt) : undefined,
    endsAt: k?.endsAt !== undefined ? Date.parse(k.endsAt) : undefined,
    productIds: set(s?.productIds),
    categoryIds: set(s?.categoryIds),
    brandIds: set(s?.brandIds),
    excludeProductIds: set(s?.excludeProductIds),
    targeted: Boolean(s?.productIds?.length || s?.categoryIds?.length || s?.brandIds?.length),
  };
  compiled.set(rule, c);
  return c;
}

export function conditionsHold(rule: PricingRule, ctx: PricingContext, now = Date.parse(ctx.now)): boolean {
  const c = compile(rule);
  if (c.tiers && !(ctx.tier && c.tiers.has(ctx.tier))) return false;
  if (c.tags && !c.tags.some((tag) => ctx.tags?.includes(tag))) return false;
  if (rule.conditions?.newCustomersOnly && ctx.newCustomer !== true) return false;
  if (c.channels && !(ctx.channel && c.channels.has(ctx.channel))) return false;
  if (c.startsAt !== undefined && !(now >= c.startsAt)) return false;
  if (c.endsAt !== undefined && !(now < c.endsAt)) return false;
  return true;
}

/**
 * A cart's lines by product, category and brand, built once per quote: most rules target one
 * category or brand (or everything), and their lines are then a list already made, not a scan of
 * every line per rule. Gift lines are in no list (no rule looks at them).
 */
export interface LineIndex {
  lines: readonly PricingLine[];
  /** Every line a promotion may look at. */
  all: readonly number[];
  /** Every line a coupon may look at (not excluded from coupons). */
  couponable: readonly number[];
  byProduct: ReadonlyMap<string, readonly number[]>;
  byCategory: ReadonlyMap<string, readonly number[]>;
  byBrand: ReadonlyMap<string, readonly number[]>;
}

export function indexLines(lines: readonly PricingLine[]): LineIndex {
  const all: number[] = [];
  const couponable: number[] = [];
  const byProduct = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  const byBrand = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.gift) continue;
    all.push(i);
    if (!line.noCoupons) couponable.push(i);
    put(byProduct, line.productId, i);
    put(byCategory, line.categoryId, i);
    put(byBrand, line.brandId, i);
  }
  return { lines, all, couponable, byProduct, byCategory, byBrand };
}

// Module-level helpers, not closures: the server runs under tsx, whose keepNames wraps every named
// closure as it is created (a measurable cost in code run for every rule of every quote).
function put(m: Map<string, number[]>, key: string | undefined, i: number): void {
  if (key === undefined) return;
  const at = m.get(key);
  if (at) at.push(i);
  else m.set(key, [i]);
}

/** Marks the lines of each key found; returns how many keys had lines, and the last such list. */
function mark(marked: Uint8Array, m: ReadonlyMap<string, readonly number[]>, keys: readonly string[] | undefined, found: { count: number; only?: readonly number[] }): void {
  if (!keys) return;
  for (const key of keys) {
    const at = m.get(key);
    if (!at) continue;
    found.count++;
    found.only = at;
    for (const i of at) marked[i] = 1;
  }
}

const NONE: readonly number[] = [];

/**
 * Indices of the lines a rule looks at, in line order: gift lines never; lines excluded from
 * coupons not by a coupon. The answer may be one of the index's own lists: read it, never change it.
 */
export function linesInScope(rule: PricingRule, lines: readonly PricingLine[], index: LineIndex = indexLines(lines)): readonly number[] {
  const c = compile(rule);
  const coupon = rule.source === 'coupon';
  if (!c.targeted && !c.excludeProductIds) return coupon ? index.couponable : index.all;
  const s = rule.scope;
  const named = (s?.productIds?.length ?? 0) + (s?.categoryIds?.length ?? 0) + (s?.brandIds?.length ?? 0);
  if (c.targeted && named <= lines.length) {
    // Few names: gather their lines from the index rather than testing every line.
    const found: { count: number; only?: readonly number[] } = { count: 0 };
    const marked = new Uint8Array(lines.length);
    mark(marked, index.byProduct, s?.productIds, found);
    mark(marked, index.byCategory, s?.categoryIds, found);
    mark(marked, index.byBrand, s?.brandIds, found);
    if (found.count === 0) return NONE;
    const allCouponable = index.couponable.length === index.all.length;
    if (found.count === 1 && !c.excludeProductIds && (!coupon || allCouponable)) return found.only!;
    const out: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (marked[i] === 0) continue;
      const line = lines[i];
      if ((coupon && line.noCoupons) || c.excludeProductIds?.has(line.productId)) continue;
      out.push(i);
    }
    return out;
  }
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.gift || (coupon && line.noCoupons)) continue;
    if (matches(c, line)) out.push(i);
  }
  return out;
}

function matches(c: Compiled, line: PricingLine): boolean {
  if (c.excludeProductIds?.has(line.productId)) return false;
  if (!c.targeted) return true;
  return Boolean(
    c.productIds?.has(line.productId) ||
      (line.categoryId !== undefined && c.categoryIds?.has(line.categoryId)) ||
      (line.brandId !== undefined && c.brandIds?.has(line.brandId)),
  );
}

/** Whether a rule's scope takes in a product (what a badge or a coupon block on its page asks). */
export function scopeCovers(rule: Pick<PricingRule, 'scope'>, product: { productId: string; categoryId?: string; brandId?: string }): boolean {
  return matches(compile(rule as PricingRule), { ...product, variantId: '', quantity: 1, unitPrice: 0 } as PricingLine);
}

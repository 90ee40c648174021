import type { Minor } from '../../../../platform/money.js';
import { allocateWithinRemaining } from '../allocation.js';
import { PricingInputError } from '../errors.js';
import { priceValidCart } from '../pricing.js';
import { shippingFee } from '../shipping.js';
import type { Adjustment, AdjustmentKind, PriceQuote, PricingInput, PricingLine } from '../types.js';
import { validatePricingInput } from '../validate.js';
import { ask, unitOff, UNIT_PRICE_ACTIONS, type Outcome } from './actions.js';
import { conditionsHold, indexLines, linesInScope } from './eligibility.js';
import { appliedText, conflictText, hintText, notEligibleText, pointsText, type NotEligibleReason } from './explain.js';
import type { AppliedRule, Explanation, Hint, PointsOffer, PricingContext, PricingRule, RuledQuote } from './types.js';
import { validateRules } from './validate-rules.js';

export const POINTS_ADJUSTMENT_ID = 'points:redeem';

/**
 * Prices a cart under promotion rules: which rules apply (conditions, scope, stacking), how much
 * each takes, and why — then `priceCart` applies the result in its fixed slots. Pure and
 * deterministic: the order of the lines or of the rules given changes nothing (lines are worked
 * on by lineId, rules by priority then id).
 *
 * Stacking, as operators set it per rule:
 * - unit prices (会员价, 直降) first, line by line: each line takes the cheapest unit price offered;
 * - order promotions (满减, 满折, 买赠, 包邮) measure thresholds on the goods after unit prices;
 *   rules of one stacking group never combine (the best of them applies), groups combine;
 * - an exclusive promotion applies alone; coupons come after promotions and measure their
 *   thresholds on what promotions left; a promotion may refuse coupons and a coupon promotions;
 * - where rules exclude each other, every allowed combination is priced and the shopper gets the
 *   cheapest (ties go to promotions first, then to the higher priority), and is told what was left out;
 * - points pay last, within their share of the goods, unless an applied rule refuses them.
 */
export function quoteWithRules(input: PricingInput, rules: readonly PricingRule[], ctx: PricingContext, points?: PointsOffer | null): RuledQuote {
  validatePricingInput(input);
  validateRules(rules, ctx, points);
  const lines = inOrder([...input.lines], byLineId);
  const explanations: Explanation[] = [];
  const at = Date.parse(ctx.now);
  const index = indexLines(lines);
  const targets = new Map<string, readonly number[]>();
  const unitRules: PricingRule[] = [];
  const promotions: PricingRule[] = [];
  const coupons: PricingRule[] = [];
  const unusable: PricingRule[] = [];
  for (const rule of rules) {
    if (conditionsHold(rule, ctx, at)) {
      targets.set(rule.id, linesInScope(rule, lines, index));
      (UNIT_PRICE_ACTIONS.has(rule.action.kind) ? unitRules : rule.source === 'coupon' ? coupons : promotions).push(rule);
    } else if (rule.source === 'coupon') unusable.push(rule);
  }
  // Each pool is worked in precedence order (ties and stacking depend on it). Callers that keep
  // their rules in that order (marketing's in-process copy does) pay only for the check.
  inOrder(unitRules, rulePrecedence);
  inOrder(promotions, rulePrecedence);
  inOrder(coupons, rulePrecedence);
  for (const rule of inOrder(unusable, rulePrecedence)) explanations.push({ kind: 'notEligible', ruleId: rule.id, text: notEligibleText(rule, { kind: 'conditions' }) });
  const unit = unitPrices(lines, unitRules, targets, ctx);
  const weight = lines.reduce((t, l) => t + l.weightGrams * l.quantity, 0);
  const feeEstimate = shippingFee(input.shipping, { goodsTotal: sum(unit.remaining), totalWeightGrams: weight, provinceCode: input.destination?.provinceCode });
  const world: World = { lines, unit, targets, feeEstimate, input, atBase: new Map() };
  // Promotions measure thresholds on the goods after unit prices, whatever else applies: what each
  // would do there is worked out once and shared by every combination.
  for (const rule of promotions) world.atBase.set(rule, outcomeAt(world, rule, unit.remaining, unit.remaining));

  const stackable = promotions.filter((r) => !r.stacking?.exclusive);
  const first = run(world, stackable, coupons, 'promotionsFirst', []);
  const scenarios = [first];
  // The other combinations are priced only when they could be better: coupons were refused, or an
  // exclusive promotion (with the coupons it allows) could save more than the stack did.
  if (first.couponsRefused > 0) scenarios.push(run(world, stackable, coupons, 'couponsFirst', []));
  const baseTotal = sum(unit.remaining);
  let bestSaving = baseTotal + feeEstimate - Math.min(...scenarios.map((x) => x.total));
  for (const only of promotions) {
    if (!only.stacking?.exclusive) continue;
    let couponsToo = 0;
    if (only.stacking.withCoupons !== false) for (const c of coupons) couponsToo += goodsWorth(outcomeAt(world, c, unit.remaining, unit.remaining));
    if (goodsWorth(world.atBase.get(only)!) + couponsToo + feeEstimate <= bestSaving) continue;
    const s = run(world, [only], coupons, 'promotionsFirst', stackable);
    scenarios.push(s);
    bestSaving = Math.max(bestSaving, baseTotal + feeEstimate - s.total);
  }
  let best = scenarios[0];
  for (const s of scenarios) if (s.total < best.total) best = s;

  // Points pay last, on the goods the chosen combination left.
  const extra: Adjustment[] = [];
  let used: RuledQuote['points'] = null;
  if (points && (ctx.points ?? 0) > 0) {
    const blocker = best.applied.find((r) => r.stacking?.withPoints === false);
    if (blocker) explanations.push({ kind: 'pointsLimited', ruleId: blocker.id, text: pointsText(0, 0, 'notAllowed', 0, blocker) });
    else {
      const redeem = redeemPoints(points, ctx.points ?? 0, best.goodsTotal);
      if (redeem.value > 0) {
        used = { used: redeem.used, value: redeem.value };
        extra.push({ id: POINTS_ADJUSTMENT_ID, kind: 'points', amount: redeem.value, label: pointsText(redeem.used, redeem.value, 'applied') });
      }
      if (redeem.limit) explanations.push({ kind: 'pointsLimited', text: pointsText(redeem.used, redeem.value, redeem.limit, points.maxShareBps) });
    }
  }

  const quote = finalQuote(input, best, extra.length || input.adjustments?.length ? [...extra, ...(input.adjustments ?? [])] : extra);
  const byId = new Map<string, PricingRule>();
  for (const r of unitRules) byId.set(r.id, r);
  for (const r of best.applied) byId.set(r.id, r);
  const applied: AppliedRule[] = [];
  const saved: Explanation[] = [];
  for (const a of quote.adjustments) {
    const rule = byId.get(a.id);
    if (!rule || a.amount === 0) continue;
    applied.push({ ruleId: rule.id, source: rule.source, amount: a.amount });
    saved.push({ kind: 'applied', ruleId: rule.id, text: appliedText(rule, a.amount, a.shipping) });
  }
  const gifts = best.lines.filter((l) => l.gift).map((l) => ({ lineId: l.lineId, ruleId: l.lineId.slice('gift:'.length), variantId: l.variantId, productId: l.productId, quantity: l.quantity }));
  // What saved money first, in pipeline order; then what was left out and why.
  const hints = best.hints.map((h): Hint => ({ ruleId: h.rule.id, missing: h.missing, reward: h.reward, text: hintText(h.rule, h.missing, h.reward) }));
  return { quote, applied, points: used, explanations: [...saved, ...explanations, ...best.notes.map(explain)], hints, gifts };
}

interface World {
  lines: PricingLine[];
  unit: { adjustments: Adjustment[]; remaining: Minor[] };
  targets: Map<string, readonly number[]>;
  feeEstimate: Minor;
  input: PricingInput;
  /** Each promotion's outcome on the goods after unit prices (its threshold base). */
  atBase: Map<PricingRule, Outcome>;
}

/**
 * What a combination left out and what it nudges toward, as data: only the chosen combination's
 * are put into words (most combinations priced are not the one the shopper gets).
 */
type Note = { kind: 'conflict'; left: PricingRule; kept: PricingRule } | { kind: 'notEligible'; rule: PricingRule; why: NotEligibleReason };
interface Nudge {
  rule: PricingRule;
  missing: Minor;
  reward: Minor;
}

interface Scenario {
  lines: PricingLine[];
  adjustments: Adjustment[];
  applied: PricingRule[];
  goodsTotal: Minor;
  total: Minor;
  notes: Note[];
  hints: Nudge[];
  /** Chosen coupons that did not apply because of a promotion (another combination may do better). */
  couponsRefused: number;
}

/** The state of one combination as it is worked through the slots. */
interface Pass {
  lines: PricingLine[];
  remaining: Minor[];
  adjustments: Adjustment[];
  applied: PricingRule[];
  notes: Note[];
  hints: Nudge[];
  shippingRules: number;
}

/** The best unit price of each line (会员价 against 直降): one adjustment per rule, with the lines it won. */
function unitPrices(lines: PricingLine[], rules: PricingRule[], targets: Map<string, readonly number[]>, ctx: PricingContext): World['unit'] {
  const remaining = lines.map((l) => l.unitPrice * l.quantity);
  if (rules.length === 0) return { adjustments: [], remaining };
  const won = new Map<string, Array<{ lineId: string; amount: Minor }>>();
  const reached = rules.filter((rule) => unitsAt(lines, targets.get(rule.id)!) >= (rule.conditions?.minQuantity ?? 0));
  lines.forEach((line, i) => {
    let best: { rule: PricingRule; off: Minor } | null = null;
    for (const rule of reached) {
      if (!targets.get(rule.id)!.includes(i)) continue;
      const off = unitOff(rule, line, ctx);
      if (off > 0 && (!best || off > best.off)) best = { rule, off };
    }
    if (!best) return;
    const amount = best.off * line.quantity;
    remaining[i] -= amount;
    won.set(best.rule.id, [...(won.get(best.rule.id) ?? []), { lineId: line.lineId, amount }]);
  });
  const adjustments = rules
    .filter((r) => won.has(r.id))
    .map((rule): Adjustment => {
      const lineAmounts = won.get(rule.id)!;
      return { id: rule.id, kind: kindOf(rule), label: rule.name, amount: sum(lineAmounts.map((l) => l.amount)), lineAmounts };
    });
  return { adjustments, remaining };
}

/** What a rule would do with thresholds measured on `thresholdsOn` and `remaining` left to take from. */
function outcomeAt(w: World, rule: PricingRule, thresholdsOn: readonly Minor[], remaining: readonly Minor[], lines: readonly PricingLine[] = w.lines): Outcome {
  const t = w.targets.get(rule.id)!;
  return ask(rule, lines, remaining, { targets: t, base: sumAt(thresholdsOn, t), room: sumAt(remaining, t), units: unitsAt(lines, t) });
}

/** How much an outcome saves for comparing rules of one group (a shipping rule: the fee it would waive). */
function worth(w: World, o: Outcome): number {
  return !o.ok ? -1 : o.ask.shipping ? w.feeEstimate : o.ask.amount;
}

function goodsWorth(o: Outcome): number {
  return o.ok && !o.ask.shipping ? o.ask.amount : 0;
}

function conflict(left: PricingRule, kept: PricingRule): Note {
  return { kind: 'conflict', left, kept };
}

function explain(n: Note): Explanation {
  return n.kind === 'conflict'
    ? { kind: 'conflict', ruleId: n.left.id, otherRuleId: n.kept.id, text: conflictText(n.left, n.kept) }
    : { kind: 'notEligible', ruleId: n.rule.id, text: notEligibleText(n.rule, n.why) };
}

function couponGroup(r: PricingRule): string {
  return r.stacking?.group ?? (r.action.kind === 'freeShipping' ? 'coupon:shipping' : 'coupon:goods');
}

function promotionGroup(r: PricingRule): string {
  return r.stacking?.group ?? `promotion:${r.id}`;
}

function apply(w: World, pass: Pass, rule: PricingRule, o: Outcome & { ok: true }): void {
  const a = o.ask;
  if (a.shipping) {
    pass.shippingRules++;
    pass.adjustments.push({ id: rule.id, kind: kindOf(rule), label: rule.name, amount: 0, shipping: true });
    pass.applied.push(rule);
    return;
  }
  if (a.gift) {
    pass.lines.push(a.gift);
    pass.remaining.push(a.gift.unitPrice * a.gift.quantity);
  }
  if (a.lineAmounts) {
    const lineAmounts: Array<{ lineId: string; amount: Minor }> = [];
    let amount = 0;
    for (const share of a.lineAmounts) {
      const i = pass.lines.findIndex((l) => l.lineId === share.lineId);
      const take = Math.min(share.amount, pass.remaining[i]);
      pass.remaining[i] -= take;
      amount += take;
      lineAmounts.push({ lineId: share.lineId, amount: take });
    }
    if (amount === 0) return;
    pass.adjustments.push({ id: rule.id, kind: kindOf(rule), label: rule.name, amount, lineAmounts });
  } else {
    const t = w.targets.get(rule.id)!;
    const amount = Math.min(a.amount, sumAt(pass.remaining, t));
    if (amount === 0) return;
    const room = t.map((i) => pass.remaining[i]);
    const shares = allocateWithinRemaining(amount, room);
    for (let k = 0; k < t.length; k++) pass.remaining[t[k]] -= shares[k];
    // The shares as decided here: the final pricing applies adjustments in this same order on the
    // same amounts, so it takes them as they are rather than allocating each discount again.
    pass.adjustments.push({ id: rule.id, kind: kindOf(rule), label: rule.name, amount, lineAmounts: t.map((i, k) => ({ lineId: pass.lines[i].lineId, amount: shares[k] })) });
  }
  pass.applied.push(rule);
  if (a.next) pass.hints.push({ rule, missing: a.next.missing, reward: a.next.reward });
}

/**
 * One allowed combination, worked through the slots. `promotionsFirst`: promotions apply and coupons
 * that do not combine with them step aside; `couponsFirst`: the shopper's coupons apply and the
 * promotions that refuse them step aside. `others` are promotions an exclusive one pushed out.
 */
function run(w: World, promotionPool: PricingRule[], couponPool: PricingRule[], mode: 'promotionsFirst' | 'couponsFirst', others: PricingRule[]): Scenario {
  const base = w.unit.remaining;
  const pass: Pass = { lines: [...w.lines], remaining: [...base], adjustments: [...w.unit.adjustments], applied: [], notes: [], hints: [], shippingRules: 0 };

  // Which promotions take part.
  let promotions = promotionPool;
  if (mode === 'couponsFirst') {
    promotions = couponPool.some((c) => c.stacking?.withPromotions === false) ? [] : promotionPool.filter((p) => p.stacking?.withCoupons !== false);
  }
  // Promotions: the best of each group, on the goods after unit prices.
  const winners = new Map<string, { rule: PricingRule; worth: number }>();
  for (const rule of promotions) {
    const value = worth(w, w.atBase.get(rule)!);
    if (value < 0) continue;
    const g = promotionGroup(rule);
    const current = winners.get(g);
    if (!current || value > current.worth) winners.set(g, { rule, worth: value });
  }
  for (const rule of promotions) {
    const atBase = w.atBase.get(rule)!;
    if (winners.get(promotionGroup(rule))?.rule === rule) {
      const now = rule.action.kind === 'freeShipping' ? atBase : outcomeAt(w, rule, base, pass.remaining, pass.lines);
      if (now.ok) apply(w, pass, rule, now);
    } else if (!atBase.ok && atBase.why.kind === 'threshold') {
      pass.hints.push({ rule, missing: atBase.why.missing, reward: atBase.reward });
    }
  }
  const promotionsApplied = pass.applied.filter((r) => r.source === 'promotion');
  // Promotions an exclusive one pushed out are named beside it.
  if (promotionsApplied[0]) for (const left of others) if (w.atBase.get(left)!.ok) pass.notes.push(conflict(left, promotionsApplied[0]));

  // Coupons: thresholds on what the promotions left; one per group (goods, shipping by default).
  const coupons: PricingRule[] = [];
  let couponsRefused = 0;
  const refuser = promotionsApplied.find((p) => p.stacking?.withCoupons === false);
  for (const c of couponPool) {
    const refusing = refuser ?? (c.stacking?.withPromotions === false ? promotionsApplied[0] : undefined);
    if (refusing) {
      couponsRefused++;
      pass.notes.push(conflict(c, refusing));
    } else coupons.push(c);
  }
  if (coupons.length > 0) {
    const after = [...pass.remaining];
    const outcomes = coupons.map((c) => outcomeAt(w, c, after, after, pass.lines));
    const winnersOf = new Map<string, { rule: PricingRule; worth: number }>();
    coupons.forEach((c, i) => {
      const value = worth(w, outcomes[i]);
      if (value < 0) return;
      const current = winnersOf.get(couponGroup(c));
      if (!current || value > current.worth) winnersOf.set(couponGroup(c), { rule: c, worth: value });
    });
    coupons.forEach((c, i) => {
      const outcome = outcomes[i];
      if (!outcome.ok) {
        pass.notes.push({ kind: 'notEligible', rule: c, why: outcome.why });
        return;
      }
      const winner = winnersOf.get(couponGroup(c))!.rule;
      if (winner !== c) {
        pass.notes.push(conflict(c, winner));
        return;
      }
      const now = outcome.ask.shipping ? outcome : outcomeAt(w, c, after, pass.remaining, pass.lines);
      if (now.ok) apply(w, pass, c, now);
    });
  }

  // Promotions that stepped aside for the coupons are named beside the coupon that took their place.
  if (mode === 'couponsFirst') {
    const by = pass.applied.find((c) => c.source === 'coupon' && c.stacking?.withPromotions === false) ?? pass.applied.find((c) => c.source === 'coupon');
    if (by) for (const left of promotionPool) if (!promotions.includes(left) && w.atBase.get(left)!.ok) pass.notes.push(conflict(left, by));
  }

  const goodsTotal = sum(pass.remaining);
  let total = goodsTotal;
  if (pass.shippingRules === 0) {
    const weight = pass.lines.reduce((t, l) => t + l.weightGrams * l.quantity, 0);
    total += shippingFee(w.input.shipping, { goodsTotal, totalWeightGrams: weight, provinceCode: w.input.destination?.provinceCode });
  }
  pass.hints.sort((a, b) => a.missing - b.missing || compare(a.rule.id, b.rule.id));
  return { lines: pass.lines, adjustments: pass.adjustments, applied: pass.applied, goodsTotal, total, notes: pass.notes, hints: pass.hints, couponsRefused };
}

/** Prices the chosen combination; a free-shipping rule takes the whole fee the goods end up with. */
function finalQuote(input: PricingInput, s: Scenario, extra: Adjustment[]): PriceQuote {
  // A shipping rule asks for "all of it": the engine caps each at what is left of the fee, so one
  // pass prices it (the fee is known only once the goods' discounts are); each then shows the fee as asked.
  const waiving = s.adjustments.some((a) => a.shipping);
  const adjustments = waiving ? s.adjustments.map((a) => (a.shipping ? { ...a, amount: Number.MAX_SAFE_INTEGER } : a)) : s.adjustments;
  let quote = priceValidCart({ ...input, lines: s.lines, adjustments: extra.length ? [...adjustments, ...extra] : adjustments });
  if (waiving) quote = { ...quote, adjustments: quote.adjustments.map((a) => (a.shipping ? { ...a, requestedAmount: quote.shippingFee } : a)) };
  // Lines in the caller's order, gift lines after them.
  const at = new Map(input.lines.map((l, i) => [l.lineId, i] as const));
  const rank = (lineId: string) => at.get(lineId) ?? Number.MAX_SAFE_INTEGER;
  return { ...quote, lines: [...quote.lines].sort((a, b) => rank(a.lineId) - rank(b.lineId)) };
}

function redeemPoints(offer: PointsOffer, asked: number, goodsTotal: Minor): { used: number; value: Minor; limit?: 'share' | 'balance' | 'block' } {
  const wanted = Math.min(asked, offer.balance);
  const byBalance = Math.floor(wanted / offer.pointsPerUnit);
  const byShare = offer.unitValue > 0 ? Math.floor(Math.floor((goodsTotal * offer.maxShareBps) / 10_000) / offer.unitValue) : 0;
  const units = Math.min(byBalance, byShare);
  const used = units * offer.pointsPerUnit;
  const value = units * offer.unitValue;
  if (used === asked) return { used, value };
  const limit = byShare < byBalance ? 'share' : asked > offer.balance ? 'balance' : 'block';
  return { used, value, limit };
}

function kindOf(rule: PricingRule): AdjustmentKind {
  if (rule.source === 'coupon') return 'coupon';
  switch (rule.action.kind) {
    case 'amountOff':
      return 'thresholdDiscount';
    case 'percentOff':
      return 'thresholdPercentOff';
    case 'unitDiscount':
      return 'productDiscount';
    case 'memberPrice':
      return 'memberPrice';
    case 'freeShipping':
      return 'freeShipping';
    case 'buyXGetY':
      return 'buyXGetY';
    default:
      throw new PricingInputError('INVALID_RULE', `rules.${rule.id}.action.kind`, 'unknown kind');
  }
}

function byLineId(a: PricingLine, b: PricingLine): number {
  return compare(a.lineId, b.lineId);
}

/**
 * Higher priority first, then by id: the order rules are worked in, whatever order they came in.
 * A caller that keeps its rules sorted by this saves the quote a sort.
 */
export function rulePrecedence(a: PricingRule, b: PricingRule): number {
  return (b.stacking?.priority ?? 0) - (a.stacking?.priority ?? 0) || compare(a.id, b.id);
}

/** Sorts `xs` in place unless it is already in order (one pass), and returns it. */
function inOrder<T>(xs: T[], by: (a: T, b: T) => number): T[] {
  for (let i = 1; i < xs.length; i++) if (by(xs[i - 1], xs[i]) > 0) return xs.sort(by);
  return xs;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function unitsAt(lines: readonly PricingLine[], at: readonly number[]): number {
  let t = 0;
  for (const i of at) t += lines[i].quantity;
  return t;
}

function sumAt(values: readonly number[], at: readonly number[]): number {
  let t = 0;
  for (const i of at) t += values[i];
  return t;
}

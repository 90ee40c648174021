import type { Minor } from '../../../../platform/money.js';
import { allocateWithinRemaining } from '../allocation.js';
import { PricingInputError } from '../errors.js';
import { priceValidCart } from '../pricing.js';
import { shippingFee } from '../shipping.js';
import type { Adjustment, AdjustmentKind, PriceQuote, PricingInput, PricingLine } from '../types.js';
import { validatePricingInput } from '../validate.js';
import { ask, setsUnitPrice, unitOff, type Outcome } from './actions.js';
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
  const lines = [...input.lines];
  // Cart lines usually come in id order already (ids grow with time): then nothing is reordered.
  const sorted = isInOrder(lines, byLineId);
  if (!sorted) lines.sort(byLineId);
  const explanations: Explanation[] = [];
  const at = Date.parse(ctx.now);
  const index = indexLines(lines);
  const unitRules: Candidate[] = [];
  const promotions: Candidate[] = [];
  const coupons: Candidate[] = [];
  const unusable: PricingRule[] = [];
  const promotionGroups = new Map<string, number>();
  const couponGroups = new Map<string, number>();
  for (const rule of rules) {
    if (!conditionsHold(rule, ctx, at)) {
      if (rule.source === 'coupon') unusable.push(rule);
      continue;
    }
    const targets = linesInScope(rule, lines, index);
    const c: Candidate = { rule, targets, units: unitsAt(lines, targets), baseSum: 0, group: -1, atBase: NOT_ASKED };
    if (setsUnitPrice(rule.action.kind)) unitRules.push(c);
    else if (rule.source === 'coupon') coupons.push(((c.group = numbered(couponGroups, couponGroup(rule))), c));
    else promotions.push(((c.group = numbered(promotionGroups, promotionGroup(rule))), c));
  }
  // Each pool is worked in precedence order (ties and stacking depend on it). Callers that keep
  // their rules in that order (marketing's in-process copy does) pay only for the check.
  inOrder(unitRules, candidatePrecedence);
  inOrder(promotions, candidatePrecedence);
  inOrder(coupons, candidatePrecedence);
  for (const rule of inOrder(unusable, rulePrecedence)) explanations.push({ kind: 'notEligible', ruleId: rule.id, text: notEligibleText(rule, { kind: 'conditions' }) });
  const unit = unitPrices(lines, unitRules, ctx);
  const weight = lines.reduce((t, l) => t + l.weightGrams * l.quantity, 0);
  const feeEstimate = shippingFee(input.shipping, { goodsTotal: sum(unit.remaining), totalWeightGrams: weight, provinceCode: input.destination?.provinceCode });
  const world: World = { lines, unit, feeEstimate, input, groups: { promotions: promotionGroups.size, coupons: couponGroups.size } };
  // Promotions measure thresholds on the goods after unit prices, whatever else applies: what each
  // would do there is worked out once and shared by every combination.
  for (const c of promotions) c.baseSum = sumAt(unit.remaining, c.targets);
  for (const c of coupons) c.baseSum = sumAt(unit.remaining, c.targets);
  for (const c of promotions) c.atBase = outcomeAt(world, c, unit.remaining, unit.remaining);

  const stackable = promotions.filter((c) => !c.rule.stacking?.exclusive);
  const first = run(world, stackable, coupons, 'promotionsFirst', []);
  const scenarios = [first];
  // The other combinations are priced only when they could be better: coupons were refused, or an
  // exclusive promotion (with the coupons it allows) could save more than the stack did.
  const baseTotal = sum(unit.remaining);
  if (first.couponsRefused > 0 && baseTotal - mostSavedCouponsFirst(world, stackable, coupons) < first.total) {
    scenarios.push(run(world, stackable, coupons, 'couponsFirst', []));
  }
  let bestSaving = baseTotal + feeEstimate - Math.min(...scenarios.map((x) => x.total));
  for (const only of promotions) {
    const stacking = only.rule.stacking;
    if (!stacking?.exclusive) continue;
    let couponsToo = 0;
    if (stacking.withCoupons !== false) for (const c of coupons) couponsToo += goodsWorth(outcomeAt(world, c, unit.remaining, unit.remaining));
    if (goodsWorth(only.atBase) + couponsToo + feeEstimate <= bestSaving) continue;
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

  const quote = finalQuote(input, best, extra.length || input.adjustments?.length ? [...extra, ...(input.adjustments ?? [])] : extra, sorted);
  const byId = new Map<string, PricingRule>();
  for (const c of unitRules) byId.set(c.rule.id, c.rule);
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
  feeEstimate: Minor;
  input: PricingInput;
  /** How many stacking groups the promotions and the coupons form (candidates carry their number). */
  groups: { promotions: number; coupons: number };
}

/** A rule that may apply to this cart, with what is known of it before combinations are priced. */
interface Candidate {
  rule: PricingRule;
  /** The lines it looks at (indices into the world's lines; read, never changed). */
  targets: readonly number[];
  /** Units on its lines (gift lines, added later, are never among them). */
  units: number;
  /** Σ of its lines after unit prices (the base promotions measure thresholds on). */
  baseSum: Minor;
  /** Its stacking group, numbered for this quote: candidates of one group never combine. */
  group: number;
  /** A promotion's outcome on the goods after unit prices (its threshold base). */
  atBase: Outcome;
}

const NOT_ASKED: Outcome = { ok: false, why: { kind: 'conditions' }, reward: 0 };

/** The number of a stacking group in this quote, given in order of first appearance. */
function numbered(groups: Map<string, number>, name: string): number {
  let n = groups.get(name);
  if (n === undefined) groups.set(name, (n = groups.size));
  return n;
}

function candidatePrecedence(a: Candidate, b: Candidate): number {
  return rulePrecedence(a.rule, b.rule);
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
function unitPrices(lines: PricingLine[], rules: Candidate[], ctx: PricingContext): World['unit'] {
  const remaining = lines.map((l) => l.unitPrice * l.quantity);
  if (rules.length === 0) return { adjustments: [], remaining };
  const won = new Map<string, Array<{ lineId: string; amount: Minor }>>();
  // Each line's cheapest unit price: rules in precedence order, the first of equal ones wins.
  const bestOff: Minor[] = lines.map(() => 0);
  const bestRule: Array<PricingRule | null> = lines.map(() => null);
  for (const { rule, targets: at, units } of rules) {
    if (units < (rule.conditions?.minQuantity ?? 0)) continue;
    for (const i of at) {
      const off = unitOff(rule, lines[i], ctx);
      if (off > bestOff[i]) {
        bestOff[i] = off;
        bestRule[i] = rule;
      }
    }
  }
  lines.forEach((line, i) => {
    const rule = bestRule[i];
    if (!rule) return;
    const amount = bestOff[i] * line.quantity;
    remaining[i] -= amount;
    const shares = won.get(rule.id);
    if (shares) shares.push({ lineId: line.lineId, amount });
    else won.set(rule.id, [{ lineId: line.lineId, amount }]);
  });
  const adjustments = rules
    .filter((c) => won.has(c.rule.id))
    .map(({ rule }): Adjustment => {
      const lineAmounts = won.get(rule.id)!;
      return { id: rule.id, kind: kindOf(rule), label: rule.name, amount: sum(lineAmounts.map((l) => l.amount)), lineAmounts };
    });
  return { adjustments, remaining };
}

/** What a rule would do with thresholds measured on `thresholdsOn` and `remaining` left to take from. */
function outcomeAt(w: World, c: Candidate, thresholdsOn: readonly Minor[], remaining: readonly Minor[], lines: readonly PricingLine[] = w.lines): Outcome {
  const t = c.targets;
  const atBase = w.unit.remaining;
  const base = thresholdsOn === atBase ? c.baseSum : sumAt(thresholdsOn, t);
  const room = remaining === thresholdsOn ? base : remaining === atBase ? c.baseSum : sumAt(remaining, t);
  return ask(c.rule, lines, remaining, { targets: t, base, room, units: c.units });
}

/** How much an outcome saves for comparing rules of one group (a shipping rule: the fee it would waive). */
function worth(w: World, o: Outcome): number {
  return !o.ok ? -1 : o.ask.shipping ? w.feeEstimate : o.ask.amount;
}

/**
 * At most what the coupons-first combination can take off the goods: per stacking group, the best
 * that a member taking part would take on the goods after unit prices. Every discount later takes
 * no more than it would there (thresholds are met no sooner, there is no more room), so when even
 * this cannot beat the promotions-first total that combination need not be priced (ties go to
 * promotions first anyway).
 */
function mostSavedCouponsFirst(w: World, stackable: readonly Candidate[], coupons: readonly Candidate[]): Minor {
  let most = 0;
  if (!coupons.some((c) => c.rule.stacking?.withPromotions === false)) {
    const byGroup: number[] = new Array<number>(w.groups.promotions).fill(0);
    for (const c of stackable) if (c.rule.stacking?.withCoupons !== false) byGroup[c.group] = Math.max(byGroup[c.group], goodsWorth(c.atBase));
    most += sum(byGroup);
  }
  const byCouponGroup: number[] = new Array<number>(w.groups.coupons).fill(0);
  const base = w.unit.remaining;
  for (const c of coupons) byCouponGroup[c.group] = Math.max(byCouponGroup[c.group], goodsWorth(outcomeAt(w, c, base, base)));
  return most + sum(byCouponGroup);
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

function apply(pass: Pass, c: Candidate, o: Outcome & { ok: true }): void {
  const rule = c.rule;
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
    const t = c.targets;
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
function run(w: World, promotionPool: Candidate[], couponPool: Candidate[], mode: 'promotionsFirst' | 'couponsFirst', others: Candidate[]): Scenario {
  const base = w.unit.remaining;
  const pass: Pass = { lines: [...w.lines], remaining: [...base], adjustments: [...w.unit.adjustments], applied: [], notes: [], hints: [], shippingRules: 0 };

  // Which promotions take part.
  let promotions = promotionPool;
  if (mode === 'couponsFirst') {
    promotions = couponPool.some((c) => c.rule.stacking?.withPromotions === false) ? [] : promotionPool.filter((p) => p.rule.stacking?.withCoupons !== false);
  }
  // Promotions: the best of each group, on the goods after unit prices.
  const winners: Array<Candidate | null> = new Array<Candidate | null>(w.groups.promotions).fill(null);
  const best: number[] = new Array<number>(w.groups.promotions).fill(-1);
  for (const c of promotions) {
    const value = worth(w, c.atBase);
    if (value > best[c.group]) {
      best[c.group] = value;
      winners[c.group] = c;
    }
  }
  for (const c of promotions) {
    const atBase = c.atBase;
    if (winners[c.group] === c) {
      const now = c.rule.action.kind === 'freeShipping' ? atBase : outcomeAt(w, c, base, pass.remaining, pass.lines);
      if (now.ok) apply(pass, c, now);
    } else if (!atBase.ok && atBase.why.kind === 'threshold') {
      pass.hints.push({ rule: c.rule, missing: atBase.why.missing, reward: atBase.reward });
    }
  }
  const promotionsApplied = pass.applied.filter((r) => r.source === 'promotion');
  // Promotions an exclusive one pushed out are named beside it.
  if (promotionsApplied[0]) for (const left of others) if (left.atBase.ok) pass.notes.push(conflict(left.rule, promotionsApplied[0]));

  // Coupons: thresholds on what the promotions left; one per group (goods, shipping by default).
  const coupons: Candidate[] = [];
  let couponsRefused = 0;
  const refuser = promotionsApplied.find((p) => p.stacking?.withCoupons === false);
  for (const c of couponPool) {
    const refusing = refuser ?? (c.rule.stacking?.withPromotions === false ? promotionsApplied[0] : undefined);
    if (refusing) {
      couponsRefused++;
      pass.notes.push(conflict(c.rule, refusing));
    } else coupons.push(c);
  }
  if (coupons.length > 0) {
    const after = [...pass.remaining];
    const outcomes = coupons.map((c) => outcomeAt(w, c, after, after, pass.lines));
    const winnersOf: Array<Candidate | null> = new Array<Candidate | null>(w.groups.coupons).fill(null);
    const bestOf: number[] = new Array<number>(w.groups.coupons).fill(-1);
    coupons.forEach((c, i) => {
      const value = worth(w, outcomes[i]);
      if (value > bestOf[c.group]) {
        bestOf[c.group] = value;
        winnersOf[c.group] = c;
      }
    });
    coupons.forEach((c, i) => {
      const outcome = outcomes[i];
      if (!outcome.ok) {
        pass.notes.push({ kind: 'notEligible', rule: c.rule, why: outcome.why });
        return;
      }
      const winner = winnersOf[c.group]!;
      if (winner !== c) {
        pass.notes.push(conflict(c.rule, winner.rule));
        return;
      }
      const now = outcome.ask.shipping ? outcome : outcomeAt(w, c, after, pass.remaining, pass.lines);
      if (now.ok) apply(pass, c, now);
    });
  }

  // Promotions that stepped aside for the coupons are named beside the coupon that took their place.
  if (mode === 'couponsFirst') {
    const by = pass.applied.find((c) => c.source === 'coupon' && c.stacking?.withPromotions === false) ?? pass.applied.find((c) => c.source === 'coupon');
    // Those left out: all of them when a coupon refuses promotions, else those refusing coupons.
    const allOut = promotions.length === 0;
    if (by) for (const left of promotionPool) if ((allOut || left.rule.stacking?.withCoupons === false) && left.atBase.ok) pass.notes.push(conflict(left.rule, by));
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
function finalQuote(input: PricingInput, s: Scenario, extra: Adjustment[], inputSorted: boolean): PriceQuote {
  // A shipping rule asks for "all of it": the engine caps each at what is left of the fee, so one
  // pass prices it (the fee is known only once the goods' discounts are); each then shows the fee as asked.
  const waiving = s.adjustments.some((a) => a.shipping);
  const adjustments = waiving ? s.adjustments.map((a) => (a.shipping ? { ...a, amount: Number.MAX_SAFE_INTEGER } : a)) : s.adjustments;
  let quote = priceValidCart({ ...input, lines: s.lines, adjustments: extra.length ? [...adjustments, ...extra] : adjustments });
  if (waiving) quote = { ...quote, adjustments: quote.adjustments.map((a) => (a.shipping ? { ...a, requestedAmount: quote.shippingFee } : a)) };
  // Lines in the caller's order, gift lines after them (as they already are when the caller's order was the working order).
  if (inputSorted) return quote;
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

function isInOrder<T>(xs: readonly T[], by: (a: T, b: T) => number): boolean {
  for (let i = 1; i < xs.length; i++) if (by(xs[i - 1], xs[i]) > 0) return false;
  return true;
}

/** Sorts `xs` in place unless it is already in order (one pass), and returns it. */
function inOrder<T>(xs: T[], by: (a: T, b: T) => number): T[] {
  return isInOrder(xs, by) ? xs : xs.sort(by);
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

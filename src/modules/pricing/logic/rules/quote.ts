import type { Minor } from '../../../../platform/money.js';
import { allocateWithinRemaining } from '../allocation.js';
import { PricingInputError } from '../errors.js';
import { priceValidCart } from '../pricing.js';
import { shippingFee } from '../shipping.js';
import type { Adjustment, AdjustmentKind, PriceQuote, PricingInput, PricingLine } from '../types.js';
import { validatePricingInput } from '../validate.js';
import { ask, unitOff, UNIT_PRICE_ACTIONS, type Outcome } from './actions.js';
import { conditionsHold, inScope } from './eligibility.js';
import { appliedText, conflictText, hintText, notEligibleText, pointsText } from './explain.js';
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
  const lines = [...input.lines].sort((a, b) => compare(a.lineId, b.lineId));
  const ordered = [...rules].sort((a, b) => (b.stacking?.priority ?? 0) - (a.stacking?.priority ?? 0) || compare(a.id, b.id));
  const explanations: Explanation[] = [];
  const at = Date.parse(ctx.now);
  const live = ordered.filter((rule) => {
    if (conditionsHold(rule, ctx, at)) return true;
    if (rule.source === 'coupon') explanations.push({ kind: 'notEligible', ruleId: rule.id, text: notEligibleText(rule, { kind: 'conditions' }) });
    return false;
  });
  const targets = new Map<string, number[]>();
  for (const rule of live) {
    const t: number[] = [];
    for (let i = 0; i < lines.length; i++) if (inScope(rule, lines[i])) t.push(i);
    targets.set(rule.id, t);
  }
  const weight = lines.reduce((t, l) => t + l.weightGrams * l.quantity, 0);
  const unit = unitPrices(lines, live.filter((r) => UNIT_PRICE_ACTIONS.has(r.action.kind)), targets, ctx);
  const feeEstimate = shippingFee(input.shipping, { goodsTotal: sum(unit.remaining), totalWeightGrams: weight, provinceCode: input.destination?.provinceCode });

  const promotions = live.filter((r) => r.source === 'promotion' && !UNIT_PRICE_ACTIONS.has(r.action.kind));
  const coupons = live.filter((r) => r.source === 'coupon');
  const stackable = promotions.filter((r) => !r.stacking?.exclusive);
  const world: World = { lines, unit, targets, feeEstimate, input };
  const first = run(world, stackable, coupons, 'promotionsFirst');
  const scenarios = [first];
  // The other combinations are priced only when they could be better: coupons were refused, or an
  // exclusive promotion (with the coupons it allows) could save more than the stack did.
  if (first.couponsRefused > 0) scenarios.push(run(world, stackable, coupons, 'couponsFirst'));
  const baseTotal = sum(unit.remaining);
  const savingOf = (s: Scenario) => baseTotal + feeEstimate - s.total;
  const atBase = (rule: PricingRule) => {
    const t = targets.get(rule.id)!;
    const on = sumAt(unit.remaining, t);
    const o = ask(rule, lines, unit.remaining, { targets: t, base: on, room: on, units: unitsAt(lines, t) });
    return o.ok && !o.ask.shipping ? o.ask.amount : 0;
  };
  for (const only of promotions.filter((r) => r.stacking?.exclusive)) {
    const couponsToo = only.stacking?.withCoupons === false ? 0 : sum(coupons.map(atBase));
    if (atBase(only) + couponsToo + feeEstimate > Math.max(...scenarios.map(savingOf))) scenarios.push(run(world, [only], coupons, 'promotionsFirst', stackable));
  }
  const best = scenarios.reduce((a, b) => (b.total < a.total ? b : a));

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

  const quote = finalQuote(input, best, [...extra, ...(input.adjustments ?? [])]);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const applied: AppliedRule[] = [];
  const saved: Explanation[] = [];
  for (const a of quote.adjustments) {
    const rule = byId.get(a.id);
    if (!rule || a.amount === 0) continue;
    applied.push({ ruleId: rule.id, source: rule.source, amount: a.amount });
    saved.push({ kind: 'applied', ruleId: rule.id, text: appliedText(rule, a.amount, a.shipping) });
  }
  // What saved money first, in pipeline order; then what was left out and why.
  const gifts = best.lines.filter((l) => l.gift).map((l) => ({ lineId: l.lineId, ruleId: l.lineId.slice('gift:'.length), variantId: l.variantId, productId: l.productId, quantity: l.quantity }));
  return { quote, applied, points: used, explanations: [...saved, ...explanations, ...best.notes], hints: best.hints, gifts };
}

interface World {
  lines: PricingLine[];
  unit: { adjustments: Adjustment[]; remaining: Minor[] };
  targets: Map<string, number[]>;
  feeEstimate: Minor;
  input: PricingInput;
}

interface Scenario {
  lines: PricingLine[];
  adjustments: Adjustment[];
  applied: PricingRule[];
  goodsTotal: Minor;
  total: Minor;
  notes: Explanation[];
  hints: Hint[];
  /** Chosen coupons that did not apply because of a promotion (another combination may do better). */
  couponsRefused: number;
}

/** The best unit price of each line (会员价 against 直降): one adjustment per rule, with the lines it won. */
function unitPrices(lines: PricingLine[], rules: PricingRule[], targets: Map<string, number[]>, ctx: PricingContext): World['unit'] {
  const won = new Map<string, Array<{ lineId: string; amount: Minor }>>();
  const remaining = lines.map((l) => l.unitPrice * l.quantity);
  const units = (rule: PricingRule) => sum(targets.get(rule.id)!.map((i) => lines[i].quantity));
  const reached = rules.filter((rule) => units(rule) >= (rule.conditions?.minQuantity ?? 0));
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

/**
 * One allowed combination, worked through the slots. `promotionsFirst`: promotions apply and coupons
 * that do not combine with them step aside; `couponsFirst`: the shopper's coupons apply and the
 * promotions that refuse them step aside. `others` are promotions an exclusive one pushed out.
 */
function run(w: World, promotionPool: PricingRule[], couponPool: PricingRule[], mode: 'promotionsFirst' | 'couponsFirst', others: PricingRule[] = []): Scenario {
  const lines = [...w.lines];
  const remaining = [...w.unit.remaining];
  const base = w.unit.remaining;
  const adjustments = [...w.unit.adjustments];
  const applied: PricingRule[] = [];
  const notes: Explanation[] = [];
  const hints: Hint[] = [];
  let shippingRules = 0;

  const scoped = (rule: PricingRule, thresholdsOn: readonly Minor[]) => {
    const t = w.targets.get(rule.id)!;
    return { targets: t, base: sumAt(thresholdsOn, t), room: sumAt(remaining, t), units: unitsAt(lines, t) };
  };
  const worth = (o: Outcome) => (!o.ok ? -1 : o.ask.shipping ? w.feeEstimate : o.ask.amount);
  const apply = (rule: PricingRule, o: Outcome & { ok: true }) => {
    const a = o.ask;
    if (a.shipping) {
      shippingRules++;
      adjustments.push({ id: rule.id, kind: kindOf(rule), label: rule.name, amount: 0, shipping: true });
      applied.push(rule);
      return;
    }
    if (a.gift) {
      lines.push(a.gift);
      remaining.push(a.gift.unitPrice * a.gift.quantity);
    }
    if (a.lineAmounts) {
      const lineAmounts = a.lineAmounts.map((s) => {
        const i = lines.findIndex((l) => l.lineId === s.lineId);
        const take = Math.min(s.amount, remaining[i]);
        remaining[i] -= take;
        return { lineId: s.lineId, amount: take };
      });
      const amount = sum(lineAmounts.map((s) => s.amount));
      if (amount === 0) return;
      adjustments.push({ id: rule.id, kind: kindOf(rule), label: rule.name, amount, lineAmounts });
    } else {
      const t = w.targets.get(rule.id)!;
      const amount = Math.min(a.amount, sumAt(remaining, t));
      if (amount === 0) return;
      allocateWithinRemaining(amount, t.map((i) => remaining[i])).forEach((share, k) => (remaining[t[k]] -= share));
      adjustments.push({ id: rule.id, kind: kindOf(rule), label: rule.name, amount, appliesTo: t.map((i) => lines[i].lineId) });
    }
    applied.push(rule);
    if (a.next) hints.push({ ruleId: rule.id, missing: a.next.missing, reward: a.next.reward, text: hintText(rule, a.next.missing, a.next.reward) });
  };

  // Which promotions take part.
  let promotions = promotionPool;
  const blockingCoupon = couponPool.find((c) => c.stacking?.withPromotions === false) ?? couponPool[0];
  if (mode === 'couponsFirst') {
    promotions = couponPool.some((c) => c.stacking?.withPromotions === false) ? [] : promotionPool.filter((p) => p.stacking?.withCoupons !== false);
  }
  // Promotions: thresholds on the goods after unit prices; the best of each group.
  const winners = bestPerGroup(promotions, (r) => ask(r, lines, base, scoped(r, base)), worth, (r) => r.stacking?.group ?? `promotion:${r.id}`);
  for (const rule of promotions) {
    const outcome = ask(rule, lines, remaining, scoped(rule, base));
    if (winners.has(rule)) {
      if (outcome.ok) apply(rule, outcome);
    } else if (!outcome.ok && outcome.why.kind === 'threshold' && !hints.some((h) => h.ruleId === rule.id)) {
      hints.push({ ruleId: rule.id, missing: outcome.why.missing, reward: outcome.reward, text: hintText(rule, outcome.why.missing, outcome.reward) });
    }
  }
  const promotionsApplied = applied.filter((r) => r.source === 'promotion');
  for (const left of [...promotionPool.filter((p) => !promotions.includes(p)), ...others]) {
    const o = ask(left, lines, base, scoped(left, base));
    if (!o.ok) continue;
    const by = mode === 'couponsFirst' ? blockingCoupon : promotionsApplied[0];
    if (by) notes.push({ kind: 'conflict', ruleId: left.id, otherRuleId: by.id, text: conflictText(left, by) });
  }

  // Coupons: thresholds on what the promotions left; one per group (goods, shipping by default).
  const coupons: PricingRule[] = [];
  let couponsRefused = 0;
  for (const c of couponPool) {
    const refusing = promotionsApplied.find((p) => p.stacking?.withCoupons === false) ?? (c.stacking?.withPromotions === false ? promotionsApplied[0] : undefined);
    if (refusing) {
      couponsRefused++;
      notes.push({ kind: 'conflict', ruleId: c.id, otherRuleId: refusing.id, text: conflictText(c, refusing) });
    } else coupons.push(c);
  }
  const couponGroup = (r: PricingRule) => r.stacking?.group ?? (r.action.kind === 'freeShipping' ? 'coupon:shipping' : 'coupon:goods');
  const couponWinners = bestPerGroup(coupons, (r) => ask(r, lines, remaining, scoped(r, remaining)), worth, couponGroup);
  for (const c of coupons) {
    const outcome = ask(c, lines, remaining, scoped(c, remaining));
    if (!outcome.ok) {
      notes.push({ kind: 'notEligible', ruleId: c.id, text: notEligibleText(c, outcome.why) });
      continue;
    }
    const winner = [...couponWinners].find((x) => couponGroup(x) === couponGroup(c));
    if (winner === c) apply(c, outcome);
    else if (winner) notes.push({ kind: 'conflict', ruleId: c.id, otherRuleId: winner.id, text: conflictText(c, winner) });
  }

  const goodsTotal = sum(remaining);
  const weight = lines.reduce((t, l) => t + l.weightGrams * l.quantity, 0);
  const fee = shippingFee(w.input.shipping, { goodsTotal, totalWeightGrams: weight, provinceCode: w.input.destination?.provinceCode });
  hints.sort((a, b) => a.missing - b.missing || compare(a.ruleId, b.ruleId));
  return { lines, adjustments, applied, goodsTotal, total: goodsTotal + (shippingRules > 0 ? 0 : fee), notes, hints, couponsRefused };
}

/** The rule of each group whose outcome is worth most (ties: the earlier, i.e. higher priority). */
function bestPerGroup(rules: PricingRule[], outcome: (r: PricingRule) => Outcome, worth: (o: Outcome) => number, group: (r: PricingRule) => string): Set<PricingRule> {
  const best = new Map<string, { rule: PricingRule; worth: number }>();
  for (const rule of rules) {
    const value = worth(outcome(rule));
    if (value < 0) continue;
    const g = group(rule);
    const current = best.get(g);
    if (!current || value > current.worth) best.set(g, { rule, worth: value });
  }
  return new Set([...best.values()].map((b) => b.rule));
}

/** Prices the chosen combination; a free-shipping rule takes the whole fee the goods end up with. */
function finalQuote(input: PricingInput, s: Scenario, extra: Adjustment[]): PriceQuote {
  const priced = (adjustments: Adjustment[]) => priceValidCart({ ...input, lines: s.lines, adjustments });
  let quote = priced([...s.adjustments, ...extra]);
  if (s.adjustments.some((a) => a.shipping) && quote.shippingFee > 0) {
    quote = priced([...s.adjustments.map((a) => (a.shipping ? { ...a, amount: quote.shippingFee } : a)), ...extra]);
  }
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

/**
 * The rule layer in process (issue 12's target: ≥ 20,000 quotes/s): a 20-line cart, 50 active
 * promotions of every kind (some targeted, some grouped, one exclusive) and 3 chosen coupons, with
 * points. No I/O: what a quote costs the CPU of one process.
 */
import { performance } from 'node:perf_hooks';
import { quoteWithRules, rulePrecedence, type PricingInput, type PricingRule, type RuleAction } from '../src/modules/pricing/index.js';

export interface QuoteBenchResult {
  quotesPerSecond: number;
  p50us: number;
  p99us: number;
  lines: number;
  promotions: number;
  coupons: number;
  applied: number;
}

export function quoteBenchCase(): { input: PricingInput; rules: PricingRule[] } {
  const categories = ['tea', 'cups', 'snacks', 'gifts'];
  const input: PricingInput = {
    currency: 'CNY',
    shipping: { id: 's', code: 'std', name: { 'zh-CN': '快递', en: 'Express' }, kind: 'freeOver', freeThreshold: 9900, flatFee: 1000 },
    destination: { provinceCode: '44' },
    lines: Array.from({ length: 20 }, (_, i) => ({
      lineId: `line-${String(i).padStart(2, '0')}`,
      variantId: `variant-${i}`,
      productId: `product-${i}`,
      categoryId: categories[i % 4],
      brandId: `brand-${i % 3}`,
      unitPrice: 1990 + i * 731,
      quantity: 1 + (i % 3),
      weightGrams: 250,
    })),
  };
  const actions: RuleAction[] = [
    { kind: 'amountOff', threshold: 30000, amount: 4000 },
    { kind: 'amountOff', threshold: 10000, amount: 1000, every: true, cap: 8000 },
    { kind: 'percentOff', percentOff: 10, threshold: 50000 },
    { kind: 'percentOff', percentOff: 5, minQuantity: 3 },
    { kind: 'unitDiscount', percentOff: 8 },
    { kind: 'freeShipping', threshold: 20000 },
    { kind: 'buyXGetY', buy: 2, get: 1 },
    { kind: 'memberPrice', tiers: [{ tier: 'gold', percentOff: 5 }, { tier: 'silver', percentOff: 2 }] },
  ];
  const rules: PricingRule[] = Array.from({ length: 50 }, (_, i): PricingRule => ({
    id: `promotion-${String(i).padStart(2, '0')}`,
    source: 'promotion',
    name: { 'zh-CN': `活动${i}`, en: `Offer ${i}` },
    action: actions[i % actions.length],
    scope: i % 3 === 0 ? { categoryIds: [categories[i % 4]] } : i % 3 === 1 ? { brandIds: [`brand-${i % 3}`] } : undefined,
    conditions: i % 5 === 0 ? { tiers: ['gold'] } : i % 7 === 0 ? { startsAt: '2026-01-01T00:00:00Z', endsAt: '2027-01-01T00:00:00Z' } : undefined,
    stacking: { group: `group-${i % 6}`, priority: i % 4, exclusive: i === 49, withCoupons: i % 11 !== 0 },
  }));
  // As checkout hands them over: the running promotions in working order (marketing's in-process
  // copy keeps them so), then the shopper's coupons.
  rules.sort(rulePrecedence);
  rules.push(
    { id: 'coupon-a', source: 'coupon', name: { 'zh-CN': '满200减20', en: '¥20 off ¥200' }, action: { kind: 'amountOff', threshold: 20000, amount: 2000 } },
    { id: 'coupon-b', source: 'coupon', name: { 'zh-CN': '9折券', en: '10% off' }, action: { kind: 'percentOff', percentOff: 10, cap: 5000 } },
    { id: 'coupon-c', source: 'coupon', name: { 'zh-CN': '包邮券', en: 'Free shipping' }, action: { kind: 'freeShipping' } },
  );
  return { input, rules };
}

export function benchQuotes(seconds = 2): QuoteBenchResult {
  const { input, rules } = quoteBenchCase();
  const ctx = { now: '2026-11-11T02:00:00Z', tier: 'gold', points: 2000 };
  const offer = { balance: 5000, pointsPerUnit: 100, unitValue: 100, maxShareBps: 5000 };
  const once = () => quoteWithRules(input, rules, ctx, offer);
  const sample = once();
  for (let i = 0; i < 2000; i++) once(); // warm-up: let the JIT settle
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const started = performance.now();
  while (performance.now() < end) {
    const t = performance.now();
    once();
    times.push(performance.now() - t);
    n++;
  }
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * p))] * 1000);
  return { quotesPerSecond: Math.round(n / elapsed), p50us: at(0.5), p99us: at(0.99), lines: input.lines.length, promotions: 50, coupons: 3, applied: sample.applied.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(benchQuotes(Number(process.env.BENCH_SECONDS ?? 3)));
}

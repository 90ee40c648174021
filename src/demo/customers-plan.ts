import { DAY_MS, dayFractionBefore, sampleTimes, type StoreDay } from './calendar.js';
import { Rng } from './random.js';
import { CHANNEL_ACTIVITY, CHANNELS } from './vocab/people.js';

/**
 * The demo shoppers as numbers: when each signed up, through which channel, and how much each
 * buys (a Pareto curve: most buy once or twice, a few buy all the time). Typed arrays, sorted by
 * sign-up time, so even a few hundred thousand shoppers fit in a few megabytes.
 */
export interface CustomerPlan {
  count: number;
  /** Sign-up instants, ascending. */
  createdAt: Float64Array;
  /** Index into CHANNELS. */
  channel: Uint8Array;
  /** Running sum of activity, in sign-up order: picking a buyer is a binary search. */
  activityCum: Float64Array;
}

export const CHANNEL_NAMES = CHANNELS.map(([c]) => c);

/** Orders the demo shopper (shopper 0, demo@shopkeeper.local) should end up with, roughly. */
const DEMO_SHOPPER_ORDERS = 24;

export function planCustomers(
  seed: number,
  count: number,
  days: readonly StoreDay[],
  dayWeights: readonly number[],
  expectedOrders: number,
  asOf: number,
): CustomerPlan {
  const rng = new Rng(seed).fork('customers');
  const first = days[0].start;
  // Sign-ups follow the shopping calendar, damped: a festival brings new shoppers, not 10× as many.
  const signupWeights = dayWeights.map((w, i) => Math.pow(w, 0.6) * dayFractionBefore(days[i], asOf));
  const signupCum = cumulative(signupWeights);
  const entries: Array<{ at: number; channel: number; activity: number }> = [];
  for (let i = 0; i < count; i++) {
    let at: number;
    if (rng.chance(0.22)) {
      at = first - rng.between(1, 730) * DAY_MS; // signed up before the history window
    } else {
      at = sampleTimes(days[pick(signupCum, rng.next())], 1, rng, asOf)[0];
    }
    const channel = rng.weighted(CHANNELS.map(([, w]) => w));
    // Pareto: most shoppers buy now and then, a few all the time; some sign up and drift away.
    const dormant = rng.chance(0.4) ? 0.04 : 1;
    const activity = Math.min(rng.pareto(1.1), 30) * dormant * CHANNEL_ACTIVITY[CHANNELS[channel][0]];
    entries.push({ at: Math.floor(at), channel, activity });
  }
  entries.sort((a, b) => a.at - b.at);
  const plan: CustomerPlan = {
    count,
    createdAt: Float64Array.from(entries, (e) => e.at),
    channel: Uint8Array.from(entries, (e) => e.channel),
    activityCum: new Float64Array(count),
  };
  // Shopper 0 is the demo account people sign in with: give them a history worth looking at.
  if (count > 1 && expectedOrders > 0) {
    const others = entries.slice(1).reduce((n, e) => n + e.activity, 0);
    const share = Math.min(0.2, DEMO_SHOPPER_ORDERS / expectedOrders);
    entries[0].activity = (others * share) / (1 - share);
    entries[0].channel = 0;
    plan.channel[0] = 0;
  }
  let sum = 0;
  entries.forEach((e, i) => (plan.activityCum[i] = sum += e.activity));
  return plan;
}

export function cumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) out[i] = sum += weights[i];
  return out;
}

/** Index i with probability weights[i] / total, given `cum` from cumulative() and u in [0, 1). */
export function pick(cum: Float64Array, u: number, length = cum.length): number {
  const target = u * cum[length - 1];
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** How many shoppers had signed up by `at` (they are sorted by sign-up time). */
export function signedUpBy(plan: CustomerPlan, at: number): number {
  let lo = 0;
  let hi = plan.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (plan.createdAt[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A buyer for an order placed at `at`: mostly by activity among everyone signed up by then,
 * sometimes a shopper who signed up in the last week (their first order).
 */
export function pickBuyer(plan: CustomerPlan, at: number, rng: Rng): number {
  const eligible = signedUpBy(plan, at);
  if (eligible === 0) return -1;
  if (rng.chance(0.12)) {
    const recent = signedUpBy(plan, at - 7 * DAY_MS);
    if (recent < eligible) return rng.int(recent, eligible - 1);
  }
  return pick(plan.activityCum, rng.next(), eligible);
}

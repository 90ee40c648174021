/**
 * Order numbers (订单号): 20 digits, always.
 *
 *   20261202113402 047 012
 *   └─ stamp ────┘ └W┘ └C┘
 *   stamp    YYYYMMDDhhmmss in the store's time zone (14 digits)
 *   worker   the placing process's worker number, 000–999, leased once when it starts (3 digits)
 *   counter  that process's count within the second, 000–999 (3 digits)
 *
 * Within one worker the pair (stamp, counter) only ever grows, so a worker never repeats a number;
 * two live processes never hold the same worker, so they never share one. Nothing here reads a
 * clock or a database: the allocator (../numbers.ts) feeds in the second and leases the worker.
 */

export const ORDER_NUMBER_LENGTH = 20;
export const ORDER_NUMBER_PATTERN = /^\d{20}$/;
/** Worker numbers are 000–999; the database sequence that leases them cycles over the same range. */
export const ORDER_NUMBER_WORKERS = 1000;
/** Numbers one worker can give out within one second before it borrows the next second. */
export const ORDER_NUMBER_PER_SECOND = 1000;
/**
 * How far (seconds) the wall clock may step back before a worker is given up rather than kept
 * counting on its last second (NTP slews a little; more means the clock was set back).
 */
export const ORDER_NUMBER_MAX_LEAD = 5;

export interface OrderNumberParts {
  /** YYYYMMDDhhmmss, store-local. */
  stamp: string;
  worker: number;
  counter: number;
}

const pad3 = (n: number) => String(n).padStart(3, '0');

export function formatOrderNumber(p: OrderNumberParts): string {
  if (!/^\d{14}$/.test(p.stamp)) throw new RangeError(`order number stamp must be 14 digits: ${p.stamp}`);
  if (!Number.isInteger(p.worker) || p.worker < 0 || p.worker >= ORDER_NUMBER_WORKERS) throw new RangeError(`worker out of range: ${p.worker}`);
  if (!Number.isInteger(p.counter) || p.counter < 0 || p.counter >= ORDER_NUMBER_PER_SECOND) throw new RangeError(`counter out of range: ${p.counter}`);
  return p.stamp + pad3(p.worker) + pad3(p.counter);
}

/** The parts of a number made by formatOrderNumber; null for anything else. */
export function parseOrderNumber(n: string): OrderNumberParts | null {
  if (!ORDER_NUMBER_PATTERN.test(n)) return null;
  return { stamp: n.slice(0, 14), worker: Number(n.slice(14, 17)), counter: Number(n.slice(17, 20)) };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** YYYYMMDDhhmmss of an instant (epoch milliseconds) in a time zone. */
export function localStamp(epochMs: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(epochMs);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}${get('month')}${get('day')}${get('hour')}${get('minute')}${get('second')}`;
}

/**
 * Where a worker is: the last second it used (epoch seconds) with that second's stamp and counter,
 * and the latest wall-clock second it has been given (`seen`; `second` runs ahead of it while the
 * worker borrows).
 */
export interface NumberSlot {
  second: number;
  stamp: string;
  counter: number;
  seen: number;
}

/** The next slot, or `renew` when this worker must not go on (the store-local time went back). */
export type NextSlot = { slot: NumberSlot } | { renew: true };

/**
 * The slot after `last` at wall-clock second `now` (epoch seconds); `stampOf` turns a second into
 * its store-local stamp. Same second: the counter grows. A later second: counter 0, provided its
 * stamp is later than the last one (a daylight-saving fall-back or a time-zone change can make it
 * earlier — then `renew`). Counter full: borrow the next second, so more than 1,000 orders a
 * second in one process run the stamps ahead of the clock until the rate drops. The clock behind
 * the latest second seen by up to ORDER_NUMBER_MAX_LEAD: go on counting on the last second; by
 * more (the clock was set back): `renew` rather than run ahead of real time.
 */
export function nextSlot(last: NumberSlot | null, now: number, stampOf: (second: number) => string): NextSlot {
  if (!last) return { slot: { second: now, stamp: stampOf(now), counter: 0, seen: now } };
  if (now < last.seen - ORDER_NUMBER_MAX_LEAD) return { renew: true };
  const seen = Math.max(now, last.seen);
  if (now <= last.second && last.counter + 1 < ORDER_NUMBER_PER_SECOND) return { slot: { ...last, counter: last.counter + 1, seen } };
  const second = Math.max(now, last.second + 1);
  const stamp = stampOf(second);
  if (stamp <= last.stamp) return { renew: true };
  return { slot: { second, stamp, counter: 0, seen } };
}

import { tzOffset } from '@date-fns/tz';
import { allocate } from '../platform/money.js';
import { Rng } from './random.js';

/**
 * The shop's year, as the demo generator sees it: the store days (in STORE_TIMEZONE) of the
 * history window, how busy each one is (the shopping festivals 618 and Double 11, the Spring
 * Festival lull, the weekly rhythm, a growing store) and when in the day people buy. Pure.
 */

export interface StoreDay {
  /** YYYY-MM-DD in the store's time zone. */
  key: string;
  y: number;
  m: number;
  d: number;
  /** 0 = Sunday. */
  dow: number;
  /** The instant the store day starts and the next one starts (ms since epoch). */
  start: number;
  end: number;
  /** Position in the window, 0 = the oldest day. */
  index: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The calendar date of an instant in the store's time zone. */
export function storeDateOf(at: Date | number, tz: string): { y: number; m: number; d: number } {
  const ms = typeof at === 'number' ? at : at.getTime();
  const local = new Date(ms + tzOffset(tz, new Date(ms)) * 60_000);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

/** The instant local midnight of y-m-d begins in `tz`. */
export function storeMidnight(y: number, m: number, d: number, tz: string): number {
  const naive = Date.UTC(y, m - 1, d);
  let guess = naive - tzOffset(tz, new Date(naive)) * 60_000;
  guess = naive - tzOffset(tz, new Date(guess)) * 60_000;
  return guess;
}

export function dayKey(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The `count` store days ending with the day `asOf` falls on (that day included, last). */
export function historyDays(asOf: Date, tz: string, count = 365): StoreDay[] {
  const end = storeDateOf(asOf, tz);
  const days: StoreDay[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const civil = new Date(Date.UTC(end.y, end.m - 1, end.d - i));
    const y = civil.getUTCFullYear();
    const m = civil.getUTCMonth() + 1;
    const d = civil.getUTCDate();
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    days.push({
      key: dayKey(y, m, d),
      y,
      m,
      d,
      dow: civil.getUTCDay(),
      start: storeMidnight(y, m, d, tz),
      end: storeMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), tz),
      index: count - 1 - i,
    });
  }
  return days;
}

// ── Spring Festival ──────────────────────────────────────────────────────────

/** 春节 (lunar new year's day) in the Gregorian calendar. */
const SPRING_FESTIVAL: Record<number, string> = {
  2020: '01-25', 2021: '02-12', 2022: '02-01', 2023: '01-22', 2024: '02-10', 2025: '01-29', 2026: '02-17',
  2027: '02-06', 2028: '01-26', 2029: '02-13', 2030: '02-03', 2031: '01-23', 2032: '02-11', 2033: '01-31',
  2034: '02-19', 2035: '02-08', 2036: '01-28', 2037: '02-15', 2038: '02-04', 2039: '01-24', 2040: '02-12',
};

/**
 * Lunar new year's day of `year` as a UTC civil date (ms). Outside the table, the first mean new
 * moon (China time) on or after 21 January: right to within a day, which is all a demo needs.
 */
export function springFestival(year: number): number {
  const known = SPRING_FESTIVAL[year];
  if (known) return Date.UTC(year, Number(known.slice(0, 2)) - 1, Number(known.slice(3)));
  return approximateSpringFestival(year);
}

/** The first mean new moon (China time) on or after 21 January of `year`. */
export function approximateSpringFestival(year: number): number {
  const synodic = 29.530588853 * DAY_MS;
  const reference = Date.UTC(2000, 0, 6, 18, 14) + 8 * HOUR_MS;
  const from = Date.UTC(year, 0, 21);
  const k = Math.ceil((from - reference) / synodic);
  const moon = new Date(reference + k * synodic);
  return Date.UTC(moon.getUTCFullYear(), moon.getUTCMonth(), moon.getUTCDate());
}

/** Days from the nearest Spring Festival (negative before it). */
export function daysFromSpringFestival(day: Pick<StoreDay, 'y' | 'm' | 'd'>): number {
  const civil = Date.UTC(day.y, day.m - 1, day.d);
  let best = Infinity;
  for (const y of [day.y - 1, day.y, day.y + 1]) {
    const diff = Math.round((civil - springFestival(y)) / DAY_MS);
    if (Math.abs(diff) < Math.abs(best)) best = diff;
  }
  return best;
}

/** The Spring Festival effect: stocking up for 年货节, then couriers and warehouses stop. */
function springFestivalFactor(offset: number): number {
  if (offset >= -25 && offset <= -8) return 1.25;
  if (offset >= -7 && offset <= -4) return [0.8, 0.68, 0.56, 0.45][offset + 7];
  if (offset >= -3 && offset <= 5) return offset === -1 || offset === 0 ? 0.26 : 0.34;
  if (offset >= 6 && offset <= 10) return [0.5, 0.6, 0.7, 0.8, 0.9][offset - 6];
  return 1;
}

// ── shopping festivals ───────────────────────────────────────────────────────

export type Festival = '618' | 'double11' | 'double12' | 'goddess' | '520' | '99';

/** The big day itself, if it is one (its hourly curve has a midnight rush). */
export function festivalOf(day: Pick<StoreDay, 'm' | 'd'>): Festival | null {
  const md = day.m * 100 + day.d;
  if (md === 618) return '618';
  if (md === 1111) return 'double11';
  if (md === 1212) return 'double12';
  if (md === 308) return 'goddess';
  if (md === 520) return '520';
  if (md === 909) return '99';
  return null;
}

/** How the festivals move a day: the presale run-up, the day itself, the tail. */
function festivalFactor(m: number, d: number): number {
  const md = m * 100 + d;
  // 618: starts 31 May 20:00, the first hour of 1 June and the 18th are the peaks.
  if (md === 618) return 9;
  if (md === 617) return 2.2;
  if (md === 616) return 1.6;
  if (md === 601) return 2.3;
  if (md > 601 && md < 616) return 1.35;
  if (md === 619) return 1.4;
  if (md === 620) return 1.15;
  // Double 11: presale from late October, the 11th dwarfs everything.
  if (md === 1111) return 11;
  if (md === 1110) return 2.4;
  if (md === 1101) return 2.2;
  if (md > 1101 && md < 1110) return 1.5;
  if (md === 1031) return 1.8;
  if (md >= 1020 && md < 1031) return 1.2;
  if (md === 1112) return 1.6;
  if (md > 1112 && md <= 1115) return 1.15;
  if (md === 1212) return 3.2;
  if (md === 1211) return 1.3;
  if (md === 308) return 2.2;
  if (md === 307) return 1.4;
  if (md === 520) return 1.5;
  if (md === 909) return 1.8;
  if (md === 101) return 1.3;
  if (md === 214) return 1.3;
  return 1;
}

const WEEKDAY = [1.12, 0.96, 0.95, 0.97, 0.98, 1.04, 1.14];
const MONTH = [0.95, 0.9, 1, 0.95, 1, 1.05, 0.92, 0.95, 1, 1, 1.1, 1.08];

/**
 * How busy a store day is, relative to an ordinary weekday. `position` (0…1) is how far into the
 * window the day lies: the demo store grows over its year. `noise` comes from the day's own stream.
 */
export function dayWeight(day: StoreDay, position: number, noise = 0): number {
  return (
    WEEKDAY[day.dow] *
    MONTH[day.m - 1] *
    (0.85 + 0.3 * position) *
    festivalFactor(day.m, day.d) *
    springFestivalFactor(daysFromSpringFestival(day)) *
    Math.exp(0.08 * noise)
  );
}

/** Day weights of a window, each with its own noise from the seed (pure: same seed, same weights). */
export function dayWeights(days: readonly StoreDay[], seed: number): number[] {
  const root = new Rng(seed).fork('calendar');
  const span = Math.max(1, days.length - 1);
  return days.map((day) => dayWeight(day, day.index / span, root.fork(day.key).normal()));
}

// ── hours ────────────────────────────────────────────────────────────────────

/** Orders per hour on an ordinary day: asleep at 4, lunch, the evening peak at 21. */
const HOURS = [2.2, 1.2, 0.6, 0.3, 0.2, 0.25, 0.5, 1, 1.6, 2.2, 3, 3.2, 3.4, 3.2, 3.1, 3.2, 3.3, 3.2, 3.4, 3.8, 4.6, 5, 4.6, 3.4];
/** On 618 and Double 11 the first hours after midnight and the 20:00 wave carry the day. */
const FESTIVAL_HOURS = [16, 7, 2.5, 0.8, 0.4, 0.4, 0.7, 1.2, 2, 2.6, 3.2, 3.4, 3.6, 3.4, 3.3, 3.4, 3.5, 3.4, 3.6, 4.2, 9, 6.5, 5.2, 4];

export function hourWeights(day: Pick<StoreDay, 'm' | 'd'>): readonly number[] {
  const f = festivalOf(day);
  return f === '618' || f === 'double11' ? FESTIVAL_HOURS : HOURS;
}

/** The share of a day's orders placed before `cutoff` (1 for days already over). */
export function dayFractionBefore(day: StoreDay, cutoff: number): number {
  if (cutoff >= day.end) return 1;
  if (cutoff <= day.start) return 0;
  const hours = hourWeights(day);
  const at = ((cutoff - day.start) / (day.end - day.start)) * 24;
  let before = 0;
  let total = 0;
  for (let h = 0; h < 24; h++) {
    total += hours[h];
    before += hours[h] * Math.min(1, Math.max(0, at - h));
  }
  return before / total;
}

/** `n` instants in the day, sorted, following the hourly curve, all before `cutoff`. */
export function sampleTimes(day: StoreDay, n: number, rng: Rng, cutoff = Infinity): number[] {
  const hours = hourWeights(day);
  const len = day.end - day.start;
  const limit = Math.min(1, (cutoff - day.start) / len) * 24;
  const weights = hours.map((w, h) => w * Math.min(1, Math.max(0, limit - h)));
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = rng.weighted(weights);
    const within = Math.min(1, limit - h) * rng.next();
    out.push(day.start + Math.floor(((h + within) / 24) * len));
  }
  return out.sort((a, b) => a - b);
}

/**
 * Orders per day: `total` spread over the window in proportion to the day weights (today's
 * weight cut to the part of the day already past), exact integers that add up to `total`.
 */
export function dailyOrderCounts(days: readonly StoreDay[], total: number, seed: number, asOf = Infinity): number[] {
  const weights = dayWeights(days, seed).map((w, i) => w * dayFractionBefore(days[i], asOf));
  return allocate(total, weights);
}

/** Whether the warehouse ships on this day (closed over the Spring Festival holiday). */
export function warehouseOpen(day: Pick<StoreDay, 'y' | 'm' | 'd'>): boolean {
  const offset = daysFromSpringFestival(day);
  return offset < -2 || offset > 5;
}

export { DAY_MS, HOUR_MS };

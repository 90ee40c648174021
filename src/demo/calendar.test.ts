import { describe, expect, it } from 'vitest';
import {
  approximateSpringFestival,
  dailyOrderCounts,
  dayFractionBefore,
  daysFromSpringFestival,
  festivalOf,
  historyDays,
  sampleTimes,
  springFestival,
  warehouseOpen,
} from './calendar.js';
import { DEMO_SEED, DEFAULT_ORDERS } from './generate.js';
import { Rng } from './random.js';

const TZ = 'Asia/Shanghai';
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe('demo calendar: the date distribution of a full-size year (pure, no database)', () => {
  const ends = ['2026-11-25T04:00:00Z', '2027-03-01T04:00:00Z', '2028-07-10T04:00:00Z', '2030-01-15T04:00:00Z', '2031-02-20T04:00:00Z', new Date().toISOString()];

  it.each(ends)('the year ending %s: 618 and Double 11 ≥ 5× the median day, the Spring Festival week below it', (end) => {
    const days = historyDays(new Date(end), TZ);
    const counts = dailyOrderCounts(days, DEFAULT_ORDERS, DEMO_SEED);
    expect(days).toHaveLength(365);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(DEFAULT_ORDERS);
    const med = median(counts);
    const on = (m: number, d: number) => counts[days.findIndex((x) => x.m === m && x.d === d)];
    expect(on(6, 18)).toBeGreaterThanOrEqual(5 * med);
    expect(on(11, 11)).toBeGreaterThanOrEqual(5 * med);
    const festivalWeek = days.map((day, i) => ({ day, n: counts[i] })).filter(({ day }) => Math.abs(daysFromSpringFestival(day)) <= 3);
    if (festivalWeek.length > 0) for (const { n } of festivalWeek) expect(n).toBeLessThan(med);
  });

  it('has a weekly rhythm (weekends busier than midweek) and a growing store', () => {
    const days = historyDays(new Date('2026-11-25T04:00:00Z'), TZ);
    const counts = dailyOrderCounts(days, DEFAULT_ORDERS, DEMO_SEED);
    const plain = days.map((d, i) => ({ d, n: counts[i] })).filter(({ d }) => !festivalOf(d) && Math.abs(daysFromSpringFestival(d)) > 30 && d.m !== 6 && d.m !== 11);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const weekend = avg(plain.filter(({ d }) => d.dow === 0 || d.dow === 6).map((x) => x.n));
    const midweek = avg(plain.filter(({ d }) => d.dow === 2 || d.dow === 3).map((x) => x.n));
    expect(weekend).toBeGreaterThan(midweek * 1.1);
    expect(avg(counts.slice(-60))).toBeGreaterThan(avg(counts.slice(30, 90)));
  });

  it('ends on the store day of asOf in STORE_TIMEZONE, and counts only the part of today already past', () => {
    // 17:00 UTC on the 25th is already 01:00 on the 26th in Shanghai.
    const asOf = new Date('2026-11-25T17:00:00Z');
    const days = historyDays(asOf, TZ);
    expect(days.at(-1)!.key).toBe('2026-11-26');
    expect(days[0].key).toBe('2025-11-27');
    expect(days.at(-1)!.start).toBe(Date.parse('2026-11-25T16:00:00Z'));
    expect(historyDays(asOf, 'America/New_York').at(-1)!.key).toBe('2026-11-25');
    const fraction = dayFractionBefore(days.at(-1)!, asOf.getTime());
    expect(fraction).toBeGreaterThan(0);
    expect(fraction).toBeLessThan(0.06);
    const today = dailyOrderCounts(days, DEFAULT_ORDERS, DEMO_SEED, asOf.getTime()).at(-1)!;
    const full = dailyOrderCounts(days, DEFAULT_ORDERS, DEMO_SEED).at(-1)!;
    expect(today).toBeLessThan(full / 5);
    const times = sampleTimes(days.at(-1)!, 50, new Rng(1), asOf.getTime());
    expect(times.every((t) => t >= days.at(-1)!.start && t < asOf.getTime())).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('knows the Spring Festival (table), and its fallback agrees within a day', () => {
    expect(new Date(springFestival(2026)).toISOString().slice(0, 10)).toBe('2026-02-17');
    expect(new Date(springFestival(2027)).toISOString().slice(0, 10)).toBe('2027-02-06');
    for (let y = 2020; y <= 2040; y++) expect(Math.abs(approximateSpringFestival(y) - springFestival(y))).toBeLessThanOrEqual(86_400_000);
    expect(warehouseOpen({ y: 2026, m: 2, d: 17 })).toBe(false);
    expect(warehouseOpen({ y: 2026, m: 3, d: 2 })).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const days = historyDays(new Date('2026-11-25T04:00:00Z'), TZ);
    expect(dailyOrderCounts(days, 1000, 7)).toEqual(dailyOrderCounts(days, 1000, 7));
    expect(dailyOrderCounts(days, 1000, 7)).not.toEqual(dailyOrderCounts(days, 1000, 8));
  });
});

import { describe, expect, it } from 'vitest';
import { lastStoreDays, sameTimeDaysBefore, storeDayOf } from './store-day.js';
import { averageOrderValue, relativeChange } from './logic/change.js';

const iso = (d: Date) => d.toISOString();

describe('store days', () => {
  it('puts an instant in the calendar day of the store zone (Asia/Shanghai is UTC+8)', () => {
    const day = storeDayOf(new Date('2026-03-01T16:30:00Z'), 'Asia/Shanghai');
    expect(day.date).toBe('2026-03-02');
    expect(iso(day.start)).toBe('2026-03-01T16:00:00.000Z');
    expect(iso(day.end)).toBe('2026-03-02T16:00:00.000Z');
    expect(storeDayOf(new Date('2026-03-01T15:59:59.999Z'), 'Asia/Shanghai').date).toBe('2026-03-01');
    expect(storeDayOf(new Date('2026-03-01T16:30:00Z'), 'UTC').date).toBe('2026-03-01');
  });

  it('moves by calendar days across month and year ends', () => {
    expect(storeDayOf(new Date('2026-03-01T16:30:00Z'), 'Asia/Shanghai', -1).date).toBe('2026-03-01');
    expect(storeDayOf(new Date('2026-03-01T16:30:00Z'), 'Asia/Shanghai', -2).date).toBe('2026-02-28');
    expect(storeDayOf(new Date('2025-12-31T16:30:00Z'), 'Asia/Shanghai').date).toBe('2026-01-01');
    expect(storeDayOf(new Date('2025-12-31T16:30:00Z'), 'Asia/Shanghai', -1).date).toBe('2025-12-31');
    expect(lastStoreDays(new Date('2026-03-01T16:30:00Z'), 'Asia/Shanghai', 3).map((d) => d.date)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('has 23- and 25-hour days where daylight saving changes', () => {
    const spring = storeDayOf(new Date('2026-03-08T12:00:00Z'), 'America/New_York');
    expect([iso(spring.start), iso(spring.end)]).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    const autumn = storeDayOf(new Date('2026-11-01T12:00:00Z'), 'America/New_York');
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });

  it('finds yesterday at the same wall-clock time, inside yesterday', () => {
    expect(iso(sameTimeDaysBefore(new Date('2026-03-02T04:00:00Z'), 'Asia/Shanghai', 1))).toBe('2026-03-01T04:00:00.000Z');
    // New York: 10:00 on the spring-change day is 23 h after 10:00 the day before, not 24.
    expect(iso(sameTimeDaysBefore(new Date('2026-03-09T14:00:00Z'), 'America/New_York', 1))).toBe('2026-03-08T14:00:00.000Z');
    expect(iso(sameTimeDaysBefore(new Date('2026-03-08T14:00:00Z'), 'America/New_York', 1))).toBe('2026-03-07T15:00:00.000Z');
  });

  it('computes relative change and AOV without dividing by zero', () => {
    expect(relativeChange(150, 100)).toBe(0.5);
    expect(relativeChange(0, 100)).toBe(-1);
    expect(relativeChange(1, 3)).toBe(-0.6667);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(null, 5)).toBeNull();
    expect(averageOrderValue(1000, 3)).toBe(333);
    expect(averageOrderValue(1001, 2)).toBe(501);
    expect(averageOrderValue(0, 0)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_POINTS_POLICY as P, earnFor, expiresAt, keptShare, takeFromLots } from './policy.js';

describe('points policy', () => {
  it('earns per whole yuan of goods paid, times a member multiplier, rounded down', () => {
    expect(earnFor(12_999, P)).toBe(129);
    expect(earnFor(99, P)).toBe(0);
    expect(earnFor(12_999, P, 15_000)).toBe(193);
    expect(earnFor(12_999, { ...P, enabled: false })).toBe(0);
    expect(earnFor(-5, P)).toBe(0);
  });

  it('keeps the share of points that stays paid, never more than given', () => {
    expect(keptShare(129, 6000, 12_000)).toBe(64);
    expect(keptShare(129, 0, 12_000)).toBe(0);
    expect(keptShare(129, 12_000, 12_000)).toBe(129);
    expect(keptShare(129, 99_999, 12_000)).toBe(129);
    expect(keptShare(129, 100, 0)).toBe(0);
  });

  it('expires at the end of the following year in the store’s zone', () => {
    // 2026-12-31 20:00 UTC is already 2027-01-01 in Shanghai: credited in 2027, valid through 2028.
    expect(expiresAt(new Date('2026-12-31T20:00:00Z'), P, 'Asia/Shanghai')?.toISOString()).toBe('2028-12-31T16:00:00.000Z');
    expect(expiresAt(new Date('2026-12-31T20:00:00Z'), P, 'UTC')?.toISOString()).toBe('2028-01-01T00:00:00.000Z');
    expect(expiresAt(new Date('2026-01-01T00:00:00Z'), { ...P, expiry: { kind: 'afterDays', days: 30 } }, 'UTC')?.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(expiresAt(new Date(), { ...P, expiry: { kind: 'never' } }, 'UTC')).toBeNull();
  });

  it('takes from the soonest lots first, as far as they go', () => {
    const lots = [{ id: 'a', remaining: 30 }, { id: 'b', remaining: 0 }, { id: 'c', remaining: 50 }];
    expect(takeFromLots(lots, 60)).toEqual([{ id: 'a', take: 30 }, { id: 'c', take: 30 }]);
    expect(takeFromLots(lots, 500)).toEqual([{ id: 'a', take: 30 }, { id: 'c', take: 50 }]);
    expect(takeFromLots(lots, 0)).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../../platform/money.js';
import { allocateWithinRemaining, unitsShare } from './allocation.js';

describe('allocateWithinRemaining', () => {
  it('matches allocate on ordinary numbers', () => {
    expect(allocateWithinRemaining(100, [100, 200])).toEqual(allocate(100, [100, 200]));
    expect(allocateWithinRemaining(0, [0, 0])).toEqual([0, 0]);
    expect(allocateWithinRemaining(300, [100, 200])).toEqual([100, 200]);
  });

  it('refuses more than there is room for, or a negative total', () => {
    expect(() => allocateWithinRemaining(301, [100, 200])).toThrow(RangeError);
    expect(() => allocateWithinRemaining(-1, [100, 200])).toThrow(RangeError);
  });

  it('never exceeds a line, even where floating point loses precision (property)', () => {
    const big = fc.integer({ min: 0, max: 2 ** 50 });
    fc.assert(
      fc.property(fc.array(big, { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), (remaining, fraction) => {
        const room = remaining.reduce((a, b) => a + b, 0);
        const total = Math.min(room, Math.floor(room * fraction));
        const parts = allocateWithinRemaining(total, remaining);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) => {
          expect(Number.isSafeInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(remaining[i]);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('is exact when a huge share is one unit short of a line', () => {
    const remaining = [2 ** 50, 2 ** 50 - 1, 3];
    const total = remaining.reduce((a, b) => a + b, 0) - 1;
    const parts = allocateWithinRemaining(total, remaining);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    parts.forEach((p, i) => expect(p).toBeLessThanOrEqual(remaining[i]));
  });
});

describe('unitsShare', () => {
  it('equals the prefix sums of allocate over equal units (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 40 }), (total, quantity) => {
        const perUnit = allocate(total, Array.from({ length: quantity }, () => 1));
        let prefix = 0;
        for (let units = 0; units <= quantity; units++) {
          expect(unitsShare(total, quantity, units)).toBe(prefix);
          prefix += perUnit[units] ?? 0;
        }
      }),
    );
  });

  it('is exact near the largest safe integer', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(unitsShare(max, 2, 1)).toBe(Number((BigInt(max) + 1n) / 2n));
    expect(unitsShare(max, 2, 2)).toBe(max);
    expect(unitsShare(max, 3, 3)).toBe(max);
    expect(unitsShare(max - 1, 7, 1)).toBe(Number((BigInt(max - 1) + 6n) / 7n));
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatOrderNumber,
  localStamp,
  nextSlot,
  ORDER_NUMBER_MAX_LEAD,
  ORDER_NUMBER_PATTERN,
  parseOrderNumber,
  type NumberSlot,
} from './order-number.js';

const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const stampIn = (tz: string) => (s: number) => localStamp(s * 1000, tz);

describe('order number format', () => {
  it('is the store-local stamp, the worker and the counter: 14 + 3 + 3 digits', () => {
    const n = formatOrderNumber({ stamp: '20261202113402', worker: 47, counter: 12 });
    expect(n).toBe('20261202113402047012');
    expect(n).toMatch(ORDER_NUMBER_PATTERN);
    expect(parseOrderNumber(n)).toEqual({ stamp: '20261202113402', worker: 47, counter: 12 });
    expect(formatOrderNumber({ stamp: '20261231235959', worker: 999, counter: 999 })).toBe('20261231235959999999');
    expect(formatOrderNumber({ stamp: '20260101000000', worker: 0, counter: 0 })).toBe('20260101000000000000');
  });

  it('refuses parts that would change its length', () => {
    expect(() => formatOrderNumber({ stamp: '2026120211340', worker: 1, counter: 1 })).toThrow(RangeError);
    expect(() => formatOrderNumber({ stamp: '20261202113402', worker: 1000, counter: 1 })).toThrow(RangeError);
    expect(() => formatOrderNumber({ stamp: '20261202113402', worker: 1, counter: 1000 })).toThrow(RangeError);
    expect(() => formatOrderNumber({ stamp: '20261202113402', worker: -1, counter: 1 })).toThrow(RangeError);
    expect(parseOrderNumber('2026120211340204701')).toBeNull();
    expect(parseOrderNumber('2026120211340204701x')).toBeNull();
  });

  it('stamps in the store time zone', () => {
    expect(localStamp(Date.parse('2026-12-02T03:34:02.900Z'), SHANGHAI)).toBe('20261202113402');
    expect(localStamp(Date.parse('2026-12-31T16:00:00Z'), SHANGHAI)).toBe('20270101000000');
    expect(localStamp(Date.parse('2026-12-02T03:34:02Z'), 'UTC')).toBe('20261202033402');
  });

  it('sorts like its parts: by time, then worker, then counter', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z') }), fc.nat(999), fc.nat(999)),
        fc.tuple(fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z') }), fc.nat(999), fc.nat(999)),
        (a, b) => {
          const na = formatOrderNumber({ stamp: localStamp(a[0] * 1000, SHANGHAI), worker: a[1], counter: a[2] });
          const nb = formatOrderNumber({ stamp: localStamp(b[0] * 1000, SHANGHAI), worker: b[1], counter: b[2] });
          const cmp = (x: number[], y: number[]) => x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
          expect(Math.sign(na.localeCompare(nb))).toBe(Math.sign(cmp(a, b)));
        },
      ),
    );
  });
});

describe('nextSlot: one worker never repeats a number', () => {
  const s0 = at('2026-12-02T03:34:02Z');
  const stamp = stampIn(SHANGHAI);

  it('starts at counter 0, counts within the second, restarts at 0 in the next', () => {
    let last: NumberSlot | null = null;
    const take = (now: number) => {
      const r = nextSlot(last, now, stamp);
      if (!('slot' in r)) throw new Error('renewed');
      last = r.slot;
      return formatOrderNumber({ stamp: r.slot.stamp, worker: 7, counter: r.slot.counter });
    };
    expect(take(s0)).toBe('20261202113402007000');
    expect(take(s0)).toBe('20261202113402007001');
    expect(take(s0 + 3)).toBe('20261202113405007000');
  });

  it('borrows the next second when the counter is full, and keeps counting there when the clock catches up', () => {
    let last: NumberSlot = { second: s0, stamp: stamp(s0), counter: 998, seen: s0 };
    const r1 = nextSlot(last, s0, stamp);
    expect(r1).toEqual({ slot: { second: s0, stamp: '20261202113402', counter: 999, seen: s0 } });
    last = (r1 as { slot: NumberSlot }).slot;
    const r2 = nextSlot(last, s0, stamp);
    expect(r2).toEqual({ slot: { second: s0 + 1, stamp: '20261202113403', counter: 0, seen: s0 } });
    // The clock reaches the borrowed second: that second goes on from where it is.
    expect(nextSlot((r2 as { slot: NumberSlot }).slot, s0 + 1, stamp)).toEqual({ slot: { second: s0 + 1, stamp: '20261202113403', counter: 1, seen: s0 + 1 } });
  });

  it('borrows as far ahead as the rate needs without mistaking its own lead for a clock set back', () => {
    let last: NumberSlot | null = null;
    for (let i = 0; i < 20_000; i++) {
      const r = nextSlot(last, s0, stamp);
      if (!('slot' in r)) throw new Error(`renewed after ${i}`);
      last = r.slot;
    }
    expect(last).toEqual({ second: s0 + 19, stamp: stamp(s0 + 19), counter: 999, seen: s0 });
  });

  it('keeps counting on its last second when the clock steps back a little, renews when it steps back more', () => {
    const last: NumberSlot = { second: s0, stamp: stamp(s0), counter: 4, seen: s0 };
    expect(nextSlot(last, s0 - 2, stamp)).toEqual({ slot: { ...last, counter: 5 } });
    expect(nextSlot(last, s0 - ORDER_NUMBER_MAX_LEAD, stamp)).toEqual({ slot: { ...last, counter: 5 } });
    expect(nextSlot(last, s0 - ORDER_NUMBER_MAX_LEAD - 1, stamp)).toEqual({ renew: true });
  });

  it('renews when store-local time goes back: the daylight-saving fall-back hour', () => {
    const ny = stampIn('America/New_York');
    // 2026-11-01 01:59:59 EDT is 05:59:59Z; one second later it is 01:00:00 EST.
    const before = at('2026-11-01T05:59:59Z');
    expect(ny(before)).toBe('20261101015959');
    expect(ny(before + 1)).toBe('20261101010000');
    const last: NumberSlot = { second: before, stamp: ny(before), counter: 0, seen: before };
    expect(nextSlot(last, before + 1, ny)).toEqual({ renew: true });
    // A fresh worker starts in the repeated hour as usual.
    expect(nextSlot(null, before + 1, ny)).toEqual({ slot: { second: before + 1, stamp: '20261101010000', counter: 0, seen: before + 1 } });
  });

  it('renews when the store moves to a time zone behind the old one', () => {
    const last: NumberSlot = { second: s0, stamp: stamp(s0), counter: 0, seen: s0 };
    expect(nextSlot(last, s0 + 1, stampIn('UTC'))).toEqual({ renew: true });
    // Ahead is fine: the stamps jump forward.
    expect(nextSlot(last, s0 + 1, stampIn('Asia/Tokyo'))).toEqual({ slot: { second: s0 + 1, stamp: '20261202123403', counter: 0, seen: s0 + 1 } });
  });

  it('gives strictly increasing numbers for any run of calls and clock readings (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 2 }), { minLength: 1, maxLength: 3000 }), (steps) => {
        let now = s0;
        let last: NumberSlot | null = null;
        let prev = '';
        for (const d of steps) {
          // Mostly the same second, sometimes forward, sometimes a small step back.
          now += d > 0 ? d : d === -3 ? -1 : 0;
          const r = nextSlot(last, now, stamp);
          if (!('slot' in r)) {
            last = null;
            prev = '';
            continue;
          }
          last = r.slot;
          const n = formatOrderNumber({ stamp: r.slot.stamp, worker: 1, counter: r.slot.counter });
          expect(n > prev).toBe(true);
          prev = n;
        }
      }),
    );
  });
});

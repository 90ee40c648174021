import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { counted, delayAfter, retryAfterSeconds, waitMs, type AttemptState, type BackoffRule } from './backoff.js';
import { addressKey } from './sign-in/address.js';
import { MemoryAttemptLog } from './throttle.js';

const rule: BackoffRule = { key: 'k', free: 3, baseMs: 1000, maxMs: 60_000, forgetMs: 3_600_000 };

describe('platform: growing delays (backoff)', () => {
  it('lets the free attempts through back to back, then doubles the wait up to the ceiling', () => {
    expect([0, 1, 2].map((n) => delayAfter(n, rule))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6, 7, 8, 9, 20].map((n) => delayAfter(n, rule))).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('counts from the last attempt, and forgets a key left alone for forgetMs', () => {
    let s: AttemptState | undefined;
    for (let i = 0; i < 4; i++) s = counted(s, rule, 10_000);
    expect(s).toEqual({ count: 4, lastAt: 10_000 });
    expect(waitMs(s, rule, 10_500)).toBe(1500);
    expect(waitMs(s, rule, 12_000)).toBe(0);
    expect(waitMs(s, rule, 10_000 + rule.forgetMs)).toBe(0);
    expect(counted(s, rule, 10_000 + rule.forgetMs)).toEqual({ count: 1, lastAt: 10_000 + rule.forgetMs });
  });

  it('never lets more than the free attempts through at one instant, whatever the history', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.integer({ min: 1, max: 100 }), (history, burst) => {
        let s: AttemptState | undefined;
        for (let i = 0; i < history; i++) s = counted(s, rule, 0);
        let through = 0;
        for (let i = 0; i < burst; i++) {
          if (waitMs(s, rule, 1) === 0) {
            s = counted(s, rule, 1);
            through++;
          }
        }
        return through === Math.min(burst, Math.max(rule.free - history, 0));
      }),
    );
  });

  it('says at least one second in Retry-After', () => {
    expect([1, 999, 1000, 1001].map(retryAfterSeconds)).toEqual([1, 1, 1, 2]);
  });

  it('checks and counts every rule in one step in memory, and counts nothing when refused', async () => {
    const log = new MemoryAttemptLog();
    const a = { ...rule, key: 'a', free: 1 };
    const b = { ...rule, key: 'b', free: 5 };
    const results = await Promise.all(Array.from({ length: 10 }, () => log.take([a, b], 0)));
    expect(results.filter((w) => w === 0)).toHaveLength(1);
    expect(results.filter((w) => w === 1000)).toHaveLength(9);
    // b was counted once only (the refused attempts left it alone): 4 more go through once a is released.
    await log.clear(['a']);
    expect(await Promise.all(Array.from({ length: 5 }, () => log.take([b], 0)))).toEqual([0, 0, 0, 0, 1000]);
    await log.release('b');
    expect(await log.take([b], 0)).toBe(0);
  });
});

describe('platform: the address a throttle counts by', () => {
  it('is the IPv4 address, or the /64 of an IPv6 one', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:db8:aa:bb::9')).toBe(addressKey('2001:0db8:00aa:00bb:ffff::1'));
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('2001:db8:aa:bc::1')).not.toBe(addressKey('2001:db8:aa:bb::1'));
  });
});

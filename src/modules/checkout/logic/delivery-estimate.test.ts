import { describe, expect, it } from 'vitest';
import { estimatedDelivery, msUntilNextDay } from './delivery-estimate.js';

describe('estimatedDelivery', () => {
  it('adds the days to the store’s calendar day', () => {
    expect(estimatedDelivery(new Date('2026-12-02T10:00:00Z'), 3, 'Asia/Shanghai')).toEqual({ year: 2026, month: 12, day: 5 });
    expect(estimatedDelivery(new Date('2026-12-02T10:00:00Z'), 0, 'Asia/Shanghai')).toEqual({ year: 2026, month: 12, day: 2 });
  });

  it('counts from the store’s day, not UTC’s', () => {
    // 17:00 UTC is already 01:00 on the 3rd in Shanghai, still the 2nd in New York.
    expect(estimatedDelivery(new Date('2026-12-02T17:00:00Z'), 2, 'Asia/Shanghai')).toEqual({ year: 2026, month: 12, day: 5 });
    expect(estimatedDelivery(new Date('2026-12-02T17:00:00Z'), 2, 'America/New_York')).toEqual({ year: 2026, month: 12, day: 4 });
  });

  it('rolls over months and years', () => {
    expect(estimatedDelivery(new Date('2026-12-30T02:00:00Z'), 3, 'Asia/Shanghai')).toEqual({ year: 2027, month: 1, day: 2 });
    expect(estimatedDelivery(new Date('2028-02-27T02:00:00Z'), 2, 'Asia/Shanghai')).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe('msUntilNextDay', () => {
  it('is the time left until the store’s midnight', () => {
    // 22:30 in Shanghai.
    expect(msUntilNextDay(new Date('2026-12-02T14:30:00Z'), 'Asia/Shanghai')).toBe(90 * 60_000);
    expect(msUntilNextDay(new Date('2026-12-02T16:00:00Z'), 'Asia/Shanghai')).toBe(86_400_000);
  });
});

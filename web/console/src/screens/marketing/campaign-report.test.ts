import { describe, expect, it } from 'vitest';
import { dailySeries } from './campaign-report';

describe('campaign report: the by-day series', () => {
  it('fills the window up to today with zero days around the days that had orders', () => {
    const s = dailySeries([{ day: '2026-06-02', orders: 3, gmv: 900 }], { first: '2026-06-01', last: '2026-06-18' }, '2026-06-04');
    expect(s.map((d) => d.day)).toEqual(['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04']);
    expect(s.map((d) => d.orders)).toEqual([0, 3, 0, 0]);
  });

  it('reaches orders paid outside the window (a link clicked before it started, or after it ended)', () => {
    const s = dailySeries(
      [{ day: '2026-05-30', orders: 1, gmv: 100 }, { day: '2026-06-25', orders: 2, gmv: 200 }],
      { first: '2026-06-01', last: '2026-06-18' },
      '2026-07-01',
    );
    expect(s[0]).toEqual({ day: '2026-05-30', orders: 1, gmv: 100 });
    expect(s.at(-1)).toEqual({ day: '2026-06-25', orders: 2, gmv: 200 });
    expect(s).toHaveLength(27);
  });

  it('is empty for a campaign that has not started and has no orders, and keeps the latest days only', () => {
    expect(dailySeries([], { first: '2027-01-10', last: '2027-01-13' }, '2026-12-04')).toEqual([]);
    expect(dailySeries([], { first: '2026-01-01', last: '2026-12-31' }, '2026-12-31', 30)).toHaveLength(30);
  });
});

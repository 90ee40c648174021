import { describe, expect, it } from 'vitest';
import { campaignState, countdownTarget, nextOccurrence } from './recurrence.js';
import { channelLinks, channelOf, dayIn, leversOf, roiOf, summarize, type AttributedOrder } from './report.js';

const d = (s: string) => new Date(s);
const TZ = 'Asia/Shanghai';

describe('campaign recurrence (member day on the 18th)', () => {
  const window = { startsAt: d('2026-01-01T00:00:00+08:00'), endsAt: d('2026-12-31T00:00:00+08:00') };
  const r = { monthDay: 18 };

  it('the next occurrence is the 18th from local midnight for a day; during it, it is live', () => {
    expect(nextOccurrence(window, r, d('2026-03-05T10:00:00+08:00'), TZ)).toEqual({ startsAt: d('2026-03-18T00:00:00+08:00'), endsAt: d('2026-03-19T00:00:00+08:00') });
    expect(campaignState(window, r, d('2026-03-05T10:00:00+08:00'), TZ).state).toBe('upcoming');
    const during = campaignState(window, r, d('2026-03-18T23:59:00+08:00'), TZ);
    expect(during).toEqual({ state: 'live', occurrence: { startsAt: d('2026-03-18T00:00:00+08:00'), endsAt: d('2026-03-19T00:00:00+08:00') } });
    expect(nextOccurrence(window, r, d('2026-03-19T00:00:00+08:00'), TZ)?.startsAt).toEqual(d('2026-04-18T00:00:00+08:00'));
  });

  it('hours shorten each occurrence; December rolls into January; the window cuts it', () => {
    expect(nextOccurrence(window, { monthDay: 18, hours: 12 }, d('2026-03-18T12:00:00+08:00'), TZ)?.startsAt).toEqual(d('2026-04-18T00:00:00+08:00'));
    const yearly = { startsAt: d('2026-12-20T00:00:00+08:00'), endsAt: d('2027-01-18T08:00:00+08:00') };
    expect(nextOccurrence(yearly, r, d('2026-12-20T00:00:00+08:00'), TZ)).toEqual({ startsAt: d('2027-01-18T00:00:00+08:00'), endsAt: d('2027-01-18T08:00:00+08:00') });
    expect(nextOccurrence(yearly, r, d('2027-01-18T09:00:00+08:00'), TZ)).toBeNull();
    expect(campaignState(yearly, r, d('2027-01-18T09:00:00+08:00'), TZ).state).toBe('ended');
  });

  it('an occurrence started before the window opens only from the window start; none after the last', () => {
    const mid = { startsAt: d('2026-05-18T12:00:00+08:00'), endsAt: d('2026-05-30T00:00:00+08:00') };
    expect(nextOccurrence(mid, r, d('2026-05-01T00:00:00+08:00'), TZ)).toEqual({ startsAt: mid.startsAt, endsAt: d('2026-05-19T00:00:00+08:00') });
    expect(nextOccurrence(mid, r, d('2026-05-20T00:00:00+08:00'), TZ)).toBeNull();
  });

  it('a one-off campaign: upcoming, live, ended; the countdown counts to the start, then to the end', () => {
    const w = { startsAt: d('2026-06-01T00:00:00Z'), endsAt: d('2026-06-19T00:00:00Z') };
    expect(campaignState(w, null, d('2026-05-31T00:00:00Z'), TZ).state).toBe('upcoming');
    expect(campaignState(w, null, d('2026-06-01T00:00:00Z'), TZ).state).toBe('live');
    expect(campaignState(w, null, d('2026-06-19T00:00:00Z'), TZ).state).toBe('ended');
    expect(countdownTarget(w, null, 'upcoming')).toEqual(w.startsAt);
    expect(countdownTarget(w, null, 'live')).toEqual(w.endsAt);
    expect(countdownTarget(w, null, 'ended')).toBeNull();
  });
});

describe('campaign report arithmetic', () => {
  const o = (channel: string, gmv: number, discount: number, refunded: number, firstPaid: boolean, storeDay: string): AttributedOrder => ({ channel, gmv, discount, refunded, firstPaid, storeDay });

  it('adds up totals, channels (most GMV first) and days (oldest first); ROI over discount and budget', () => {
    const r = summarize([o('kol', 7000, 0, 0, true, '2026-06-02'), o('kol', 12000, 0, 6000, false, '2026-06-01'), o('email', 6000, 1000, 0, true, '2026-06-02'), o('direct', 6000, 1000, 0, false, '2026-06-02')], 5000);
    expect(r.totals).toEqual({ orders: 4, gmv: 31000, discount: 2000, refunded: 6000, newCustomers: 2, budget: 5000, roi: Math.round((25000 / 7000) * 100) / 100 });
    expect(r.byChannel.map((c) => [c.channel, c.orders, c.gmv, c.refunded, c.newCustomers])).toEqual([['kol', 2, 19000, 6000, 1], ['direct', 1, 6000, 0, 0], ['email', 1, 6000, 0, 1]]);
    expect(r.byDay).toEqual([{ day: '2026-06-01', orders: 1, gmv: 12000 }, { day: '2026-06-02', orders: 3, gmv: 19000 }]);
  });

  it('no cost, no ROI; a refund never counts above what was paid; order of input does not matter', () => {
    expect(roiOf(1000, 0, 0, null)).toBeNull();
    expect(roiOf(1000, 0, 0, 0)).toBeNull();
    expect(roiOf(1000, 500, 250, null)).toBe(2);
    expect(summarize([o('kol', 100, 0, 500, false, '2026-01-01')], null).totals.refunded).toBe(100);
    const xs = [o('a', 1, 0, 0, false, '2026-01-02'), o('b', 1, 0, 0, true, '2026-01-01'), o('a', 5, 1, 0, false, '2026-01-01')];
    expect(summarize(xs, 10)).toEqual(summarize([...xs].reverse(), 10));
    expect(summarize([], null)).toEqual({ totals: { orders: 0, gmv: 0, discount: 0, refunded: 0, newCustomers: 0, budget: null, roi: null }, byChannel: [], byDay: [] });
  });

  it('channel, levers, day and links', () => {
    expect(channelOf({ source: 'kol' })).toBe('kol');
    expect(channelOf(null)).toBe('direct');
    expect(channelOf({})).toBe('direct');
    const coupons = new Map([['c1', 'tpl1']]);
    expect(leversOf([{ source: 'thresholdDiscount', id: 'p1' }, { source: 'coupon', id: 'c1' }, { source: 'coupon', id: 'gone' }, { source: 'points', id: 'points' }, { source: 'thresholdDiscount', id: 'p1' }], coupons)).toEqual(['coupon:tpl1', 'promotion:p1']);
    expect(dayIn(d('2026-06-01T16:30:00Z'), TZ)).toBe('2026-06-02');
    expect(channelLinks('d11', ['shortVideo', 'sem'], 'https://shop.example')).toEqual([
      { channel: 'shortVideo', url: 'https://shop.example/campaigns/d11?utm_source=shortVideo&utm_medium=video&utm_campaign=d11' },
      { channel: 'sem', url: 'https://shop.example/campaigns/d11?utm_source=sem&utm_medium=cpc&utm_campaign=d11' },
    ]);
  });
});

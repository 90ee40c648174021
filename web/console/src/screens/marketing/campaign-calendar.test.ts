import { describe, expect, it } from 'vitest';
import { addDays, campaignDays, campaignsByDay, localDay, monthSpan } from './campaign-calendar';

const SH = 'Asia/Shanghai';

describe('campaign calendar days (store time zone)', () => {
  it('puts an instant on the store-local day, not the UTC one', () => {
    expect(localDay('2026-06-17T16:00:00Z', SH)).toBe('2026-06-18');
    expect(localDay('2026-06-17T15:59:59Z', SH)).toBe('2026-06-17');
    expect(localDay('2026-06-17T16:00:00Z', 'UTC')).toBe('2026-06-17');
  });

  it('does calendar arithmetic across months and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('shows a window on every day it touches, the end exclusive', () => {
    // 618: 1 June 00:00 to 19 June 00:00 Beijing time.
    const c = { id: 'a', startsAt: '2026-05-31T16:00:00Z', endsAt: '2026-06-18T16:00:00Z', recurrence: null };
    const days = campaignDays(c, '2026-05-25', '2026-07-05', SH);
    expect(days[0]).toBe('2026-06-01');
    expect(days.at(-1)).toBe('2026-06-18');
    expect(days).toHaveLength(18);
  });

  it('clips to the range shown', () => {
    const c = { id: 'a', startsAt: '2026-01-01T00:00:00+08:00', endsAt: '2027-01-01T00:00:00+08:00', recurrence: null };
    expect(campaignDays(c, '2026-06-01', '2026-06-03', SH)).toEqual(['2026-06-01', '2026-06-02', '2026-06-03']);
  });

  it('expands a member day to its day of every month inside the window', () => {
    const c = { id: 'm', startsAt: '2026-01-01T00:00:00+08:00', endsAt: '2027-01-01T00:00:00+08:00', recurrence: { monthDay: 18 } };
    const { from, to } = monthSpan('2026-06');
    // The June view also shows the end of May and the start of July, but no 18th of either.
    expect(campaignDays(c, from, to, SH)).toEqual(['2026-06-18']);
    expect(campaignDays(c, '2026-01-01', '2026-12-31', SH)).toHaveLength(12);
    // A window starting after the 18th has no June occurrence.
    expect(campaignDays({ ...c, startsAt: '2026-06-19T00:00:00+08:00' }, '2026-06-01', '2026-06-30', SH)).toEqual([]);
  });

  it('indexes several campaigns by day', () => {
    const a = { id: 'a', startsAt: '2026-06-01T00:00:00+08:00', endsAt: '2026-06-03T00:00:00+08:00', recurrence: null };
    const b = { id: 'b', startsAt: '2026-06-02T10:00:00+08:00', endsAt: '2026-06-02T22:00:00+08:00', recurrence: null };
    const byDay = campaignsByDay([a, b], '2026-06-01', '2026-06-30', SH);
    expect(byDay.get('2026-06-01')?.map((c) => c.id)).toEqual(['a']);
    expect(byDay.get('2026-06-02')?.map((c) => c.id)).toEqual(['a', 'b']);
    expect(byDay.has('2026-06-03')).toBe(false);
  });

  it('spans the month with room for the weeks around it', () => {
    expect(monthSpan('2026-02')).toEqual({ from: '2026-01-25', to: '2026-03-14', fromInstant: '2026-01-24T00:00:00Z', toInstant: '2026-03-16T00:00:00Z' });
    expect(monthSpan('2026-12').to).toBe('2027-01-14');
  });
});

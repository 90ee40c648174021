import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../types';
import { bodyOf, moved, optionalLocalized, progress, valuesOf } from './campaign-form';

const stored: Campaign = {
  id: 'c1', slug: 'double-11', kind: 'holiday', name: { 'zh-CN': '双十一', en: 'Singles Day' }, summary: null,
  startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2026-11-12T00:00:00.000Z', recurrence: null,
  blocks: [
    { kind: 'banner', title: { 'zh-CN': '全场满减', en: 'Money off everything' }, subtitle: null, imageId: null },
    { kind: 'products', title: null, productIds: ['p1', 'p2'] },
    { kind: 'countdown', title: { 'zh-CN': '距结束', en: 'Ends in' } },
  ],
  promotionIds: ['r1'], couponTemplateIds: [], budget: 500_000, goals: { gmv: 10_000_000, orders: 300 }, channels: ['kol', 'sem'],
  status: 'draft', state: 'upcoming', links: [], createdAt: '', updatedAt: '',
};

describe('campaign form ↔ API body', () => {
  it('round-trips a stored campaign unchanged (money via yuan, blocks in order)', () => {
    const body = bodyOf(valuesOf(stored));
    expect(body).toEqual({
      slug: 'double-11', kind: 'holiday', name: stored.name, summary: null, startsAt: stored.startsAt, endsAt: stored.endsAt, recurrence: null,
      blocks: stored.blocks, promotionIds: ['r1'], couponTemplateIds: [], budget: 500_000, goals: { gmv: 10_000_000, orders: 300 }, channels: ['kol', 'sem'],
    });
  });

  it('turns yuan into whole fen and drops empty goals', () => {
    const v = { ...valuesOf(stored), budget: 1234.56, goalGmv: 0.1 + 0.2, goalOrders: null, goalNewCustomers: undefined };
    expect(bodyOf(v)).toMatchObject({ budget: 123_456, goals: { gmv: 30 } });
    expect(bodyOf({ ...v, goalGmv: null, budget: null })).toMatchObject({ budget: null, goals: null });
  });

  it('keeps a recurrence only for a member day', () => {
    const v = { ...valuesOf(stored), monthDay: 18, hours: 12 };
    expect(bodyOf(v).recurrence).toBeNull();
    expect(bodyOf({ ...v, kind: 'memberDay' }).recurrence).toEqual({ monthDay: 18, hours: 12 });
    expect(bodyOf({ ...v, kind: 'memberDay', hours: null }).recurrence).toEqual({ monthDay: 18 });
    expect(bodyOf({ ...v, kind: 'memberDay', monthDay: null }).recurrence).toBeNull();
  });

  it('sends the window as instants', () => {
    const v = { ...valuesOf(stored), window: [dayjs('2026-12-10T00:00:00+08:00'), dayjs('2026-12-13T00:00:00+08:00')] as [dayjs.Dayjs, dayjs.Dayjs] };
    expect(bodyOf(v)).toMatchObject({ startsAt: '2026-12-09T16:00:00.000Z', endsAt: '2026-12-12T16:00:00.000Z' });
  });

  it('fills a missing language of optional text from the other, and leaves both-empty as null', () => {
    expect(optionalLocalized('  ', '')).toBeNull();
    expect(optionalLocalized('限时', '')).toEqual({ 'zh-CN': '限时', en: '限时' });
    expect(optionalLocalized('', 'Limited')).toEqual({ 'zh-CN': 'Limited', en: 'Limited' });
  });

  it('reorders blocks and measures goal progress', () => {
    expect(moved(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(progress(150, 300)).toBe(50);
    expect(progress(900, 300)).toBe(100);
    expect(progress(1, 3)).toBe(33.3);
    expect(progress(5, null)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { tFor } from '../i18n';
import { dictionaries } from '../i18n/dictionaries.server';
import { buyState, failureKey, phaseOf, REFUSALS, releaseKey, roundTime, takenPercent, unitsLeft, type FlashRound } from './flash';
import { flashBadgeFor } from './flash.server';
import { clockCountdown, daysFrom, timeOfDay } from './format';

const ZONE = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);
// 2026-12-12 10:00 in Shanghai.
const round = (over: Partial<FlashRound> = {}): FlashRound => ({
  id: 'r1',
  name: { 'zh-CN': '10点场', en: '10 am' },
  startsAt: '2026-12-12T02:00:00.000Z',
  endsAt: '2026-12-12T04:00:00.000Z',
  status: 'published',
  createdAt: '2026-12-11T02:00:00.000Z',
  updatedAt: '2026-12-11T02:00:00.000Z',
  items: [
    { id: 'i1', variantId: 'v1', productId: 'p1', flashPrice: 5900, stock: 10, perCustomerLimit: 1, left: 10 },
    { id: 'i2', variantId: 'v2', productId: 'p1', flashPrice: 4900, stock: 5, perCustomerLimit: 2, left: 0 },
    { id: 'i3', variantId: 'v3', productId: 'p2', flashPrice: 1900, stock: 3, perCustomerLimit: 1, left: null },
  ],
  ...over,
});

describe('flash sale words and states on the storefront', () => {
  it('tells a round before, during and after its window (the start counts as on, the end as over)', () => {
    const r = round();
    expect(phaseOf(r, at('2026-12-12T01:59:59Z'))).toBe('upcoming');
    expect(phaseOf(r, at('2026-12-12T02:00:00Z'))).toBe('live');
    expect(phaseOf(r, at('2026-12-12T03:59:59Z'))).toBe('live');
    expect(phaseOf(r, at('2026-12-12T04:00:00Z'))).toBe('ended');
  });

  it('counts units taken down (never 100% while one is left) and shows the stock when the gate has no figure', () => {
    expect(takenPercent({ stock: 3, left: 2 })).toBe(33);
    expect(takenPercent({ stock: 1000, left: 1 })).toBe(99);
    expect(takenPercent({ stock: 5, left: 0 })).toBe(100);
    expect(takenPercent({ stock: 3, left: null })).toBe(0);
    expect(unitsLeft({ stock: 3, left: null })).toBe(3);
    expect(unitsLeft({ stock: 3, left: -1 })).toBe(0);
  });

  it('gives the button its state: waiting, on, sold out, ended', () => {
    const r = round();
    const [open, gone] = r.items;
    expect(buyState(r, open, at('2026-12-12T01:00:00Z'))).toBe('upcoming');
    expect(buyState(r, open, at('2026-12-12T02:30:00Z'))).toBe('live');
    expect(buyState(r, gone, at('2026-12-12T02:30:00Z'))).toBe('soldOut');
    expect(buyState(r, gone, at('2026-12-12T05:00:00Z'))).toBe('ended');
  });

  it('prints times in the store’s zone: today’s as 10:00, tomorrow’s with the word, later ones with the date', () => {
    const now = new Date('2026-12-11T15:30:00Z'); // 23:30 on the 11th in Shanghai
    const zh = tFor('zh-CN');
    const en = tFor('en');
    expect(dictionaries.en).toBeDefined();
    expect(roundTime('2026-12-11T15:50:00Z', now, 'zh-CN', ZONE, zh)).toBe('23:50');
    expect(roundTime('2026-12-12T02:00:00Z', now, 'zh-CN', ZONE, zh)).toBe('明天 10:00');
    expect(roundTime('2026-12-12T02:00:00Z', now, 'en', ZONE, en)).toBe('10:00 tomorrow');
    expect(roundTime('2026-12-14T02:00:00Z', now, 'en', ZONE, en)).toBe('14 Dec 2026 10:00');
    expect(timeOfDay('2026-12-12T02:00:00Z', 'UTC')).toBe('02:00');
    expect(daysFrom(now, '2026-12-11T16:00:00Z', ZONE)).toBe(1);
    expect(daysFrom(now, '2026-12-11T15:59:00Z', ZONE)).toBe(0);
    expect(clockCountdown(3 * 3600 + 62)).toBe('03:01:02');
    expect(clockCountdown(-5)).toBe('00:00:00');
  });

  it('badges a product with a round on now first, else one starting within a day, at its lowest flash price with units left', () => {
    const now = new Date('2026-12-12T02:30:00Z');
    const later = round({ id: 'r2', startsAt: '2026-12-12T06:00:00Z', endsAt: '2026-12-12T08:00:00Z', items: [{ id: 'i9', variantId: 'v9', productId: 'p1', flashPrice: 100, stock: 1, perCustomerLimit: 1, left: 1 }] });
    // The API lists the soonest first; a round on now wins over a cheaper one to come.
    expect(flashBadgeFor([round(), later], 'p1', now, 'zh-CN', ZONE)).toEqual({ href: '/flash?round=r1', price: 5900, live: true, at: '12:00' });
    expect(flashBadgeFor([round(), later], 'p1', new Date('2026-12-12T05:00:00Z'), 'zh-CN', ZONE)).toMatchObject({ href: '/flash?round=r2', price: 100, live: false, at: '14:00' });
    // Nothing for a product outside the rounds, nor for a round more than a day away.
    expect(flashBadgeFor([round()], 'p9', now, 'zh-CN', ZONE)).toBeNull();
    expect(flashBadgeFor([round()], 'p1', new Date('2026-12-10T01:00:00Z'), 'zh-CN', ZONE)).toBeNull();
    // Sold out: no badge inviting to it.
    expect(flashBadgeFor([round({ items: [round().items[1]] })], 'p1', now, 'zh-CN', ZONE)).toBeNull();
  });

  it('has words in both languages for every refusal, release and failure', () => {
    const keys = [...REFUSALS.map((c) => `flash.refusals.${c}`), releaseKey('orderFailed'), releaseKey('orderCancelled'), releaseKey('whatever'), ...['FLASH_ADDRESS_NEEDED', 'ITEM_UNAVAILABLE', 'SHIPPING_METHOD_NOT_FOUND', 'X'].map((c) => failureKey(c).key)];
    for (const locale of ['zh-CN', 'en'] as const) {
      const t = tFor(locale);
      for (const key of keys) expect(t(key, { limit: 2, time: '10:00' }), `${locale} ${key}`).not.toBe(key);
    }
    expect(tFor('zh-CN')('flash.refusals.FLASH_LIMIT_REACHED', { limit: 1 })).toBe('每人限购 1 件，你已经抢到过了。');
  });
});

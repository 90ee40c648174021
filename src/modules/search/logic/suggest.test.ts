import { describe, expect, it } from 'vitest';
import { fixtureCatalog } from './fixtures.js';
import { buildSearchIndex } from './index.js';

const index = buildSearchIndex(fixtureCatalog());

describe('suggest', () => {
  it('suggests titles and words starting with the prefix, best sellers first', () => {
    const suggestions = index.suggest('华为');
    expect(suggestions[0]).toBe('华为');
    expect(suggestions).toContain('华为 FreeBuds SE 2 真无线蓝牙耳机');
    expect(suggestions.every((s) => s.startsWith('华为'))).toBe(true);
    // Titles by the sales of their product: FreeBuds SE 2 (15,400) before Mate 60 (9,000).
    expect(suggestions.indexOf('华为 FreeBuds SE 2 真无线蓝牙耳机')).toBeLessThan(suggestions.indexOf('华为 Mate 60 Pro 智能手机'));
  });

  it('completes Chinese phrases and English words, whatever the case or width', () => {
    expect(index.suggest('蓝牙')).toEqual(expect.arrayContaining(['蓝牙耳机', '蓝牙音箱']));
    expect(index.suggest('wir')).toEqual(['wireless', 'wired']);
    expect(index.suggest('HUA')[0]).toBe('huawei');
    expect(index.suggest('ｈｕａ')).toEqual(index.suggest('hua'));
    expect(index.suggest('mob')).toContain('Mobile Phones');
  });

  it('suggests in the page language: English names on an English page, Chinese on a Chinese one', () => {
    const en = index.suggest('hua', 8, 'en');
    expect(en[0]).toBe('huawei');
    expect(en).toContain('HUAWEI FreeBuds SE 2 True Wireless Earbuds');
    expect(en.some((s) => /\p{Script=Han}/u.test(s))).toBe(false);
    const zh = index.suggest('hua', 8, 'zh-CN');
    expect(zh[0]).toBe('华为'); // by pinyin
    expect(zh).toContain('华为 FreeBuds SE 2 真无线蓝牙耳机');
    expect(zh.some((s) => /^[A-Za-z]/.test(s))).toBe(false);
    // Typed in the other language: that product's title in the page's language stands in.
    expect(index.suggest('华为', 8, 'en')).toContain('HUAWEI Mate 60 Pro Smartphone');
    expect(index.suggest('华为', 8, 'en').some((s) => /\p{Script=Han}/u.test(s))).toBe(false);
    expect(index.suggest('wir', 8, 'en')).toEqual(['wireless', 'wired']);
    expect(index.suggest('wir', 8, 'zh-CN').every((s) => /\p{Script=Han}/u.test(s))).toBe(true);
    // Pinyin finds Chinese words and phrases on a Chinese page only.
    expect(index.suggest('erji', 8, 'zh-CN')[0]).toBe('耳机');
    expect(index.suggest('lanya', 8, 'zh-CN')).toEqual(expect.arrayContaining(['蓝牙', '蓝牙耳机', '蓝牙音箱']));
    expect(index.suggest('lanya', 8, 'en')).toEqual([]);
  });

  it('respects the limit (default 8) and returns nothing for nothing', () => {
    expect(index.suggest('c')).toHaveLength(8);
    expect(index.suggest('c', 3)).toEqual(index.suggest('c').slice(0, 3));
    expect(index.suggest('')).toEqual([]);
    expect(index.suggest('  ')).toEqual([]);
    expect(index.suggest('qqqq')).toEqual([]);
    expect(index.suggest('c', 0)).toEqual([]);
  });
});

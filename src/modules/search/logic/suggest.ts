/**
 * As-you-type suggestions: product titles (both languages), category names, tags, the words of
 * titles, brands, categories and tags, and the Chinese phrases of titles (蓝牙耳机 out of 无线蓝牙耳机),
 * kept sorted by their normalised text so that every entry starting with a prefix is one binary
 * search away. Ranked by sales: a title by its product's sales,
 * a word or name by the summed sales of the products having it.
 *
 * Each entry knows its languages (Chinese text is zh-CN; a Latin word is en, and zh-CN too when it is
 * in a Chinese title: HUAWEI, iPhone) and the titles of its best-selling product. Asked for a page
 * language, an entry of another language stands in as that product's title in the page's language,
 * so an English page typing 耳机 is offered English product names. Chinese words and phrases are
 * also found by their pinyin (erji, lanya → 蓝牙耳机) on a Chinese page.
 */
import { BRAND, CATEGORY, TAGS, TITLE, type AnalyzedField } from './fields.js';
import { syllablesOf } from './pinyin.js';
import { hanPhrases, kindOf, normalize } from './tokenize.js';
import type { LocalizedText, SearchDocument } from './types.js';

export type SuggestLocale = keyof LocalizedText;

const ZH = 1;
const EN = 2;
const HAN = /\p{Script=Han}/u;

interface Entry {
  key: string;
  display: string;
  weight: number;
  langs: number;
  /** The titles of the (best-selling) product the entry comes from; null: never stands in (pinyin keys). */
  titles: LocalizedText | null;
}

const SUGGEST_FIELDS = [TITLE, BRAND, CATEGORY, TAGS];

function suggestible(word: string): boolean {
  const kind = kindOf(word);
  if (kind === 'number') return false;
  return Array.from(word).length >= (kind === 'latin' ? 3 : 2);
}

interface Phrase {
  display: string;
  weight: number;
  langs: number;
  titles: LocalizedText;
  best: number;
}

export class SuggestIndex {
  private readonly entries: Entry[];

  constructor(docs: readonly SearchDocument[], analyzed: readonly AnalyzedField[][]) {
    const byKey = new Map<string, Entry>();
    const add = (key: string, display: string, weight: number, langs: number, titles: LocalizedText | null): void => {
      if (key.length === 0) return;
      // One entry per key and display: a pinyin key may spell several phrases, a phrase be typed two ways.
      const id = `${key}\n${display}`;
      const entry = byKey.get(id);
      if (entry === undefined) byKey.set(id, { key, display, weight, langs, titles });
      else {
        entry.weight = Math.max(entry.weight, weight);
        entry.langs |= langs;
      }
    };
    const summed = new Map<string, Phrase>();
    docs.forEach((doc, d) => {
      const sales = Math.max(0, doc.sales);
      const titles = doc.title;
      add(normalize(titles['zh-CN']), titles['zh-CN'].trim(), sales, ZH, titles);
      add(normalize(titles.en), titles.en.trim(), sales, EN, titles);
      const latinInChineseTitle = new Set(normalize(titles['zh-CN']).match(/[a-z]+/g));
      const phrases = new Map<string, { display: string; langs: number }>();
      const langsOf = (text: string) => (HAN.test(text) ? ZH : EN);
      for (const f of SUGGEST_FIELDS) {
        for (const word of analyzed[d][f].words) {
          if (!suggestible(word)) continue;
          const inChineseTitle = f === TITLE && latinInChineseTitle.has(word);
          phrases.set(word, { display: word, langs: langsOf(word) | (inChineseTitle ? ZH : 0) | (phrases.get(word)?.langs ?? 0) });
        }
      }
      for (const phrase of hanPhrases(titles['zh-CN'])) phrases.set(phrase, { display: phrase, langs: ZH });
      for (const phrase of [...doc.categoryNames, ...doc.tags]) phrases.set(normalize(phrase), { display: phrase.trim(), langs: langsOf(phrase) });
      for (const [key, { display, langs }] of phrases) {
        const total = summed.get(key);
        if (total === undefined) summed.set(key, { display, weight: sales, langs, titles, best: sales });
        else {
          total.weight += sales;
          total.langs |= langs;
          if (sales > total.best) {
            total.best = sales;
            total.titles = titles;
          }
        }
      }
    });
    for (const { display, weight, langs, titles } of summed.values()) {
      add(normalize(display), display, weight, langs, titles);
      if (langs === ZH && HAN.test(display)) add(syllablesOf(normalize(display).replaceAll(' ', '')).join(''), display, weight, ZH, null);
    }
    this.entries = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /**
   * Up to `limit` suggestions starting with `prefix`: sales desc, then shorter, then key. With a
   * locale, only text in that language (entries of the other one stand in as their product's title).
   */
  suggest(prefix: string, limit = 8, locale?: SuggestLocale): string[] {
    const p = normalize(prefix);
    const max = Math.max(0, Math.floor(limit));
    if (p.length === 0 || max === 0) return [];
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid].key < p) lo = mid + 1;
      else hi = mid;
    }
    const want = locale === undefined ? ZH | EN : locale === 'en' ? EN : ZH;
    const found = new Map<string, { weight: number; length: number; key: string }>();
    for (let i = lo; i < this.entries.length; i++) {
      const entry = this.entries[i];
      if (!entry.key.startsWith(p)) break;
      const own = (entry.langs & want) !== 0;
      if (!own && entry.titles === null) continue;
      const display = own ? entry.display : (entry.titles as LocalizedText)[locale ?? 'zh-CN'].trim();
      const length = own ? entry.key.length : Number.MAX_SAFE_INTEGER;
      const seen = found.get(display);
      if (seen === undefined || entry.weight > seen.weight) found.set(display, { weight: entry.weight, length, key: entry.key });
    }
    return [...found]
      .sort(([, a], [, b]) => b.weight - a.weight || a.length - b.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, max)
      .map(([display]) => display);
  }
}

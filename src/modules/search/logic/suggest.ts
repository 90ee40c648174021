/**
 * As-you-type suggestions: product titles (both languages), category names, tags, the words of
 * titles, brands, categories and tags, and the Chinese phrases of titles (蓝牙耳机 out of 无线蓝牙耳机),
 * kept sorted by their normalised text so that every entry starting with a prefix is one binary
 * search away. Ranked by sales: a title by its product's sales,
 * a word or name by the summed sales of the products having it.
 */
import { BRAND, CATEGORY, TAGS, TITLE, type AnalyzedField } from './fields.js';
import { hanPhrases, kindOf, normalize } from './tokenize.js';
import type { SearchDocument } from './types.js';

interface Entry {
  key: string;
  display: string;
  weight: number;
}

const SUGGEST_FIELDS = [TITLE, BRAND, CATEGORY, TAGS];

function suggestible(word: string): boolean {
  const kind = kindOf(word);
  if (kind === 'number') return false;
  return Array.from(word).length >= (kind === 'latin' ? 3 : 2);
}

export class SuggestIndex {
  private readonly entries: Entry[];

  constructor(docs: readonly SearchDocument[], analyzed: readonly AnalyzedField[][]) {
    const byKey = new Map<string, Entry>();
    const add = (text: string, weight: number, display = text.trim()): void => {
      const key = normalize(text);
      if (key.length === 0) return;
      const entry = byKey.get(key);
      if (entry === undefined) byKey.set(key, { key, display, weight });
      else entry.weight = Math.max(entry.weight, weight);
    };
    const summed = new Map<string, { display: string; weight: number }>();
    docs.forEach((doc, d) => {
      const sales = Math.max(0, doc.sales);
      add(doc.title['zh-CN'], sales);
      add(doc.title.en, sales);
      const phrases = new Map<string, string>();
      for (const f of SUGGEST_FIELDS) {
        for (const word of analyzed[d][f].words) if (suggestible(word)) phrases.set(word, word);
      }
      for (const phrase of hanPhrases(doc.title['zh-CN'])) phrases.set(phrase, phrase);
      for (const phrase of [...doc.categoryNames, ...doc.tags]) phrases.set(normalize(phrase), phrase.trim());
      for (const [key, display] of phrases) {
        const total = summed.get(key);
        if (total === undefined) summed.set(key, { display, weight: sales });
        else total.weight += sales;
      }
    });
    for (const { display, weight } of summed.values()) add(display, weight, display);
    this.entries = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  suggest(prefix: string, limit = 8): string[] {
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
    // Keep the best `max` in a small sorted array: sales desc, then shorter, then key.
    const best: Entry[] = [];
    const before = (a: Entry, b: Entry): boolean =>
      a.weight !== b.weight ? a.weight > b.weight : a.key.length !== b.key.length ? a.key.length < b.key.length : a.key < b.key;
    for (let i = lo; i < this.entries.length; i++) {
      const entry = this.entries[i];
      if (!entry.key.startsWith(p)) break;
      if (best.length === max && !before(entry, best[max - 1])) continue;
      let at = best.length;
      while (at > 0 && before(entry, best[at - 1])) at--;
      best.splice(at, 0, entry);
      if (best.length > max) best.pop();
    }
    return best.map((e) => e.display);
  }
}

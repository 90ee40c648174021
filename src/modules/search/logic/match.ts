/**
 * Query terms → matching products and relevance scores.
 *
 * Each term is satisfied by any field, through the best of its alternatives (a product's term score
 * is the best alternative's score times its quality):
 *   exact word 1.0 · plural/singular 0.9 · Chinese bigrams 0.6 · Latin prefix 0.6 · typo 0.4
 *   (a lone Chinese character also matches by the character itself, 0.5); a Latin term read as
 *   pinyin (pinyin.ts) matches its Chinese words as they would match, times 0.9 (initials 0.7).
 * Typo correction is tried only for a Latin term that is neither a vocabulary word, nor a plural of
 * one, nor a prefix of one, nor pinyin; and for a Chinese word of two characters or more that
 * matches nothing at all (homophones and near-pinyin first: 耳鸡 → 耳机, 华维 → 华为). Terms are ANDed; when no product has them all, products having any are
 * returned (OR), scored by the share of terms they match. Two query words found side by side in a
 * title add a proximity bonus (xiaomi 14 ranks the phone above the Notebook Pro 14).
 *
 * Whether a term matches, is corrected, or the query falls back to OR depends only on the query and
 * the catalog, never on filters: facet counts then stay equal to what applying the facet returns.
 *
 * The Matcher keeps scratch arrays sized to the catalog and reuses them: results stay valid until
 * the next `match` call. Not re-entrant (JavaScript is single-threaded; `match` is synchronous).
 */
import { readPinyin } from './pinyin.js';
import type { Posting, TextIndex } from './text-index.js';
import { maxTypoDistance } from './vocabulary.js';
import { bigramsOf, pairKey, type QueryTerm } from './tokenize.js';

export const QUALITY = { exact: 1, inflection: 0.9, pinyin: 0.9, initials: 0.7, bigram: 0.6, prefix: 0.6, unigram: 0.5, typo: 0.4 } as const;
/** Share of a title word pair's score added when two query words stand next to each other there. */
export const PROXIMITY_BONUS = 0.5;

const MAX_PREFIX_EXPANSIONS = 40;
const MIN_PREFIX_LENGTH = 2;

export interface Correction {
  from: string;
  to: string;
}

export interface MatchResult {
  /** Matching product indexes (unordered). */
  docs: Int32Array;
  /** Relevance by product index; meaningful for `docs` only. */
  scores: Float64Array;
  corrections: Correction[];
  mode: 'and' | 'or';
}

/** Other spellings of an English word that count as nearly exact: plural ↔ singular. */
export function inflections(word: string): string[] {
  const out: string[] = [];
  if (word.length > 4 && word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.length > 3 && word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
  if (!word.endsWith('s')) out.push(`${word}s`, `${word}es`);
  if (word.endsWith('y') && word.length > 2) out.push(`${word.slice(0, -1)}ies`);
  return out;
}

export class Matcher {
  private readonly termScore: Float64Array;
  private readonly termTouched: Int32Array;
  private termCount = 0;
  private readonly total: Float64Array;
  private readonly hits: Uint16Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly gramCount: Uint16Array;
  private readonly gramMask: Uint8Array;
  private readonly gramSum: Float64Array;
  private readonly gramTouched: Int32Array;

  /** Whether the catalog has this word (used to decide whether t-shirt is searched as tshirt). */
  readonly knows = (word: string): boolean => this.index.words.has(word);
  /** Query words → terms, unknown Latin words read as pinyin where they spell catalog words. */
  readonly read = (tokens: readonly string[]): QueryTerm[] => readPinyin(tokens, this.knows, this.index.pinyin);

  constructor(private readonly index: TextIndex) {
    const n = Math.max(1, index.size);
    this.termScore = new Float64Array(n);
    this.termTouched = new Int32Array(n);
    this.total = new Float64Array(n);
    this.hits = new Uint16Array(n);
    this.touched = new Int32Array(n);
    this.gramCount = new Uint16Array(n);
    this.gramMask = new Uint8Array(n);
    this.gramSum = new Float64Array(n);
    this.gramTouched = new Int32Array(n);
  }

  match(terms: readonly QueryTerm[]): MatchResult {
    for (let i = 0; i < this.touchedCount; i++) {
      const d = this.touched[i];
      this.total[d] = 0;
      this.hits[d] = 0;
    }
    this.touchedCount = 0;
    const corrections: Correction[] = [];
    for (const term of terms) {
      this.termCount = 0;
      this.evaluate(term, corrections);
      for (let i = 0; i < this.termCount; i++) {
        const d = this.termTouched[i];
        if (this.hits[d] === 0) this.touched[this.touchedCount++] = d;
        this.hits[d] += 1;
        this.total[d] += this.termScore[d];
        this.termScore[d] = 0;
      }
    }
    this.addProximity(terms);
    const all = terms.length;
    let andCount = 0;
    for (let i = 0; i < this.touchedCount; i++) if (this.hits[this.touched[i]] === all) andCount++;
    if (andCount > 0 || this.touchedCount === 0) {
      const docs = new Int32Array(andCount);
      let k = 0;
      for (let i = 0; i < this.touchedCount; i++) {
        const d = this.touched[i];
        if (this.hits[d] === all) docs[k++] = d;
      }
      return { docs, scores: this.total, corrections, mode: 'and' };
    }
    const docs = this.touched.slice(0, this.touchedCount);
    for (const d of docs) this.total[d] *= this.hits[d] / all;
    return { docs, scores: this.total, corrections, mode: 'or' };
  }

  private evaluate(term: QueryTerm, corrections: Correction[]): void {
    const { words, vocabulary, pinyin } = this.index;
    if (term.kind === 'han') {
      this.evaluateHan(term.text, 1);
      if (this.termCount > 0) return;
      const corrected = pinyin.correct(term.text);
      if (corrected === null) return;
      this.evaluateHan(corrected, QUALITY.typo);
      if (this.termCount > 0) corrections.push({ from: term.text, to: corrected });
      return;
    }
    const exact = words.get(term.text);
    if (exact !== undefined) this.apply(exact, QUALITY.exact);
    if (term.kind !== 'latin') return;
    let related = exact !== undefined;
    for (const form of inflections(term.text)) {
      const posting = words.get(form);
      if (posting === undefined) continue;
      this.apply(posting, QUALITY.inflection);
      related = true;
    }
    // Two-letter known words (tv, gb) are not widened; anything else is also read as a word's start.
    if (term.text.length >= MIN_PREFIX_LENGTH && (exact === undefined || term.text.length >= 3)) {
      for (const word of vocabulary.withPrefix(term.text, MAX_PREFIX_EXPANSIONS)) {
        const posting = words.get(word);
        if (posting === undefined) continue;
        this.apply(posting, QUALITY.prefix);
        related = true;
      }
    }
    if (term.reads !== undefined) {
      const factor = term.reads.initials ? QUALITY.initials : QUALITY.pinyin;
      for (const word of term.reads.words) this.evaluateHan(word, factor);
      related ||= this.termCount > 0;
    }
    if (related) return;
    const corrected = vocabulary.correct(term.text);
    if (corrected === null) return;
    const posting = words.get(corrected);
    if (posting === undefined) return;
    this.apply(posting, QUALITY.typo);
    corrections.push({ from: term.text, to: corrected });
  }

  /** A Chinese word: as a word, else by its bigrams (or a lone character by itself), scaled by `factor`. */
  private evaluateHan(text: string, factor: number): void {
    const { words, grams } = this.index;
    const exact = words.get(text);
    if (exact !== undefined) this.apply(exact, QUALITY.exact * factor);
    const chars = Array.from(text);
    if (chars.length === 1) {
      const unigram = grams.get(text);
      if (unigram !== undefined) this.apply(unigram, QUALITY.unigram * factor);
    } else {
      this.applyGrams(bigramsOf(text), QUALITY.bigram * factor);
    }
  }

  /**
   * Looser corrections for terms that matched nothing (one edit more than a typo allows, on letters
   * or on the reading of Chinese words), offered as "did you mean" links, never searched by themselves.
   */
  alternatives(terms: readonly QueryTerm[]): Correction[] {
    const { vocabulary, pinyin } = this.index;
    const out: Correction[] = [];
    for (const term of terms) {
      let to: string | null = null;
      // Looser still means plausible: three characters or four letters at least, and (Latin) the same first letter.
      if (term.kind === 'han' && Array.from(term.text).length >= 3) to = pinyin.correct(term.text, true);
      else if (term.kind === 'latin' && term.text.length >= 4) {
        to = vocabulary.nearest(term.text, maxTypoDistance(term.text.length) + 1) ?? pinyin.nearlyReads(term.text);
      }
      if (to !== null && (term.kind === 'han' || to[0] === term.text[0] || !/^[a-z]/.test(to))) out.push({ from: term.text, to });
    }
    return out;
  }

  /** Products already matched whose title has two consecutive query words side by side score more. */
  private addProximity(terms: readonly QueryTerm[]): void {
    for (let i = 0; i + 1 < terms.length; i++) {
      const posting = this.index.pairs.get(pairKey(terms[i].text, terms[i + 1].text));
      if (posting === undefined) continue;
      const { docs, scores } = posting;
      for (let k = 0; k < docs.length; k++) {
        if (this.hits[docs[k]] > 0) this.total[docs[k]] += PROXIMITY_BONUS * scores[k];
      }
    }
  }

  /** Best-of: a product keeps the highest score any alternative gives it for the current term. */
  private apply(posting: Posting, quality: number): void {
    const { docs, scores } = posting;
    for (let i = 0; i < docs.length; i++) this.offer(docs[i], quality * scores[i]);
  }

  private offer(d: number, score: number): void {
    const current = this.termScore[d];
    if (current === 0) {
      this.termTouched[this.termCount++] = d;
      this.termScore[d] = score;
    } else if (score > current) {
      this.termScore[d] = score;
    }
  }

  /** Products having every bigram of the word, all in one same field; scored by their mean score. */
  private applyGrams(keys: string[], quality: number): void {
    const unique = [...new Set(keys)];
    const postings: Posting[] = [];
    for (const key of unique) {
      const posting = this.index.grams.get(key);
      if (posting === undefined) return;
      postings.push(posting);
    }
    if (postings.length === 0 || postings.length > 0xffff) return;
    postings.sort((a, b) => a.docs.length - b.docs.length);
    let touched = 0;
    postings.forEach((posting, p) => {
      const { docs, scores, masks } = posting;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i];
        if (p === 0) {
          this.gramTouched[touched++] = d;
          this.gramCount[d] = 1;
          this.gramMask[d] = masks[i];
          this.gramSum[d] = scores[i];
        } else if (this.gramCount[d] === p) {
          this.gramCount[d] = p + 1;
          this.gramMask[d] &= masks[i];
          this.gramSum[d] += scores[i];
        }
      }
    });
    const need = postings.length;
    for (let i = 0; i < touched; i++) {
      const d = this.gramTouched[i];
      if (this.gramCount[d] === need && this.gramMask[d] !== 0) this.offer(d, (quality * this.gramSum[d]) / need);
      this.gramCount[d] = 0;
      this.gramMask[d] = 0;
      this.gramSum[d] = 0;
    }
  }
}

/**
 * Pinyin readings of the catalog's Chinese words, so that a shopper typing pinyin (erji, lan ya er ji,
 * lanyaerji, lán yá), its initials (ej, hw) or a homophone typo (耳鸡, 华维) reaches the words meant.
 *
 * Only the words of titles, brands, categories and tags of two characters or more are read: they are
 * what people search for, and a single syllable (ji) would stand for dozens of characters.
 * A reading is toneless, ü written v (nv) and also u (nu, what a folded lǘ becomes).
 *
 * Typo correction reuses `Vocabulary` (the Latin typo machinery) twice: over the readings (near-pinyin:
 * an edit or two on the letters) and over the Chinese words themselves (one character wrong in a word
 * of three or more). Pure: pinyin-pro's dictionary is data; it loads once (~60 ms) on first use.
 */
import { pinyin } from 'pinyin-pro';
import { kindOf, type QueryTerm } from './tokenize.js';
import { maxTypoDistance, Vocabulary } from './vocabulary.js';

/** A stretch of tokens read as one pinyin phrase: at most this many tokens and letters (bounds the work). */
const MAX_STRETCH_TOKENS = 8;
const MAX_STRETCH_LETTERS = 40;
/** Chinese words offered for one reading, most frequent first. */
const MAX_WORDS_PER_READING = 6;
/** Initials are ambiguous (hw: 华为, 户外, 红外): only words at least this share as frequent as the first count. */
const INITIALS_DF_SHARE = 0.25;
const CACHE_LIMIT = 4096;
const TONE_DIGIT = /^[1-5]$/;

/** Toneless syllables of a Chinese word (empty when some character has no reading). */
export function syllablesOf(word: string): string[] {
  const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' });
  return syllables.every((s) => /^[a-z]+$/.test(s)) ? syllables : [];
}

/** A term of the query once pinyin is read: a Latin word, possibly standing for Chinese words. */
export interface PinyinPiece {
  /** The letters of the piece (erji, or lanya cut out of lanyaerji). */
  text: string;
  /** Chinese words the letters read as, most frequent first. Empty: not pinyin. */
  words: string[];
  /** Initials rather than a full reading (weaker evidence). */
  initials: boolean;
}

export class PinyinIndex {
  private readonly byReading = new Map<string, string[]>();
  private readonly byInitials = new Map<string, string[]>();
  private readonly df: ReadonlyMap<string, number>;
  /** Readings as a vocabulary: near-pinyin typos. */
  private readonly readings: Vocabulary;
  /** The words as a vocabulary: one character wrong in a word of three characters or more. */
  private readonly hanWords: Vocabulary;
  private readonly longestReading: number;
  private readonly queryReadings = new Map<string, string>();

  /** `docFreq`: Chinese word (2+ characters) → number of products having it. */
  constructor(docFreq: ReadonlyMap<string, number>) {
    this.df = docFreq;
    const add = (map: Map<string, string[]>, key: string, word: string) => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [word]);
      else if (!list.includes(word)) list.push(word);
    };
    let longest = 0;
    for (const word of docFreq.keys()) {
      const syllables = syllablesOf(word);
      if (syllables.length < 2) continue;
      const reading = syllables.join('');
      add(this.byReading, reading, word);
      if (reading.includes('v')) add(this.byReading, reading.replaceAll('v', 'u'), word);
      add(this.byInitials, syllables.map((s) => s[0]).join(''), word);
      longest = Math.max(longest, reading.length);
    }
    const byDf = (a: string, b: string) => (docFreq.get(b) ?? 0) - (docFreq.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
    for (const list of this.byReading.values()) list.sort(byDf).splice(MAX_WORDS_PER_READING);
    for (const [key, list] of this.byInitials) {
      list.sort(byDf);
      const floor = (docFreq.get(list[0]) ?? 0) * INITIALS_DF_SHARE;
      this.byInitials.set(key, list.filter((w) => (docFreq.get(w) ?? 0) >= floor).slice(0, MAX_WORDS_PER_READING));
    }
    const readingDf = new Map<string, number>();
    for (const [reading, words] of this.byReading) readingDf.set(reading, words.reduce((n, w) => n + (docFreq.get(w) ?? 0), 0));
    this.readings = new Vocabulary(readingDf);
    this.hanWords = new Vocabulary(docFreq, (length) => (length >= 3 ? 1 : 0));
    this.longestReading = longest;
  }

  /**
   * Reads a run of Latin tokens (unknown to the catalog as words) as pinyin. Tone digits after a
   * syllable (lan2 ya2) belong to the run. Greedy from the left: the longest stretch of tokens whose
   * letters cut entirely into readings of catalog words becomes those words; a token that starts no
   * such stretch is read as initials (ej) when it is, else left as it was (words: []).
   */
  read(tokens: readonly string[]): PinyinPiece[] {
    const out: PinyinPiece[] = [];
    let i = 0;
    while (i < tokens.length) {
      let done = false;
      for (let end = Math.min(tokens.length, i + MAX_STRETCH_TOKENS); end > i && !done; end--) {
        if (TONE_DIGIT.test(tokens[end - 1]) && end - 1 > i) continue; // a stretch may end on a digit only through its syllable
        const letters = tokens.slice(i, end).filter((t) => !TONE_DIGIT.test(t)).join('');
        if (letters.length === 0 || letters.length > MAX_STRETCH_LETTERS) continue;
        const cut = this.cut(letters, this.byReading, this.longestReading);
        if (cut === null) continue;
        for (const reading of cut) out.push({ text: reading, words: this.byReading.get(reading) ?? [], initials: false });
        // A tone digit right after the stretch is its last syllable's tone.
        i = end < tokens.length && TONE_DIGIT.test(tokens[end]) ? end + 1 : end;
        done = true;
      }
      if (done) continue;
      // Initials only as a whole token: cut into several (erjj → er + jj) they match anything.
      const token = tokens[i++];
      const initials = this.byInitials.get(token);
      out.push({ text: token, words: initials ?? [], initials: initials !== undefined });
    }
    return out;
  }

  /** The fewest keys of `keys` (readings) that spell `letters` exactly, or null (dynamic programming). */
  private cut(letters: string, keys: ReadonlyMap<string, unknown>, longest: number): string[] | null {
    const n = letters.length;
    const pieces = new Int32Array(n + 1).fill(-1);
    const from = new Int32Array(n + 1);
    pieces[0] = 0;
    for (let end = 1; end <= n; end++) {
      for (let start = Math.max(0, end - longest); start < end; start++) {
        if (pieces[start] < 0 || !keys.has(letters.slice(start, end))) continue;
        if (pieces[end] < 0 || pieces[start] + 1 < pieces[end]) {
          pieces[end] = pieces[start] + 1;
          from[end] = start;
        }
      }
    }
    if (pieces[n] < 0) return null;
    const out: string[] = [];
    for (let end = n; end > 0; end = from[end]) out.unshift(letters.slice(from[end], end));
    return out;
  }

  /**
   * A catalog word for a Chinese word the catalog does not have: the most frequent word read the same
   * (耳鸡 → 耳机), else one within typo distance of its reading with as many characters (near-pinyin),
   * else, for three characters or more, one with a single character changed. Null when none.
   * `looser`: one more edit on the reading (for "did you mean" links, never applied by itself).
   */
  correct(word: string, looser = false): string | null {
    if (this.df.has(word)) return null;
    const chars = Array.from(word).length;
    if (chars < 2) return null;
    const reading = this.readingOfQuery(word);
    if (reading.length > 0) {
      const same = this.byReading.get(reading)?.find((w) => Array.from(w).length === chars);
      if (same !== undefined) return same;
      const near = looser ? this.readings.nearest(reading, maxTypoDistance(reading.length) + 1) : this.readings.correct(reading);
      const nearWord = near === null ? undefined : this.byReading.get(near)?.find((w) => Array.from(w).length === chars);
      if (nearWord !== undefined) return nearWord;
    }
    return this.hanWords.correct(word);
  }

  /** Chinese words a Latin word nearly reads as (one edit more than a typo would allow), for "did you mean". */
  nearlyReads(letters: string): string | null {
    const near = this.readings.nearest(letters, maxTypoDistance(letters.length) + 1);
    return near === null ? null : (this.byReading.get(near)?.[0] ?? null);
  }

  private readingOfQuery(word: string): string {
    let reading = this.queryReadings.get(word);
    if (reading === undefined) {
      reading = syllablesOf(word).join('');
      if (this.queryReadings.size >= CACHE_LIMIT) this.queryReadings.clear();
      this.queryReadings.set(word, reading);
    }
    return reading;
  }
}

/**
 * Query tokens with pinyin read: each run of Latin tokens the catalog does not know as words (and the
 * tone digits inside it) goes through `PinyinIndex.read`; everything else passes as it is.
 */
export function readPinyin(tokens: readonly string[], knows: (word: string) => boolean, index: PinyinIndex): QueryTerm[] {
  const out: QueryTerm[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    for (const piece of index.read(run)) {
      const term: QueryTerm = { kind: kindOf(piece.text), text: piece.text };
      if (piece.words.length > 0) term.reads = { words: piece.words, initials: piece.initials };
      out.push(term);
    }
    run = [];
  };
  for (const token of tokens) {
    const kind = kindOf(token);
    if ((kind === 'latin' && !knows(token)) || (run.length > 0 && TONE_DIGIT.test(token))) {
      run.push(token);
      continue;
    }
    flush();
    out.push({ kind, text: token });
  }
  flush();
  return out;
}

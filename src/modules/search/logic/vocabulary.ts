/**
 * The Latin-word vocabulary of a catalog: prefix look-up by binary search over the sorted words, and
 * typo correction by Damerau–Levenshtein (optimal string alignment) distance, computed only against
 * words of a similar length (precomputed length buckets) whose letter sets are close enough.
 */

/** Allowed edit distance for a typed word: none under 4 letters, 1 for 4–7, 2 from 8 on. */
export function maxTypoDistance(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap two adjacent letters),
 * or `max + 1` as soon as it is known to exceed `max`.
 */
export function damerauLevenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  let prevPrev = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, prevPrev[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const spare = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = spare;
  }
  return prev[m] > max ? max + 1 : prev[m];
}

function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << ((word.charCodeAt(i) - 97) & 31);
  return mask;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const CORRECTION_CACHE_LIMIT = 4096;

export class Vocabulary {
  /** Sorted (code-unit order) distinct words. */
  readonly words: readonly string[];
  private readonly df: Int32Array;
  private readonly masks: Int32Array;
  private readonly index = new Map<string, number>();
  private readonly byLength = new Map<number, Int32Array>();
  /** Memo of corrections: the vocabulary never changes, so this only saves time. */
  private readonly corrections = new Map<string, string | null>();

  /**
   * `docFreq`: word → number of products containing it. `maxDistance`: edits allowed for a typed word
   * of that length (Chinese words, one character each, allow fewer than Latin letters).
   */
  constructor(
    docFreq: ReadonlyMap<string, number>,
    private readonly maxDistance: (length: number) => number = maxTypoDistance,
  ) {
    const words = [...docFreq.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.words = words;
    this.df = new Int32Array(words.length);
    this.masks = new Int32Array(words.length);
    const buckets = new Map<number, number[]>();
    words.forEach((word, i) => {
      this.index.set(word, i);
      this.df[i] = docFreq.get(word) ?? 0;
      this.masks[i] = letterMask(word);
      let bucket = buckets.get(word.length);
      if (bucket === undefined) buckets.set(word.length, (bucket = []));
      bucket.push(i);
    });
    for (const [length, ids] of buckets) this.byLength.set(length, Int32Array.from(ids));
  }

  get size(): number {
    return this.words.length;
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  docFreq(word: string): number {
    const i = this.index.get(word);
    return i === undefined ? 0 : this.df[i];
  }

  /** Index of the first word ≥ `prefix`. */
  private lowerBound(prefix: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Words longer than `prefix` that start with it, most frequent first, at most `max`. */
  withPrefix(prefix: string, max: number): string[] {
    const found: number[] = [];
    for (let i = this.lowerBound(prefix); i < this.words.length; i++) {
      const word = this.words[i];
      if (!word.startsWith(prefix)) break;
      if (word.length > prefix.length) found.push(i);
    }
    found.sort((a, b) => this.df[b] - this.df[a] || a - b);
    return found.slice(0, max).map((i) => this.words[i]);
  }

  /**
   * The closest vocabulary word within `maxDistance(word.length)` edits: smallest distance, then
   * most frequent, then first in sort order. Null when none (or when the word is known).
   */
  correct(word: string): string | null {
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    const result = this.findCorrection(word);
    if (this.corrections.size >= CORRECTION_CACHE_LIMIT) this.corrections.clear();
    this.corrections.set(word, result);
    return result;
  }

  private findCorrection(word: string): string | null {
    return this.nearest(word, this.maxDistance(word.length));
  }

  /**
   * The closest word within `max` edits (as `correct`, uncached): also asked with one edit more than
   * `correct` allows, for "did you mean" links under an empty result.
   */
  nearest(word: string, max: number): string | null {
    if (max <= 0 || this.index.has(word)) return null;
    const mask = letterMask(word);
    let best = -1;
    let bestDistance = max + 1;
    for (let length = word.length - max; length <= word.length + max; length++) {
      const bucket = this.byLength.get(length);
      if (bucket === undefined) continue;
      for (let k = 0; k < bucket.length; k++) {
        const i = bucket[k];
        // One edit changes the set of letters by at most two: a cheap lower bound on the distance.
        const bound = Math.min(max, bestDistance);
        if (popcount(mask ^ this.masks[i]) > 2 * bound) continue;
        const d = damerauLevenshtein(word, this.words[i], bound);
        if (d > max) continue;
        if (d < bestDistance || (d === bestDistance && (this.df[i] > this.df[best] || (this.df[i] === this.df[best] && i < best)))) {
          best = i;
          bestDistance = d;
        }
      }
    }
    return best < 0 ? null : this.words[best];
  }
}

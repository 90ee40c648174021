/**
 * Inverted index with precomputed BM25 scores. For every key (a word, or a Chinese character /
 * bigram) the posting list holds the products containing it, ascending, the key's full BM25 score in
 * that product (summed over fields with the field weights) and a bit mask of the fields containing it.
 * Nothing about a key's score depends on the query, so a search only adds numbers up.
 */
import { FIELD_COUNT, FIELD_LENGTH_NORM, FIELD_WEIGHTS, type AnalyzedField } from './fields.js';
import { PinyinIndex } from './pinyin.js';
import { kindOf } from './tokenize.js';
import { Vocabulary } from './vocabulary.js';

const K1 = 1.2;
/** Local copy of FIELD_COUNT for the hot loops. */
const F = FIELD_COUNT;

export interface Posting {
  docs: Int32Array;
  scores: Float32Array;
  masks: Uint8Array;
}

export interface TextIndex {
  size: number;
  /** jieba / Latin / number words. */
  words: Map<string, Posting>;
  /** Chinese single characters and bigrams. */
  grams: Map<string, Posting>;
  /** Adjacent title word pairs (`pairKey`). */
  pairs: Map<string, Posting>;
  /** Latin words, for prefixes and typos. */
  vocabulary: Vocabulary;
  /** Chinese words of titles, brands, categories and tags, for pinyin and Chinese typos. */
  pinyin: PinyinIndex;
}

/** Fields whose Chinese words are read in pinyin: title, brand, category, tags (bits of `Posting.masks`). */
const PINYIN_FIELDS = 0b1111;

interface Building extends Posting {
  filled: number;
}

/**
 * Posting lists of one kind of key, in two passes over the documents: the first counts field lengths
 * and document frequencies (so every list is allocated once, at its final size), the second computes
 * each (key, product) score directly into the typed arrays.
 */
function buildPostings(fieldsOf: readonly string[][][]): Map<string, Posting> {
  const size = fieldsOf.length;
  const weights = FIELD_WEIGHTS;
  const lengthNorm = FIELD_LENGTH_NORM;
  const lengths = new Float64Array(size * F);
  const totals = new Float64Array(F);
  const df = new Map<string, number>();
  fieldsOf.forEach((fields, doc) => {
    const seen = new Set<string>();
    fields.forEach((tokens, f) => {
      lengths[doc * F + f] = tokens.length;
      totals[f] += tokens.length;
      for (const token of tokens) seen.add(token);
    });
    for (const token of seen) df.set(token, (df.get(token) ?? 0) + 1);
  });
  const averages = Array.from(totals, (total) => (size === 0 ? 1 : total / size || 1));
  const postings = new Map<string, Building>();
  for (const [key, count] of df) {
    postings.set(key, { docs: new Int32Array(count), scores: new Float32Array(count), masks: new Uint8Array(count), filled: 0 });
  }

  let tf = new Float64Array(64 * F);
  fieldsOf.forEach((fields, doc) => {
    const slots = new Map<string, number>();
    fields.forEach((tokens, f) => {
      for (const token of tokens) {
        let slot = slots.get(token);
        if (slot === undefined) {
          slot = slots.size;
          slots.set(token, slot);
          if ((slot + 1) * F > tf.length) {
            const grown = new Float64Array(tf.length * 2);
            grown.set(tf);
            tf = grown;
          }
          tf.fill(0, slot * F, (slot + 1) * F);
        }
        tf[slot * F + f] += 1;
      }
    });
    for (const [token, slot] of slots) {
      const posting = postings.get(token) as Building;
      const n = posting.docs.length;
      const idf = Math.log(1 + (size - n + 0.5) / (n + 0.5));
      let score = 0;
      let mask = 0;
      for (let f = 0; f < F; f++) {
        const count = tf[slot * F + f];
        if (count === 0) continue;
        mask |= 1 << f;
        const b = lengthNorm[f];
        const norm = 1 - b + (b * lengths[doc * F + f]) / averages[f];
        score += (weights[f] * count * (K1 + 1)) / (count + K1 * norm);
      }
      const at = posting.filled++;
      posting.docs[at] = doc;
      posting.scores[at] = idf * score;
      posting.masks[at] = mask;
    }
  });
  return postings;
}

export function buildTextIndex(analyzed: readonly AnalyzedField[][]): TextIndex {
  const wordPostings = buildPostings(analyzed.map((fields) => fields.map((f) => f.words)));
  const latin = new Map<string, number>();
  const han = new Map<string, number>();
  for (const [word, posting] of wordPostings) {
    const kind = kindOf(word);
    if (kind === 'latin') latin.set(word, posting.docs.length);
    else if (kind === 'han' && word.length >= 2 && posting.masks.some((m) => (m & PINYIN_FIELDS) !== 0)) han.set(word, posting.docs.length);
  }
  return {
    size: analyzed.length,
    words: wordPostings,
    grams: buildPostings(analyzed.map((fields) => fields.map((f) => f.grams))),
    pairs: buildPostings(analyzed.map((fields) => fields.map((f) => f.pairs))),
    vocabulary: new Vocabulary(latin),
    pinyin: new PinyinIndex(han),
  };
}

/**
 * Text normalisation and tokenisation for mixed Chinese / English product text.
 *
 * - `fold`: NFKC (full-width → half-width, ① → 1, ideographic space → space), computed as NFKD →
 *   Latin diacritics dropped (L'Oréal → l'oreal) → NFC, then lower-cased.
 * - `normalize`: `fold` + every run of punctuation / symbols / spaces collapsed to one space.
 * - Chinese runs are segmented with jieba (`cutForSearch` when indexing, so 无线蓝牙耳机 yields
 *   无线, 蓝牙, 耳机; precise `cut` for queries). ASCII letters are upper-cased before they reach jieba
 *   because its dictionary spells mixed words that way (T恤, 4S店); tokens are lower-cased afterwards.
 * - Latin / digit runs split at non-alphanumerics and at letter↔digit boundaries (iphone15 → iphone, 15).
 *   Letter words joined by - or ' are also kept joined (t-shirt → tshirt, men's → mens).
 * - `hanGrams` gives the single characters and character bigrams of each Chinese run: the fallback that
 *   lets 耳机 find 无线蓝牙耳机 whatever jieba did, while 机耳 (not a bigram of it) does not match.
 *
 * Pure apart from the jieba instance, created lazily once (it reads its dictionary file on first use).
 */
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

let jiebaInstance: Jieba | undefined;

/** The module-level jieba singleton, created on first use (~0.2 s to load the dictionary). */
export function jieba(): Jieba {
  if (jiebaInstance === undefined) {
    // @node-rs/jieba is CommonJS without an `exports` map: `require` resolves `dict` the same way
    // under Node, tsx and Vitest.
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
    jiebaInstance = JiebaClass.withDict(dict);
  }
  return jiebaInstance;
}

const HAN_CHAR = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const ALL_HAN = /^\p{Script=Han}+$/u;
const LATIN_WORD = /^[a-z]+$/;
const NUMBER = /^[0-9]+$/;
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/gu;
/** Letter words joined by hyphens or apostrophes: t-shirt, men's, wi-fi. */
const LATIN_COMPOUND = /[a-z]+(?:['’‘\-‐][a-z]+)+/g;
const LETTERS_OR_DIGITS = /\p{N}+|[^\p{N}]+/gu;
const ASCII_LOWER = /[a-z]+/g;

/** Words never indexed nor searched for (unless a query has nothing else). */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with',
  '的', '了', '和', '与', '及', '或', '是', '在',
]);

export type TermKind = 'latin' | 'number' | 'han' | 'mixed';

export interface QueryTerm {
  kind: TermKind;
  text: string;
  /** Chinese words a Latin term reads as in pinyin (erji → 耳机; initials: ej → 耳机). */
  reads?: { words: readonly string[]; initials: boolean };
}

export interface AnalyzedQuery {
  /** The normalised query text (compounds joined): the base of `corrected`. */
  normalized: string;
  /** Distinct terms, in query order; each must be matched by some field (AND). */
  terms: QueryTerm[];
}

/** NFKC with Latin diacritics removed, lower-cased. Punctuation kept. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_DIACRITICS, '').normalize('NFC').toLowerCase();
}

/** `fold`, then punctuation, symbols and white space collapsed to single spaces, trimmed. */
export function normalize(text: string): string {
  return fold(text).replace(NON_WORD, ' ').trim();
}

export function kindOf(token: string): TermKind {
  if (LATIN_WORD.test(token)) return 'latin';
  if (NUMBER.test(token)) return 'number';
  if (ALL_HAN.test(token)) return 'han';
  return 'mixed';
}

function keep(token: string): boolean {
  if (token.length === 0 || STOP_WORDS.has(token)) return false;
  // Single Latin letters (the s of men's, the t of t-shirt) carry no meaning on their own.
  return !(token.length === 1 && token >= 'a' && token <= 'z');
}

/** Split a non-Chinese piece at letter ↔ digit boundaries: iphone15 → iphone, 15. */
function splitAlnum(piece: string, out: string[]): void {
  const parts = piece.match(LETTERS_OR_DIGITS);
  if (parts === null) return;
  for (const part of parts) if (keep(part)) out.push(part);
}

function upperAscii(text: string): string {
  return text.replace(ASCII_LOWER, (m) => m.toUpperCase());
}

/** Run text containing Chinese through jieba (search mode) and collect lower-cased tokens. */
function segmentChunk(chunk: string, out: string[]): void {
  for (const raw of jieba().cutForSearch(upperAscii(chunk), true)) {
    const piece = raw.toLowerCase().trim();
    if (piece.length === 0) continue;
    if (HAN_CHAR.test(piece)) {
      if (keep(piece)) out.push(piece);
    } else {
      splitAlnum(piece, out);
    }
  }
}

function tokensOfFolded(folded: string): string[] {
  const out: string[] = [];
  // Chunks with Chinese go to jieba in one call (spaces pass through it); the rest never reach it.
  let chinese = '';
  for (const chunk of folded.replace(NON_WORD, ' ').split(' ')) {
    if (chunk.length === 0) continue;
    if (HAN_CHAR.test(chunk)) chinese += chinese.length === 0 ? chunk : ` ${chunk}`;
    else splitAlnum(chunk, out);
  }
  if (chinese.length > 0) segmentChunk(chinese, out);
  const compounds = folded.match(LATIN_COMPOUND);
  if (compounds !== null) {
    for (const compound of compounds) {
      const joined = compound.replace(/[^a-z]/g, '');
      if (keep(joined)) out.push(joined);
    }
  }
  return out;
}

function gramsOfFolded(folded: string): string[] {
  const out: string[] = [];
  const runs = folded.match(HAN_RUN);
  if (runs === null) return out;
  for (const run of runs) {
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      out.push(chars[i]);
      if (i + 1 < chars.length) out.push(chars[i] + chars[i + 1]);
    }
  }
  return out;
}

/**
 * Index tokens of a text: jieba search-mode words for Chinese, split alphanumerics for the rest,
 * plus joined Latin compounds. Repeats are kept (they are term frequencies).
 */
export function tokenize(text: string): string[] {
  return tokensOfFolded(fold(text));
}

/** Single characters and character bigrams of every Chinese run of the text. */
export function hanGrams(text: string): string[] {
  return gramsOfFolded(fold(text));
}

/** `tokenize` and `hanGrams` of one text, folding it once. */
export function analyzeText(text: string): { words: string[]; grams: string[] } {
  if (text.length === 0) return { words: [], grams: [] };
  const folded = fold(text);
  return { words: tokensOfFolded(folded), grams: gramsOfFolded(folded) };
}

/**
 * Chinese phrases of a text for suggestions: every Chinese run, and each of its tails that starts on
 * a jieba word boundary (无线蓝牙耳机 → 无线蓝牙耳机, 蓝牙耳机, 耳机), two characters or more.
 */
export function hanPhrases(text: string): string[] {
  const out: string[] = [];
  const runs = normalize(text).match(HAN_RUN);
  if (runs === null) return out;
  for (const run of runs) {
    const pieces = cutMerged(run);
    for (let i = 0; i < pieces.length; i++) {
      const tail = pieces.slice(i).join('');
      if (Array.from(tail).length >= 2) out.push(tail);
    }
  }
  return out;
}

/** Character bigrams of a Chinese word (the word itself when it has two characters). */
export function bigramsOf(word: string): string[] {
  const chars = Array.from(word);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/**
 * The words of a normalised text as a query sees them: Chinese runs cut in precise mode, where
 * consecutive single characters that jieba could not group (机耳 → 机 + 耳) are merged back into one
 * word, matched as a whole or by its bigrams, so 机耳 does not match every product with 机 and 耳.
 */
function preciseWords(normalized: string): string[] {
  const raw: string[] = [];
  for (const chunk of normalized.split(' ')) {
    if (chunk.length === 0) continue;
    if (!HAN_CHAR.test(chunk)) {
      splitQueryAlnum(chunk, raw);
      continue;
    }
    for (const piece of cutMerged(chunk)) {
      if (HAN_CHAR.test(piece)) raw.push(piece);
      else splitQueryAlnum(piece, raw);
    }
  }
  return raw;
}

/** Precise jieba cut, lower-cased, with runs of single Chinese characters merged into one piece. */
function cutMerged(chunk: string): string[] {
  const out: string[] = [];
  let singles = '';
  for (const rawPiece of jieba().cut(upperAscii(chunk), false)) {
    const piece = rawPiece.toLowerCase().trim();
    if (piece.length === 0) continue;
    if (ALL_HAN.test(piece) && Array.from(piece).length === 1) {
      singles += piece;
      continue;
    }
    if (singles.length > 0) out.push(singles);
    singles = '';
    out.push(piece);
  }
  if (singles.length > 0) out.push(singles);
  return out;
}

/** Hyphenated / apostrophe words are joined (t-shirt → tshirt) when `joinable` accepts the result. */
function normalizeQuery(text: string, joinable: (joined: string) => boolean = () => true): string {
  return normalize(
    fold(text).replace(LATIN_COMPOUND, (compound) => {
      const joined = compound.replace(/[^a-z]/g, '');
      return joinable(joined) ? joined : compound;
    }),
  );
}

/**
 * Split a query into distinct terms (see `preciseWords`). `joinable` tells whether a hyphenated
 * word is searched joined (t-shirt → tshirt, when the catalog knows tshirt) or as its parts;
 * `read` turns the word sequence into terms (pinyin reading), before repeats are dropped.
 */
export function analyzeQuery(
  text: string,
  joinable?: (joined: string) => boolean,
  read: (tokens: readonly string[]) => QueryTerm[] = (tokens) => tokens.map((t) => ({ kind: kindOf(t), text: t })),
): AnalyzedQuery {
  const normalized = normalizeQuery(text, joinable);
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  const stopped: QueryTerm[] = [];
  for (const term of read(preciseWords(normalized))) {
    if (seen.has(term.text)) continue;
    seen.add(term.text);
    (keep(term.text) || term.reads !== undefined ? terms : stopped).push(term);
  }
  // A query made only of stop words still searches for them (and finds nothing) rather than for all.
  return { normalized, terms: terms.length > 0 ? terms : stopped };
}

/** Key of two words next to each other, as indexed by `wordPairs` and looked up for a query. */
export function pairKey(first: string, second: string): string {
  return `${first} ${second}`;
}

/** Keys of the adjacent word pairs of a text, words taken as a query takes them (for proximity). */
export function wordPairs(text: string): string[] {
  const words = preciseWords(normalizeQuery(text)).filter(keep);
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(pairKey(words[i], words[i + 1]));
  return out;
}

function splitQueryAlnum(piece: string, out: string[]): void {
  const parts = piece.match(LETTERS_OR_DIGITS);
  if (parts !== null) for (const part of parts) out.push(part);
}

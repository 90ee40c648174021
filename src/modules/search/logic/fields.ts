/**
 * The searchable fields of a product and their weights. Title ≫ brand / category / tags >
 * subtitle / attributes > description.
 */
import { analyzeText, wordPairs } from './tokenize.js';
import type { SearchDocument } from './types.js';

export const FIELD_NAMES = ['title', 'brand', 'category', 'tags', 'subtitle', 'attributes', 'description'] as const;
export const FIELD_COUNT = FIELD_NAMES.length;
export const TITLE = 0;
export const BRAND = 1;
export const CATEGORY = 2;
export const TAGS = 3;

/** Multiplier of a field's BM25 contribution. */
export const FIELD_WEIGHTS: readonly number[] = [8, 3, 3, 3, 1.5, 1.5, 0.5];
/** BM25 length normalisation per field: short fields barely, descriptions fully. */
export const FIELD_LENGTH_NORM: readonly number[] = [0.5, 0.2, 0.2, 0.3, 0.5, 0.5, 0.75];

/** One field of one product, analysed. */
export interface AnalyzedField {
  words: string[];
  grams: string[];
  /** Adjacent word pairs, for the proximity bonus: titles only. */
  pairs: string[];
}

function bothLanguages(text: { 'zh-CN': string; en: string } | undefined): string {
  return text === undefined ? '' : `${text['zh-CN']}\n${text.en}`;
}

/** The raw text of each field, in `FIELD_NAMES` order. Lists are joined by line breaks. */
export function fieldTexts(doc: SearchDocument): string[] {
  return [
    bothLanguages(doc.title),
    doc.brandName ?? '',
    doc.categoryNames.join('\n'),
    doc.tags.join('\n'),
    bothLanguages(doc.subtitle),
    doc.attributes.join('\n'),
    bothLanguages(doc.description),
  ];
}

export function analyzeDocument(doc: SearchDocument): AnalyzedField[] {
  return fieldTexts(doc).map((text, f) => ({
    ...analyzeText(text),
    pairs: f === TITLE ? [...wordPairs(doc.title['zh-CN']), ...wordPairs(doc.title.en)] : [],
  }));
}

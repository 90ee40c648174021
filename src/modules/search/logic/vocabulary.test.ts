import { describe, expect, it } from 'vitest';
import { inflections } from './match.js';
import { damerauLevenshtein, maxTypoDistance, Vocabulary } from './vocabulary.js';

describe('damerauLevenshtein', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(damerauLevenshtein('headphnes', 'headphones')).toBe(1);
    expect(damerauLevenshtein('blutooth', 'bluetooth')).toBe(1);
    expect(damerauLevenshtein('iphon', 'iphone')).toBe(1);
    expect(damerauLevenshtein('ab', 'ba')).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('same', 'same')).toBe(0);
  });

  it('stops early past the bound, returning bound + 1', () => {
    expect(damerauLevenshtein('kitten', 'sitting', 1)).toBe(2);
    expect(damerauLevenshtein('a', 'abcdef', 2)).toBe(3);
  });

  it('is symmetric', () => {
    for (const [a, b] of [['earbuds', 'eadbuds'], ['wirless', 'wireless'], ['coffee', 'cofe']]) {
      expect(damerauLevenshtein(a, b)).toBe(damerauLevenshtein(b, a));
    }
  });
});

describe('maxTypoDistance', () => {
  it('allows none under 4 letters, 1 up to 7, 2 from 8', () => {
    expect([3, 4, 7, 8, 12].map(maxTypoDistance)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('Vocabulary', () => {
  const vocabulary = new Vocabulary(
    new Map([
      ['wireless', 5], ['wired', 2], ['wire', 1], ['headphones', 3], ['headset', 1], ['bluetooth', 9],
      ['phone', 4], ['phones', 2], ['iphone', 3], ['shirt', 3], ['short', 8],
    ]),
  );

  it('finds longer words by prefix, most frequent first', () => {
    expect(vocabulary.withPrefix('wir', 10)).toEqual(['wireless', 'wired', 'wire']);
    expect(vocabulary.withPrefix('wire', 10)).toEqual(['wireless', 'wired']);
    expect(vocabulary.withPrefix('wir', 1)).toEqual(['wireless']);
    expect(vocabulary.withPrefix('zzz', 10)).toEqual([]);
  });

  it('corrects within the allowed distance, preferring nearer then more frequent words', () => {
    expect(vocabulary.correct('blutooth')).toBe('bluetooth');
    expect(vocabulary.correct('bluetoth')).toBe('bluetooth');
    expect(vocabulary.correct('hedphnes')).toBe('headphones'); // 8 letters: two edits allowed
    expect(vocabulary.correct('shert')).toBe('short'); // shirt and short are both one edit: short sells more
    expect(vocabulary.correct('phine')).toBe('phone');
  });

  it('does not correct known, short or far words', () => {
    expect(vocabulary.correct('phone')).toBeNull();
    expect(vocabulary.correct('fone')).toBeNull();
    expect(vocabulary.correct('ipd')).toBeNull();
    expect(vocabulary.correct('wirlss')).toBeNull(); // 6 letters, two edits from wireless
    expect(vocabulary.correct('wirlss')).toBeNull(); // cached answer is the same
  });
});

describe('inflections', () => {
  it('relates plural and singular forms', () => {
    expect(inflections('shoes')).toContain('shoe');
    expect(inflections('batteries')).toContain('battery');
    expect(inflections('bean')).toContain('beans');
    expect(inflections('glass')).not.toContain('glas');
  });
});

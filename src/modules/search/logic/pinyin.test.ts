import { describe, expect, it } from 'vitest';
import { PinyinIndex, readPinyin, syllablesOf } from './pinyin.js';

describe('syllablesOf', () => {
  it('reads words toneless, ü as v, polyphones in context', () => {
    expect(syllablesOf('耳机')).toEqual(['er', 'ji']);
    expect(syllablesOf('女装')).toEqual(['nv', 'zhuang']);
    expect(syllablesOf('银行')).toEqual(['yin', 'hang']);
  });
});

describe('PinyinIndex', () => {
  const index = new PinyinIndex(
    new Map([['耳机', 9], ['蓝牙', 7], ['华为', 6], ['户外', 1], ['手机', 8], ['女装', 2], ['保温杯', 3], ['二级', 1]]),
  );
  const read = (...tokens: string[]) => index.read(tokens).map((p) => `${p.text}:${p.words.join('|')}${p.initials ? ':i' : ''}`);

  it('reads full pinyin, across spaces and tone digits, into catalog words', () => {
    expect(read('erji')).toEqual(['erji:耳机|二级']);
    expect(read('lan', 'ya', 'er', 'ji')).toEqual(['lanya:蓝牙', 'erji:耳机|二级']);
    expect(read('lanyaerji')).toEqual(['lanya:蓝牙', 'erji:耳机|二级']);
    expect(read('lan', '2', 'ya', '2')).toEqual(['lanya:蓝牙']);
    expect(read('nuzhuang')).toEqual(['nuzhuang:女装']); // a folded lǚ
    expect(read('nvzhuang')).toEqual(['nvzhuang:女装']);
  });

  it('reads initials, keeping only words about as frequent as the best (hw: 华为, not 户外)', () => {
    expect(read('ej')).toEqual(['ej:耳机:i']);
    expect(read('hw')).toEqual(['hw:华为:i']);
    expect(read('lyej')).toEqual(['lyej:']); // not cut into ly + ej: erjj would be er + jj, anything
    expect(read('erjj')).toEqual(['erjj:']);
  });

  it('leaves what is not pinyin alone', () => {
    expect(read('xyzzy')).toEqual(['xyzzy:']);
    expect(read('erji', 'xyzzy')).toEqual(['erji:耳机|二级', 'xyzzy:']);
    expect(read('3')).toEqual(['3:']);
  });

  it('corrects Chinese words by reading, then near reading, then one character in long words', () => {
    expect(index.correct('耳鸡')).toBe('耳机');
    expect(index.correct('华维')).toBe('华为');
    expect(index.correct('保温怀')).toBe('保温杯');
    expect(index.correct('耳机')).toBeNull(); // known
    expect(index.correct('汽车')).toBeNull();
    expect(index.correct('耳')).toBeNull(); // one character: too little to go on
  });

  it('turns query tokens into terms, pinyin only for Latin words the catalog does not know', () => {
    const knows = (w: string) => w === 'huawei';
    const terms = readPinyin(['huawei', 'erji', '耳机', '5'], knows, index);
    expect(terms.map((t) => [t.text, t.reads?.words[0]])).toEqual([['huawei', undefined], ['erji', '耳机'], ['耳机', undefined], ['5', undefined]]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeQuery, bigramsOf, fold, hanGrams, hanPhrases, jieba, normalize, tokenize, wordPairs } from './tokenize.js';

const terms = (q: string): string[] => analyzeQuery(q).terms.map((t) => t.text);

describe('normalize', () => {
  it('folds full-width characters, case and punctuation', () => {
    expect(normalize('Ｈｕａｗｅｉ　ＦｒｅｅＢｕｄｓ！')).toBe('huawei freebuds');
    expect(normalize('【包邮】华为，耳机！')).toBe('包邮 华为 耳机');
    expect(normalize('  iPhone-15 / 128GB  ')).toBe('iphone 15 128gb');
    expect(normalize('')).toBe('');
  });

  it('drops Latin accents but keeps Chinese', () => {
    expect(fold("L'Oréal Nescafé")).toBe("l'oreal nescafe");
    expect(normalize('咖啡①')).toBe('咖啡1');
  });
});

describe('tokenize', () => {
  it('cuts 华为无线蓝牙耳机 into its words', () => {
    expect(tokenize('华为无线蓝牙耳机')).toEqual(expect.arrayContaining(['华为', '无线', '蓝牙', '耳机']));
  });

  it('keeps T恤 together in 纯棉T恤男款, whatever the case', () => {
    expect(tokenize('纯棉T恤男款')).toEqual(expect.arrayContaining(['纯棉', 't恤', '男款']));
    expect(tokenize('纯棉t恤男款')).toEqual(expect.arrayContaining(['纯棉', 't恤', '男款']));
  });

  it('yields the long word and its parts in search mode', () => {
    expect(tokenize('不锈钢保温杯')).toEqual(expect.arrayContaining(['不锈钢', '保温', '保温杯']));
  });

  it('splits English on non-alphanumerics and letter/digit boundaries', () => {
    expect(tokenize('iphone15 Pro-Max')).toEqual(expect.arrayContaining(['iphone', '15', 'pro', 'max']));
    expect(tokenize('Wireless, Bluetooth; Earbuds!')).toEqual(['wireless', 'bluetooth', 'earbuds']);
  });

  it('also keeps hyphenated and apostrophe words joined, and drops single letters and stop words', () => {
    const tokens = tokenize("Men's Cotton T-shirt for the gym");
    expect(tokens).toEqual(expect.arrayContaining(['men', 'mens', 'cotton', 'shirt', 'tshirt', 'gym']));
    expect(tokens).not.toContain('t');
    expect(tokens).not.toContain('s');
    expect(tokens).not.toContain('for');
    expect(tokens).not.toContain('the');
  });

  it('handles Chinese and English mixed in one run', () => {
    expect(tokenize('华为FreeBuds无线耳机')).toEqual(expect.arrayContaining(['华为', 'freebuds', '无线', '耳机']));
    expect(tokenize('5G手机')).toEqual(expect.arrayContaining(['5', '手机']));
  });

  it('never returns punctuation or empty tokens', () => {
    for (const token of tokenize('【新品】华为 —— 耳机！！ (2024) ...')) expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
  });
});

describe('Chinese grams', () => {
  it('gives characters and adjacent pairs of each Chinese run', () => {
    const grams = hanGrams('无线蓝牙耳机 Earbuds');
    expect(grams).toEqual(expect.arrayContaining(['无', '耳', '无线', '蓝牙', '耳机', '牙耳']));
    expect(grams).not.toContain('机耳');
    expect(grams.some((g) => /[a-z]/i.test(g))).toBe(false);
  });

  it('does not pair characters across runs', () => {
    expect(hanGrams('耳机 华为')).not.toContain('机华');
  });

  it('bigramsOf a word', () => {
    expect(bigramsOf('蓝牙耳机')).toEqual(['蓝牙', '牙耳', '耳机']);
    expect(bigramsOf('耳机')).toEqual(['耳机']);
    expect(bigramsOf('耳')).toEqual([]);
  });

  it('suggestion phrases are the tails of a run starting on word boundaries', () => {
    expect(hanPhrases('无线蓝牙耳机')).toEqual(['无线蓝牙耳机', '蓝牙耳机', '耳机']);
    expect(hanPhrases('挂耳咖啡')).not.toContain('耳咖啡');
  });
});

describe('analyzeQuery', () => {
  it('cuts Chinese precisely and splits English', () => {
    expect(terms('华为 earbuds')).toEqual(['华为', 'earbuds']);
    expect(terms('无线蓝牙耳机')).toEqual(['无线', '蓝牙', '耳机']);
    expect(terms('iphone15')).toEqual(['iphone', '15']);
  });

  it('merges characters jieba leaves alone, so 机耳 stays one term', () => {
    expect(terms('机耳')).toEqual(['机耳']);
    expect(terms('跑步鞋')).toEqual(['跑步', '鞋']);
  });

  it('joins hyphenated words, drops duplicates and stop words', () => {
    expect(terms("men's t-shirt")).toEqual(['mens', 'tshirt']);
    expect(terms('case for the iphone case')).toEqual(['case', 'iphone']);
  });

  it('keeps stop words when there is nothing else', () => {
    expect(terms('the')).toEqual(['the']);
    expect(terms('   ')).toEqual([]);
    expect(terms('！！')).toEqual([]);
  });

  it('labels term kinds', () => {
    expect(analyzeQuery('华为 earbuds 15 t恤').terms.map((t) => t.kind)).toEqual(['han', 'latin', 'number', 'mixed']);
  });

  it('reports the normalised query', () => {
    expect(analyzeQuery('  Blutooth  Hedphones！ ').normalized).toBe('blutooth hedphones');
  });

  it('joins a hyphenated word only when the catalog knows the joined form', () => {
    const known = new Set(['tshirt']);
    const joinable = (w: string): boolean => known.has(w);
    expect(analyzeQuery('T-shirt', joinable).terms.map((t) => t.text)).toEqual(['tshirt']);
    expect(analyzeQuery('bluetooth-headphones', joinable).terms.map((t) => t.text)).toEqual(['bluetooth', 'headphones']);
  });
});

describe('word pairs and the jieba singleton', () => {
  it('pairs adjacent words as a query takes them', () => {
    expect(wordPairs('Xiaomi 14 Leica')).toEqual(['xiaomi 14', '14 leica']);
  });

  it('creates jieba once', () => {
    expect(jieba()).toBe(jieba());
  });
});

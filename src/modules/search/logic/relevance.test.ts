import { describe, expect, it } from 'vitest';
import { fixtureCatalog } from './fixtures.js';
import { buildSearchIndex } from './index.js';

const index = buildSearchIndex(fixtureCatalog());

interface Case {
  q: string;
  /** The first result must be one of these. */
  top1?: string[];
  /** Each of these must be among the first three results. */
  top3?: string[];
  /** The reported corrected query (typo cases); absent means no correction may be reported. */
  corrected?: string;
}

const HEADPHONES = ['hw-freebuds-pro3', 'hw-freebuds-se2', 'mi-buds-5', 'sony-wh1000xm5', 'apple-airpods-pro2', 'wired-earphones'];
const HUAWEI_EARBUDS = ['hw-freebuds-pro3', 'hw-freebuds-se2'];
const HUAWEI = ['hw-freebuds-pro3', 'hw-freebuds-se2', 'hw-mate60', 'hw-nova12', 'hw-matebook-d14', 'hw-watch-gt4'];
const TEES = ['uniqlo-cotton-tee', 'white-tee-3pack', 'uniqlo-women-tee'];
const MENS_TEES = ['uniqlo-cotton-tee', 'white-tee-3pack'];
const XIAOMI_PHONES = ['mi-14', 'redmi-note13'];
const LAPTOPS = ['lenovo-thinkpad-x1', 'mi-notebook-pro', 'hw-matebook-d14'];
const WATCHES = ['hw-watch-gt4', 'apple-watch-s9'];
const SPORTS_SHOES = ['nike-pegasus-40', 'anta-running', 'lining-wade', 'adidas-ultraboost', 'kids-sneakers'];
const RUNNING_SHOES = ['nike-pegasus-40', 'anta-running', 'adidas-ultraboost'];
const BEANS = ['starbucks-beans', 'yunnan-beans'];
const COFFEE = ['starbucks-beans', 'yunnan-beans', 'nescafe-instant', 'saturnbird-instant', 'drip-coffee'];
const SPEAKERS = ['mi-speaker', 'sony-srs-xb100'];
const MASKS = ['mediheal-mask', 'clay-mask'];
const NOISE_CANCELLING = ['hw-freebuds-pro3', 'sony-wh1000xm5', 'apple-airpods-pro2'];
const WIRELESS = ['hw-freebuds-pro3', 'hw-freebuds-se2', 'mi-buds-5', 'sony-wh1000xm5', 'apple-airpods-pro2', 'logitech-m650'];

const CASES: Case[] = [
  // Chinese
  { q: '无线蓝牙耳机', top3: ['hw-freebuds-pro3', 'hw-freebuds-se2', 'mi-buds-5'] },
  { q: '蓝牙耳机', top1: ['hw-freebuds-pro3', 'hw-freebuds-se2', 'mi-buds-5'] },
  { q: '耳机', top1: HEADPHONES },
  { q: '降噪耳机', top1: NOISE_CANCELLING },
  { q: '纯棉T恤男款', top1: ['uniqlo-cotton-tee'] },
  { q: 't恤', top3: TEES },
  { q: '保温杯', top3: ['thermos-cup', 'zojirushi-mug'] },
  { q: '面膜', top1: ['mediheal-mask'], top3: MASKS },
  { q: '咖啡豆', top3: BEANS },
  { q: '速溶咖啡', top3: ['nescafe-instant', 'saturnbird-instant'] },
  { q: '挂耳咖啡', top1: ['drip-coffee'] },
  { q: '运动鞋', top1: SPORTS_SHOES },
  { q: '篮球鞋', top1: ['lining-wade'] },
  { q: '小米手机', top1: XIAOMI_PHONES },
  { q: '华为手机', top1: ['hw-mate60', 'hw-nova12'] },
  { q: '笔记本电脑', top3: LAPTOPS },
  { q: '智能手表', top3: WATCHES },
  { q: '空气炸锅', top1: ['supor-air-fryer'] },
  { q: '电饭煲', top1: ['midea-rice-cooker'] },
  { q: '豆浆机', top1: ['joyoung-soymilk'] },
  { q: '咖啡机', top1: ['delonghi-coffee-machine'] },
  { q: '坚果', top1: ['three-squirrels-nuts'] },
  { q: '辣条', top1: ['weilong-spicy-strips'] },
  { q: '牛仔裤', top1: ['levis-501'] },
  { q: '连衣裙', top1: ['floral-dress'] },
  { q: '羽绒服', top1: ['uniqlo-down-jacket'] },
  { q: '卫衣', top1: ['anta-hoodie'] },
  { q: '防晒霜', top1: ['anessa-sunscreen'] },
  { q: '蓝牙音箱', top3: SPEAKERS },
  { q: '无线鼠标', top1: ['logitech-m650'] },
  { q: '充电器', top1: ['anker-charger'] },
  { q: '手机壳', top1: ['iphone15-case'] },
  { q: '红米', top1: ['redmi-note13'] },
  // Partial words: inside a longer word, or cut out of it
  { q: '玻尿酸', top1: ['loreal-serum'] },
  { q: '保温', top3: ['thermos-cup', 'zojirushi-mug'] },
  // English
  { q: 'insulated cup', top1: ['thermos-cup'] },
  { q: 'face mask', top3: MASKS },
  { q: 'coffee beans', top3: BEANS },
  { q: 'running shoes', top3: RUNNING_SHOES },
  { q: 'xiaomi phone', top1: XIAOMI_PHONES },
  { q: 'xiaomi 14', top1: ['mi-14'] },
  { q: 'mate 60', top1: ['hw-mate60'] },
  { q: 'laptop', top3: LAPTOPS },
  { q: 'smart watch', top1: WATCHES },
  { q: 'huawei watch', top1: ['hw-watch-gt4'] },
  { q: 'air fryer', top1: ['supor-air-fryer'] },
  { q: 'jeans', top1: ['levis-501'] },
  { q: 'hoodie', top1: ['anta-hoodie'] },
  { q: 'bluetooth speaker', top3: SPEAKERS },
  { q: 'wireless mouse', top1: ['logitech-m650'] },
  { q: 'sony headphones', top1: ['sony-wh1000xm5'] },
  { q: 'noise cancelling headphones', top1: ['sony-wh1000xm5'] },
  { q: 'adidas', top1: ['adidas-ultraboost'] },
  { q: 'huawei', top1: HUAWEI },
  { q: 'levis', top1: ['levis-501'] },
  { q: 'loreal', top3: ['loreal-serum', 'loreal-men-cleanser'] },
  { q: 'tshirt', top3: TEES },
  { q: "men's t-shirt", top1: MENS_TEES },
  { q: 'iphone15', top3: ['apple-iphone15'] },
  // Mixed Chinese / English, full-width
  { q: '华为 earbuds', top3: HUAWEI_EARBUDS },
  { q: '华为earbuds', top3: HUAWEI_EARBUDS },
  { q: '华为 耳机', top3: HUAWEI_EARBUDS },
  { q: '耳机 华为', top3: HUAWEI_EARBUDS },
  { q: 'apple 耳机', top1: ['apple-airpods-pro2'] },
  { q: '5g手机', top1: XIAOMI_PHONES },
  { q: '女装 t恤', top1: ['uniqlo-women-tee'] },
  { q: 'Ｈｕａｗｅｉ', top1: HUAWEI },
  // Prefixes (as typed)
  { q: 'wirel', top1: WIRELESS },
  { q: 'iphon', top1: ['apple-iphone15', 'iphone15-case'], top3: ['apple-iphone15'] },
  { q: 'coffe', top1: COFFEE },
  { q: 'headphone', top1: ['sony-wh1000xm5'] },
  // Misspellings
  { q: 'blutooth hedphones', top1: ['sony-wh1000xm5'], corrected: 'bluetooth headphones' },
  { q: 'headphnes', top1: ['sony-wh1000xm5'], corrected: 'headphones' },
  { q: 'sunscrean', top1: ['anessa-sunscreen'], corrected: 'sunscreen' },
  { q: 'eletric kettle', top1: ['mi-kettle'], corrected: 'electric kettle' },
  { q: 'cofee beans', top3: BEANS, corrected: 'coffee beans' },
  { q: 'wirless mouse', top1: ['logitech-m650'], corrected: 'wireless mouse' },
  { q: '华为 eadbuds', top3: HUAWEI_EARBUDS, corrected: '华为 earbuds' },
  // Pinyin, its initials, with or without spaces and tones (nothing is "corrected": they are not typos)
  { q: 'erji', top1: HEADPHONES, top3: ['hw-freebuds-se2', 'mi-buds-5'] },
  { q: 'ej', top1: HEADPHONES },
  { q: 'hw', top1: HUAWEI },
  { q: 'lan ya er ji', top3: ['hw-freebuds-pro3', 'hw-freebuds-se2', 'mi-buds-5'] },
  { q: 'lanyaerji', top3: ['hw-freebuds-pro3', 'hw-freebuds-se2', 'mi-buds-5'] },
  { q: 'lán yá ěr jī', top3: ['hw-freebuds-pro3', 'hw-freebuds-se2', 'mi-buds-5'] },
  { q: 'lan2 ya2 er3 ji1', top3: ['hw-freebuds-pro3', 'hw-freebuds-se2', 'mi-buds-5'] },
  { q: 'shouji', top1: ['iphone15-case', 'apple-iphone15', 'hw-mate60', 'hw-nova12', 'mi-14', 'redmi-note13'] },
  { q: 'kafei', top1: COFFEE },
  { q: '华为 erji', top3: HUAWEI_EARBUDS },
  { q: 'huawei erji', top3: HUAWEI_EARBUDS },
  { q: 'xiaomi shouji', top1: XIAOMI_PHONES },
  // Chinese typos: homophones and near-pinyin
  { q: '耳鸡', top1: HEADPHONES, corrected: '耳机' },
  { q: '华维', top1: HUAWEI, corrected: '华为' },
  { q: '华维手机', top1: ['hw-mate60', 'hw-nova12'], corrected: '华为手机' },
  { q: '蓝芽耳机', top3: ['hw-freebuds-pro3', 'hw-freebuds-se2', 'mi-buds-5'], corrected: '蓝牙耳机' },
  { q: '无线耳鸡', top3: ['hw-freebuds-se2', 'mi-buds-5'], corrected: '无线耳机' },
];

describe('relevance table', () => {
  it('has at least 30 queries', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('$q', ({ q, top1, top3, corrected }) => {
    const result = index.search({ q, limit: 10 });
    const ids = result.ids;
    if (top1 !== undefined) expect(top1, `top result of ${q}: ${ids.join(', ')}`).toContain(ids[0]);
    if (top3 !== undefined) {
      for (const id of top3) expect(ids.slice(0, 3), `top 3 of ${q}`).toContain(id);
    }
    expect(result.corrected).toBe(corrected);
  });

  it('corrects nothing that is right, and invents nothing for gibberish', () => {
    for (const q of ['耳机', '华为', 'huawei', 'erji', 'hw', '蓝牙耳机']) {
      const result = index.search({ q });
      expect(result.corrected, q).toBeUndefined();
      expect(result.didYouMean, q).toBeUndefined();
      expect(result.total, q).toBeGreaterThan(0);
    }
    for (const q of ['qwzxv', 'asdfgh', 'xqzj', '汽车', '鑫龘', '的的', 'ipd', 'zzzz zzzz']) {
      const result = index.search({ q });
      expect(result.total, q).toBe(0);
      expect(result.corrected, q).toBeUndefined();
      expect(result.didYouMean, q).toBeUndefined();
    }
  });

  it("reads initials as the catalog's frequent words: hw is 华为 (6 products), not 户外 (1)", () => {
    const hw = index.search({ q: 'hw', limit: 20 });
    expect(new Set(hw.ids)).toEqual(new Set(HUAWEI));
    expect(index.search({ q: 'ej' }).total).toBe(HEADPHONES.length);
  });

  it('offers "did you mean" queries, that do find products, when no word matched at all', () => {
    expect(index.search({ q: 'kafie' })).toMatchObject({ total: 0, didYouMean: ['咖啡'] });
    expect(index.search({ q: 'erjj' })).toMatchObject({ total: 0, didYouMean: ['耳机'] });
    expect(index.search({ q: 'headphonzzz' })).toMatchObject({ total: 0, didYouMean: ['headphones'] });
    for (const [q] of index.search({ q: 'kafie' }).didYouMean!.map((d) => [d])) expect(index.search({ q }).total).toBeGreaterThan(0);
    // A filter emptying the page is not a word problem: no link.
    expect(index.search({ q: '耳机', priceMin: 99_999_999 }).didYouMean).toBeUndefined();
  });

  it('does not let a partial Chinese word over-match: 机耳 is not 耳机', () => {
    expect(index.search({ q: '机耳' }).total).toBe(0);
    expect(index.search({ q: '耳机' }).total).toBe(HEADPHONES.length);
  });
});

import { describe, expect, it } from 'vitest';
import { BRANDS, CATEGORIES, fixtureCatalog } from './fixtures.js';
import { buildSearchIndex, MAX_LIMIT, PRICE_BANDS, type SearchDocument } from './index.js';

const docs = fixtureCatalog();
const byId = new Map(docs.map((d) => [d.id, d]));
const index = buildSearchIndex(docs);
const ALL = { limit: MAX_LIMIT };

function doc(id: string): SearchDocument {
  const found = byId.get(id);
  if (found === undefined) throw new Error(`no fixture ${id}`);
  return found;
}

describe('fixture catalog', () => {
  it('is big and varied enough', () => {
    expect(docs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(docs.map((d) => d.categoryId)).size).toBeGreaterThanOrEqual(12);
    expect(Object.keys(CATEGORIES).length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(BRANDS).length).toBeGreaterThan(20);
    expect(index.size).toBe(docs.length);
  });
});

describe('empty query', () => {
  it('returns every product, best sellers first', () => {
    const result = index.search(ALL);
    expect(result.total).toBe(docs.length);
    const sales = result.ids.map((id) => doc(id).sales);
    expect(sales).toEqual([...sales].sort((a, b) => b - a));
    expect(result.corrected).toBeUndefined();
  });

  it('treats blank and punctuation-only text as no text', () => {
    expect(index.search({ q: '   ', ...ALL }).ids).toEqual(index.search(ALL).ids);
    expect(index.search({ q: '！？', ...ALL }).ids).toEqual(index.search(ALL).ids);
  });

  it('with filters returns all matching products', () => {
    const result = index.search({ categoryId: 'coffee', ...ALL });
    expect(new Set(result.ids)).toEqual(new Set(docs.filter((d) => d.categoryId === 'coffee').map((d) => d.id)));
  });
});

describe('filters', () => {
  it('category includes descendants', () => {
    const audio = index.search({ categoryId: 'audio', ...ALL });
    expect(audio.total).toBe(docs.filter((d) => d.categoryPath.includes('audio')).length);
    expect(audio.ids).toEqual(expect.arrayContaining(['sony-wh1000xm5', 'mi-speaker']));
    expect(index.search({ categoryId: 'electronics' }).total).toBe(23);
    expect(index.search({ q: '耳机', categoryId: 'electronics' }).total).toBe(6);
    expect(index.search({ q: '耳机', categoryId: 'food' }).total).toBe(0);
  });

  it('an unknown category matches nothing', () => {
    expect(index.search({ categoryId: 'no-such-category' }).total).toBe(0);
  });

  it('brands: any of the listed; none listed is no filter; unknown ones match nothing', () => {
    const result = index.search({ brandIds: ['huawei', 'apple'], ...ALL });
    expect(result.ids.every((id) => ['huawei', 'apple'].includes(doc(id).brandId ?? ''))).toBe(true);
    expect(result.total).toBe(docs.filter((d) => d.brandId === 'huawei' || d.brandId === 'apple').length);
    expect(index.search({ brandIds: [] }).total).toBe(docs.length);
    expect(index.search({ brandIds: ['nobody'] }).total).toBe(0);
  });

  it('price range matches when it meets the product range, bounds included', () => {
    // mi-14 costs 3999–4799 yuan.
    const ids = (priceMin?: number, priceMax?: number): string[] => index.search({ q: 'xiaomi 14', priceMin, priceMax }).ids;
    expect(ids(450_000, 460_000)).toContain('mi-14');
    expect(ids(479_900, undefined)).toContain('mi-14');
    expect(ids(undefined, 399_900)).toContain('mi-14');
    expect(ids(479_901, undefined)).not.toContain('mi-14');
    expect(ids(undefined, 399_899)).not.toContain('mi-14');
    const cheap = index.search({ priceMax: 5_000, ...ALL });
    expect(cheap.ids.every((id) => doc(id).priceMin <= 5_000)).toBe(true);
    expect(cheap.total).toBe(docs.filter((d) => d.priceMin <= 5_000).length);
  });

  it('inStock true keeps products in stock, false keeps those out of stock', () => {
    const inStock = index.search({ inStock: true, ...ALL });
    const out = index.search({ inStock: false, ...ALL });
    expect(inStock.ids.every((id) => doc(id).inStock)).toBe(true);
    expect(out.ids.every((id) => !doc(id).inStock)).toBe(true);
    expect(inStock.total + out.total).toBe(docs.length);
    expect(out.ids).toContain('sony-srs-xb100');
  });

  it('combines filters with text', () => {
    const result = index.search({ q: 'bluetooth', brandIds: ['sony'], inStock: true });
    expect(index.search({ q: 'bluetooth', brandIds: ['sony'] }).total).toBe(2);
    expect(result.ids).toEqual(['sony-wh1000xm5']);
  });
});

describe('sorting', () => {
  const sorted = (values: number[], dir: 1 | -1): boolean => values.every((v, i) => i === 0 || dir * (v - values[i - 1]) >= 0);

  it('price ascending and descending by the lowest price', () => {
    const asc = index.search({ sort: 'price_asc', ...ALL }).ids.map((id) => doc(id).priceMin);
    const desc = index.search({ sort: 'price_desc', ...ALL }).ids.map((id) => doc(id).priceMin);
    expect(sorted(asc, 1)).toBe(true);
    expect(sorted(desc, -1)).toBe(true);
  });

  it('sales and newest', () => {
    expect(sorted(index.search({ sort: 'sales', ...ALL }).ids.map((id) => doc(id).sales), -1)).toBe(true);
    expect(sorted(index.search({ sort: 'newest', ...ALL }).ids.map((id) => doc(id).createdAt), -1)).toBe(true);
  });

  it('applies to text results too, keeping the same set', () => {
    const relevance = index.search({ q: '耳机', ...ALL });
    const cheap = index.search({ q: '耳机', sort: 'price_asc', ...ALL });
    expect(new Set(cheap.ids)).toEqual(new Set(relevance.ids));
    expect(cheap.ids[0]).toBe('wired-earphones');
    expect(sorted(cheap.ids.map((id) => doc(id).priceMin), 1)).toBe(true);
  });

  it('breaks ties by sales then id', () => {
    const ties: SearchDocument[] = ['c', 'a', 'b'].map((id, i) => ({ ...doc('glass-cup'), id, sales: i === 0 ? 5 : 1 }));
    const small = buildSearchIndex(ties);
    expect(small.search({ q: 'glass cup' }).ids).toEqual(['c', 'a', 'b']);
    expect(small.search({ sort: 'price_asc' }).ids).toEqual(['c', 'a', 'b']);
  });

  it('treats an unknown sort as relevance', () => {
    expect(index.search({ q: '耳机', sort: 'cheapest' as never }).ids).toEqual(index.search({ q: '耳机' }).ids);
    expect(index.search({ sort: 'cheapest' as never }).ids).toEqual(index.search({}).ids);
  });

  it('is deterministic across searches and rebuilds', () => {
    const again = buildSearchIndex(fixtureCatalog());
    for (const q of ['耳机', 'wirel', '', 'blutooth']) {
      expect(again.search({ q, ...ALL })).toEqual(index.search({ q, ...ALL }));
      expect(index.search({ q, ...ALL })).toEqual(index.search({ q, ...ALL }));
    }
  });
});

describe('pagination', () => {
  it('pages concatenate to the full ordering', () => {
    for (const sort of ['relevance', 'price_asc', 'newest'] as const) {
      for (const q of ['', 'coffee', '耳机']) {
        const full = index.search({ q, sort, ...ALL });
        const pages: string[] = [];
        for (let offset = 0; offset < full.total; offset += 7) pages.push(...index.search({ q, sort, offset, limit: 7 }).ids);
        expect(pages).toEqual(full.ids);
      }
    }
  });

  it('keeps the total past the end and clamps odd values', () => {
    expect(index.search({ offset: 1000 })).toMatchObject({ total: docs.length, ids: [] });
    expect(index.search({}).ids).toHaveLength(20);
    expect(index.search({ limit: 0 })).toMatchObject({ total: docs.length, ids: [] });
    expect(index.search({ limit: 10_000 }).ids).toHaveLength(Math.min(MAX_LIMIT, docs.length));
    expect(index.search({ offset: -5, limit: 3 }).ids).toEqual(index.search({ limit: 3 }).ids);
    expect(index.search({ offset: Number.NaN, limit: Number.NaN }).ids).toHaveLength(20);
  });
});

describe('matching', () => {
  it('ANDs terms, each satisfied by any field', () => {
    const result = index.search({ q: '华为 耳机', ...ALL });
    expect(new Set(result.ids)).toEqual(new Set(['hw-freebuds-pro3', 'hw-freebuds-se2']));
  });

  it('falls back to OR when no product has every term', () => {
    const result = index.search({ q: '华为 咖啡', ...ALL });
    expect(result.ids).toEqual(expect.arrayContaining(['hw-mate60', 'nescafe-instant']));
    expect(result.total).toBe(index.search({ q: '华为' }).total + index.search({ q: '咖啡' }).total);
  });

  it('reports no correction when nothing was corrected, and nothing for gibberish', () => {
    expect(index.search({ q: 'bluetooth' }).corrected).toBeUndefined();
    expect(index.search({ q: 'zzzzqqq' })).toMatchObject({ total: 0, ids: [] });
    expect(index.search({ q: 'zzzzqqq' }).corrected).toBeUndefined();
  });

  it('copes with very long queries (only the first terms count)', () => {
    const long = `华为 耳机 ${'wireless '.repeat(500)}${'咖啡'.repeat(500)}`;
    expect(index.search({ q: long }).ids[0]).toBe(index.search({ q: '华为 耳机 wireless' }).ids[0]);
  });

  it('does not correct words shorter than four letters', () => {
    expect(index.search({ q: 'cpu' }).corrected).toBeUndefined();
  });

  it('searches a hyphenated query as its parts when the joined word is unknown', () => {
    expect(index.search({ q: 'bluetooth-speaker' }).ids).toEqual(index.search({ q: 'bluetooth speaker' }).ids);
    expect(index.search({ q: 't-shirt' }).total).toBe(3);
  });

  it('searches descriptions, attributes and tags, with less weight than titles', () => {
    expect(index.search({ q: 'nearlink' }).ids).toEqual(['hw-freebuds-pro3']);
    expect(index.search({ q: '卫星通话' }).ids).toEqual(['hw-mate60']);
    expect(index.search({ q: 'vacuum flask' }).ids).toEqual(['thermos-cup']);
  });

  it('ranks exact words above prefixes and Chinese bigrams, and typos last', () => {
    const base = doc('glass-cup');
    const make = (id: string, zh: string, en: string, sales: number): SearchDocument => ({
      ...base, id, title: { 'zh-CN': zh, en }, tags: [], attributes: [], subtitle: undefined, description: undefined, sales,
    });
    const small = buildSearchIndex([
      make('exact', '铜线', 'Copper Wire', 1),
      make('prefix', '无线', 'Wireless Charger', 1000),
      make('word', '耳机', 'Earphones', 1),
      make('bigram', '入耳机型', 'In-ear model', 1000),
    ]);
    expect(small.search({ q: 'wire' }).ids).toEqual(['exact', 'prefix']);
    expect(small.search({ q: '耳机' }).ids).toEqual(['word', 'bigram']);
    expect(small.search({ q: 'wirelss' })).toMatchObject({ ids: ['prefix'], corrected: 'wireless' });
  });
});

describe('facets', () => {
  it('lists root categories without a category filter, children with one', () => {
    const root = index.search({});
    expect(root.facets.categories.map((c) => c.id).sort()).toEqual(['apparel', 'beauty', 'electronics', 'food', 'home', 'shoes']);
    expect(root.facets.categories.reduce((sum, c) => sum + c.count, 0)).toBe(docs.length);
    const electronics = index.search({ categoryId: 'electronics' });
    expect(electronics.facets.categories).toEqual([
      { id: 'audio', count: 8 },
      { id: 'computers', count: 5 },
      { id: 'phones', count: 5 },
      { id: 'wearables', count: 3 },
      { id: 'phone-accessories', count: 2 },
    ]);
    expect(index.search({ categoryId: 'coffee' }).facets.categories).toEqual([]);
  });

  it('counts brands disjunctively: the brand filter does not narrow its own facet', () => {
    const result = index.search({ q: '耳机', brandIds: ['huawei'] });
    expect(result.total).toBe(2);
    expect(result.facets.brands).toEqual([
      { id: 'huawei', count: 2 },
      { id: 'apple', count: 1 },
      { id: 'sony', count: 1 },
      { id: 'xiaomi', count: 1 },
    ]);
  });

  it('lists every price band, counting products whose range meets it', () => {
    const result = index.search({ q: '手机' });
    expect(result.facets.priceBands.map(({ min, max }) => ({ min, max }))).toEqual(PRICE_BANDS);
    // mi-14 (3999–4799 yuan) and the 5999 iPhone and 6999 Mate are all in 2000+; the case is under 50.
    const band = (min: number): number => result.facets.priceBands.find((b) => b.min === min)?.count ?? -1;
    expect(band(200_000)).toBe(index.search({ q: '手机', priceMin: 200_000 }).total);
    expect(band(0)).toBe(1);
  });

  it('counts in-stock products with every filter but inStock', () => {
    const result = index.search({ inStock: false });
    expect(result.facets.inStock).toBe(index.search({ inStock: true }).total);
  });
});

describe('building', () => {
  it('refuses duplicate ids and prices that are not ordered integers', () => {
    expect(() => buildSearchIndex([doc('glass-cup'), doc('glass-cup')])).toThrow(/duplicate/);
    expect(() => buildSearchIndex([{ ...doc('glass-cup'), priceMin: 12.5 }])).toThrow(/integers/);
    expect(() => buildSearchIndex([{ ...doc('glass-cup'), priceMin: 500, priceMax: 100 }])).toThrow(/priceMin/);
  });

  it('handles an empty catalog', () => {
    const empty = buildSearchIndex([]);
    expect(empty.size).toBe(0);
    expect(empty.search({ q: '耳机' })).toMatchObject({ total: 0, ids: [] });
    expect(empty.search({}).facets.categories).toEqual([]);
    expect(empty.suggest('a')).toEqual([]);
  });

  it('adds the leaf to a category path that leaves it out', () => {
    const partial = buildSearchIndex([{ ...doc('glass-cup'), categoryPath: ['home'] }]);
    expect(partial.search({ categoryId: 'drinkware' }).total).toBe(1);
    expect(partial.search({ categoryId: 'home' }).facets.categories).toEqual([{ id: 'drinkware', count: 1 }]);
  });
});

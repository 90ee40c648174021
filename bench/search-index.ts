/**
 * `npx tsx bench/search-index.ts [times…]`: the search index alone, on the demo shop's own catalog
 * (the pure catalog plan, no database) — build time, heap it holds, and queries a second over
 * Chinese, English, pinyin and typo queries. Default: the demo's 240 products, and ten times them
 * (each product ten times over, with a model number in its title, as a bigger shop of the same kind).
 * Run with `node --expose-gc --import tsx` for steadier heap figures.
 */
import { planCatalog } from '../src/demo/catalog-plan.js';
import { DEMO_SEED } from '../src/demo/generate.js';
import { buildSearchIndex, type SearchDocument } from '../src/modules/search/logic/index.js';

const QUERIES = [
  '耳机', '蓝牙耳机', '华为', '手机', '保温杯', 'earbuds', 'wireless', 'huawei', 'coffee', 'tshirt',
  'erji', 'ej', 'hw', 'lan ya er ji', 'lanyaerji', 'shouji', '耳鸡', '华维', '华为 erji', 'blutooth', 'qwzxv',
];

function documents(times: number): SearchDocument[] {
  const one = demoDocuments();
  return Array.from({ length: times }, (_, k) =>
    one.map((d) => (k === 0 ? d : { ...d, id: `${d.id}-${k}`, title: { 'zh-CN': `${d.title['zh-CN']} ${k}代`, en: `${d.title.en} Mk ${k}` } })),
  ).flat();
}

function demoDocuments(): SearchDocument[] {
  const plan = planCatalog(DEMO_SEED);
  const categories = new Map(plan.categories.map((c) => [c.slug, c]));
  const brands = new Map(plan.brands.map((b) => [b.slug, b]));
  const pathOf = (slug: string) => {
    const path = [];
    for (let at = categories.get(slug); at; at = at.parentSlug ? categories.get(at.parentSlug) : undefined) path.unshift(at);
    return path;
  };
  return plan.products.map((p, i) => {
    const path = pathOf(p.categorySlug);
    const brand = brands.get(p.brandSlug);
    const prices = p.variants.map((v) => v.price);
    return {
      id: p.slug,
      title: p.title,
      subtitle: p.subtitle,
      description: p.description,
      categoryId: p.categorySlug,
      categoryPath: path.map((c) => c.slug),
      categoryNames: path.flatMap((c) => [c.name['zh-CN'], c.name.en]),
      brandId: p.brandSlug,
      brandName: brand ? `${brand.name['zh-CN']} ${brand.name.en}` : null,
      tags: p.tags,
      attributes: p.attributes.flatMap((a) => [a.value['zh-CN'], a.value.en]),
      priceMin: Math.min(...prices),
      priceMax: Math.max(...prices),
      inStock: true,
      sales: Math.round(p.popularity * 1000),
      createdAt: i,
    };
  });
}

const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

export { documents };
const factors = process.argv.slice(2).map(Number).filter((n) => n > 0);
buildSearchIndex(documents(1)); // loads jieba and pinyin-pro once, outside the figures
const kept = [];
for (const times of factors.length ? factors : [1, 10]) {
  const docs = documents(times);
  const before = heap();
  const t0 = performance.now();
  const buildCpu0 = process.cpuUsage();
  const index = buildSearchIndex(docs);
  const buildMs = performance.now() - t0;
  const { user, system } = process.cpuUsage(buildCpu0);
  const buildCpu = user + system;
  const held = heap() - before;
  kept.push(index);
  const runs = 5000;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) index.search({ q: QUERIES[i % QUERIES.length], limit: 20 });
  const cpu = process.cpuUsage(cpu0);
  const qps = runs / ((cpu.user + cpu.system) / 1e6);
  console.log(`${docs.length} products: built in ${buildMs.toFixed(0)} ms (CPU ${(buildCpu / 1000).toFixed(0)} ms), ${(held / 1e6).toFixed(1)} MB held, ${Math.round(qps)} queries per CPU second (unmemoised)`);
  if (process.env.PER_QUERY) {
    for (const q of QUERIES) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < 500; i++) index.search({ q, limit: 20 });
      const c = process.cpuUsage(c0);
      console.log(`  ${q}: ${((c.user + c.system) / 500).toFixed(0)} µs`);
    }
  }
  if (index.size !== docs.length) throw new Error('index size');
}

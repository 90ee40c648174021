/**
 * `npx tsx bench/storefront-size.ts`: how much JavaScript a product page's first load ships,
 * gzipped — every script the HTML references (<script src>, modulepreload, imports inside inline
 * module scripts) plus its inline scripts. Boots the app in-process on an empty in-memory
 * database with one seeded product; needs `npm run build:storefront` first.
 * The budget is 100 KB; the cart page (hydrated, with React) is printed for comparison.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadConfig } from '../src/platform/config.js';
import { createKernel } from '../src/platform/kernel.js';
import { createApp } from '../src/app.js';
import { STOREFRONT_DIST } from '../src/web/storefront/index.js';

const BUDGET = 100 * 1024;

if (!existsSync(join(STOREFRONT_DIST, 'server', 'index.js'))) {
  console.error('dist/storefront is missing: run `npm run build:storefront` first.');
  process.exit(1);
}

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: 'memory://', DEMO_DATA: 'false' });
const k = await createKernel(config);
const { app, services } = await createApp(k);
await app.ready();

const slug = 'bench-size-earbuds';
await k.db.transaction(async () => {
  const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  const cat = await services.catalog.createCategory({ slug: 'bench-size', name: zhEn('数码', 'Digital'), parentId: null, position: 0 });
  const p = await services.catalog.createProduct({
    slug,
    title: zhEn('无线蓝牙耳机', 'Wireless earbuds'),
    categoryId: cat.id,
    brandId: null,
    status: 'active',
    privateLabel: false,
    exclusive: false,
    tags: [],
    attributes: [],
    options: [{ code: 'c', name: zhEn('颜色', 'Colour'), values: [{ code: 'w', name: zhEn('白', 'White') }, { code: 'b', name: zhEn('黑', 'Black') }] }],
    images: [],
    variants: [
      { sku: 'BENCH-W', optionValues: { c: 'w' }, price: 19900, weightGrams: 100, active: true },
      { sku: 'BENCH-B', optionValues: { c: 'b' }, price: 19900, weightGrams: 100, active: true },
    ],
  });
  const wh = await services.inventory.ensureDefaultWarehouse();
  for (const v of p.variants) await services.inventory.adjust({ variantId: v.id, warehouseId: wh, delta: 10, reason: 'receipt' });
});

/** Gzipped bytes of every script a page's HTML makes the browser run or preload. */
async function measure(path: string) {
  const res = await app.inject({ method: 'GET', url: path });
  if (res.statusCode !== 200) throw new Error(`${path}: HTTP ${res.statusCode}`);
  const html = res.body;
  const files = new Set<string>();
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.m?js)"/g)) files.add(m[1]);
  const inline: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/type="application\/(ld\+)?json"/.test(m[1]) || !m[2].trim()) continue;
    inline.push(m[2]);
    for (const imp of m[2].matchAll(/import\s*\(?\s*["']([^"']+\.m?js)["']/g)) files.add(imp[1]);
  }
  const rows: Array<[string, number]> = [];
  for (const url of files) {
    const file = join(STOREFRONT_DIST, 'client', url.replace(/^\//, ''));
    rows.push([url, gzipSync(readFileSync(file)).length]);
  }
  inline.forEach((code, i) => rows.push([`(inline script ${i + 1})`, gzipSync(code).length]));
  return { rows, total: rows.reduce((n, [, b]) => n + b, 0) };
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const product = await measure(`/p/${slug}`);
const cart = await measure('/cart');
console.log(`Product page /p/${slug}: ${kb(product.total)} of JavaScript gzipped (budget ${kb(BUDGET)})`);
for (const [name, bytes] of product.rows) console.log(`  ${kb(bytes).padStart(9)}  ${name}`);
console.log(`Cart page /cart (hydrated, for comparison): ${kb(cart.total)} gzipped in ${cart.rows.length} scripts`);

await app.close();
await k.cache.close();
await k.db.close();
if (product.total > BUDGET) {
  console.error(`Over budget by ${kb(product.total - BUDGET)}`);
  process.exit(1);
}

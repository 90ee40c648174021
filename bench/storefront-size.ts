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
import { backends, startTestApp } from '../test/support/harness.js';
import { seedProduct } from '../test/support/commerce.js';
import { STOREFRONT_DIST } from '../src/web/storefront/index.js';

const BUDGET = 100 * 1024;

if (!existsSync(join(STOREFRONT_DIST, 'server', 'index.js'))) {
  console.error('dist/storefront is missing: run `npm run build:storefront` first.');
  process.exit(1);
}

// The test harness's app on an in-memory database, with one product seeded as the tests do.
const t = await startTestApp(backends()[0]);
const app = t.app;
const slug = 'bench-size-earbuds';
await seedProduct(t, { slug, stock: 10 });

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

await t.close();
if (product.total > BUDGET) {
  console.error(`Over budget by ${kb(product.total - BUDGET)}`);
  process.exit(1);
}

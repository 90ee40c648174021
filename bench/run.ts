/**
 * `npm run bench`: loopback load on the embedded shape and (with BENCH_DATABASE_URL) on
 * PostgreSQL + Redis, with the demo shop. Each read endpoint is compared with a bare Fastify
 * route serving the very same bytes in the same run. Prints a Markdown report.
 */
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.js';
import { createKernel } from '../src/platform/kernel.js';
import { InventoryService } from '../src/modules/inventory/index.js';
import { freePort, startServerProcess } from '../test/support/processes.js';
import { load, type LoadResult } from './load.js';
import { checkoutLoad, type CheckoutResult } from './checkout-load.js';
import { searchQueries } from './queries.js';
import { benchQuotes, type QuoteBenchResult } from './quote-rules.js';
import { flashReport, flashSaleLoad, type FlashResult } from './flash-sale-load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SECRET = 'bench-sandbox-secret-0123456789';
const ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password-1' };
/** Units put on each contested SKU before the checkout load: enough for the run, few enough to compete for. */
const UNITS_PER_SKU = Number(process.env.BENCH_UNITS_PER_SKU ?? 3000);

/** What a browser sends: every measured request asks for compressed answers, as browsers do. */
const BROWSER = { 'accept-encoding': 'br, gzip' };
/**
 * `BENCH_PARTS=reads`: the cached reads and pages against the bare route only (no fresh renders, no
 * checkout); with `BENCH_URL`, on a store that is already running with the demo shop.
 */
const READS_ONLY = process.env.BENCH_PARTS === 'reads';
/** `BENCH_PARTS=checkout`: the checkout load only (no reads, no fresh renders); `BENCH_PROFILE=1` adds a CPU profile of the API process. */
const CHECKOUT_ONLY = process.env.BENCH_PARTS === 'checkout';
/** `BENCH_PARTS=quote`: the promotion rule layer in process only (a few seconds, no server). */
const QUOTE_ONLY = process.env.BENCH_PARTS === 'quote';
/** `BENCH_PARTS=flash`: the flash-sale buy attempts only (issue 13), on a fresh store of their own per shape. */
const FLASH_ONLY = process.env.BENCH_PARTS === 'flash';

async function get(base: string, path: string) {
  const res = await fetch(base + path);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? 'application/json; charset=utf-8' };
}

/** The size a browser receives (Content-Length of the compressed answer), not what fetch decodes. */
async function wireSize(base: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { headers: BROWSER }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => (n += chunk.length));
      res.on('end', () => resolve(n));
    });
    req.on('error', reject);
    req.end();
  });
}

async function collectPaths(base: string) {
  const cats = JSON.parse((await get(base, '/api/store/categories')).text).items as Array<{ id: string; slug: string; children: Array<{ id: string; slug: string }> }>;
  const categoryIds = cats.flatMap((c) => [c.id, ...c.children.map((x) => x.id)]);
  const listPaths: string[] = [];
  let cursor: string | null = null;
  const slugs: string[] = [];
  do {
    const path: string = `/api/store/products?limit=20${cursor ? `&cursor=${cursor}` : ''}`;
    const page = JSON.parse((await get(base, path)).text);
    listPaths.push(path);
    slugs.push(...page.items.map((p: { slug: string }) => p.slug));
    cursor = page.nextCursor;
  } while (cursor);
  for (const id of categoryIds) listPaths.push(`/api/store/products?limit=20&category=${id}`);
  const detailPaths = slugs.map((s) => `/api/store/products/${encodeURIComponent(s)}`);
  // Storefront pages in both languages: home, every category, every product.
  const catSlugs = cats.flatMap((c) => [c.slug, ...c.children.map((x) => x.slug)]);
  const pagePaths = ['', '/en'].flatMap((lang) => [`${lang}/`, ...catSlugs.map((c) => `${lang}/c/${c}`), ...slugs.map((x) => `${lang}/p/${encodeURIComponent(x)}`)]);
  const hasStorefront = (await get(base, '/')).status === 200;
  const hasSearch = (await get(base, '/api/store/search?q=a')).status === 200;
  const searchPaths = hasSearch ? (await searchQueries(base)).map((q) => `/api/store/search?q=${encodeURIComponent(q)}&limit=20`) : [];
  return { listPaths, detailPaths, searchPaths, slugs, pagePaths: hasStorefront ? pagePaths : [] };
}

async function startBare(bodies: Record<string, { type: string; text: string }>) {
  const dir = mkdtempSync(join(tmpdir(), 'sk-bare-'));
  const file = join(dir, 'bodies.json');
  writeFileSync(file, JSON.stringify(bodies));
  const port = await freePort();
  const child = fork(new URL('./bare-server.ts', import.meta.url).pathname, [file, String(port)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

interface ShapeReport {
  shape: string;
  reads: Array<{ real: LoadResult; bare: LoadResult; ratio: number; bytes: number; wire: number }>;
  fresh: LoadResult[];
  checkout?: CheckoutResult;
  /** The same checkout with a coupon and 200 points on every order (BENCH_OFFERS=0 leaves it out). */
  checkoutOffers?: CheckoutResult;
  units: number;
  apiProcesses: number;
  reconciled: boolean;
  oversold: number;
  firstStartSeconds: number;
  /** The flash-sale buy attempts (issue 13), on a fresh store of their own. */
  flash?: FlashResult;
}

/** Each read endpoint of the store at `base` against the bare route serving the same bytes. */
async function measureReads(base: string) {
  const { listPaths, detailPaths, searchPaths, pagePaths } = await collectPaths(base);
  const all = [...listPaths, ...detailPaths, ...searchPaths, ...pagePaths];
  const bodies: Record<string, { type: string; text: string }> = {};
  for (const p of all) bodies[p] = await get(base, p);
  const bare = await startBare(bodies);
  const reads: ShapeReport['reads'] = [];
  try {
    for (const [name, paths] of [
      ['product list (20/page)', listPaths],
      ['product detail', detailPaths],
      ['search', searchPaths],
      ['storefront pages (cached HTML)', pagePaths],
    ] as const) {
      if (paths.length === 0) continue;
      console.error(`   ${name}: ${paths.length} distinct URLs`);
      const b = await load(`${name} — bare`, bare.url, [...paths], SECONDS, 50, BROWSER);
      const r = await load(name, base, [...paths], SECONDS, 50, BROWSER);
      const bytes = Math.round(paths.reduce((n, p) => n + Buffer.byteLength(bodies[p].text), 0) / paths.length);
      let wire = 0;
      for (const p of paths) wire += await wireSize(base, p);
      reads.push({ real: r, bare: b, ratio: r.rps / b.rps, bytes, wire: Math.round(wire / paths.length) });
    }
  } finally {
    bare.stop();
  }
  return { reads, pagePaths };
}

/**
 * `apiProcesses` > 1 (PostgreSQL only) starts more API processes on the same database once the
 * first is ready; reads are measured on the first (their ceiling is one Node process), the
 * checkout load is spread over all of them, as a load balancer would.
 */
async function benchShape(shape: string, env: Record<string, string>, reopen: Record<string, string>, apiProcesses = 1): Promise<ShapeReport> {
  console.error(`\n== ${shape}: starting the server with the demo shop …`);
  const t0 = Date.now();
  const serverEnv = { NODE_ENV: 'production', PAYMENT_SANDBOX: '1', PAYMENT_SANDBOX_SECRET: SECRET, LOG_LEVEL: 'warn', ...env };
  let server = await startServerProcess({ ...serverEnv, DEMO_DATA: '1', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, 600_000);
  const firstStartSeconds = (Date.now() - t0) / 1000;
  try {
    const { reads, pagePaths } = CHECKOUT_ONLY ? { reads: [], pagePaths: [] } : await measureReads(server.url);
    const fresh: LoadResult[] = [];
    if (READS_ONLY) return { shape, reads, fresh, units: 0, apiProcesses, reconciled: true, oversold: 0, firstStartSeconds };
    if (pagePaths.length) {
      // Fresh renders on servers of their own: not the one that just generated a year of demo
      // history in its heap, and before the checkout load (whose stock changes and events would
      // still be landing). The embedded folder opens in one process at a time.
      await server.stop();
      fresh.push(...(await freshRenders(serverEnv, pagePaths, apiProcesses)));
      server = await startServerProcess(serverEnv, 120_000);
    }
    if (process.env.BENCH_PROFILE) {
      await server.stop();
      server = await startServerProcess({ ...serverEnv, NODE_ARGS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE_DIR ?? 'bench/profiles'}` }, 120_000);
    }
    const products = JSON.parse((await get(server.url, '/api/store/products?limit=5')).text).items as Array<{ slug: string }>;
    const variantIds: string[] = [];
    for (const p of products) variantIds.push(JSON.parse((await get(server.url, `/api/store/products/${p.slug}`)).text).variants[0].id);
    const shipping = JSON.parse((await get(server.url, '/api/store/shipping-methods')).text).items[0].id;
    const units = await stockUp(server.url, variantIds);
    const others: Array<Awaited<ReturnType<typeof startServerProcess>>> = [];
    for (let i = 1; i < apiProcesses; i++) others.push(await startServerProcess(serverEnv, 120_000));
    console.error(`   checkout: ${variantIds.length} SKUs with ${units} units between them, 50 shoppers, ${apiProcesses} API process(es)`);
    const bases = [server.url, ...others.map((o) => o.url)];
    const checkout = await checkoutLoad({ bases, variantIds, shippingMethodId: shipping, sandboxSecret: SECRET, buyers: 200, connections: 50, seconds: SECONDS });
    let checkoutOffers: CheckoutResult | undefined;
    if (process.env.BENCH_OFFERS !== '0') {
      await stockUp(server.url, variantIds);
      console.error('   checkout with a coupon and points on every order …');
      checkoutOffers = await checkoutLoad({ bases, variantIds, shippingMethodId: shipping, sandboxSecret: SECRET, buyers: 200, connections: 50, seconds: SECONDS, offers: { staffToken: await staffToken(server.url) } });
    }
    for (const o of others) await o.stop();
    await server.stop();
    const { reconciled, oversold } = await reconcile(reopen);
    return { shape, reads, fresh, checkout, checkoutOffers, units, apiProcesses, reconciled, oversold, firstStartSeconds };
  } finally {
    await server.stop();
  }
}

/**
 * On a server started with the page cache off: anonymous visitors (what a cache miss costs) and a
 * shopper with a cart (never served from the page cache: every request renders, header cart count
 * included). On the scale shape the same again on `apiProcesses` processes (PROCESSES).
 */
async function freshRenders(env: Record<string, string>, pagePaths: string[], apiProcesses: number): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const uncached = await startServerProcess({ ...env, PAGE_CACHE: 'off' }, 120_000);
  try {
    console.error(`   storefront pages, anonymous with PAGE_CACHE=off (freshly rendered): ${pagePaths.length} distinct URLs`);
    results.push(await load('storefront pages, anonymous, PAGE_CACHE=off (freshly rendered)', uncached.url, pagePaths, SECONDS, 50, BROWSER));
    results.push(await load('storefront pages, shopper with a cart (freshly rendered)', uncached.url, pagePaths, SECONDS, 50, { ...BROWSER, cookie: await shopperWithCart(uncached.url) }));
  } finally {
    await uncached.stop();
  }
  if (apiProcesses > 1 && env.REDIS_URL) {
    // The scale shape's own answer to a busy box: one server process per core on the same port.
    const cluster = await startServerProcess({ ...env, PAGE_CACHE: 'off', PROCESSES: String(apiProcesses) }, 120_000);
    try {
      const label = `${apiProcesses} processes (PROCESSES=${apiProcesses})`;
      console.error(`   storefront pages freshly rendered by ${label}: ${pagePaths.length} distinct URLs`);
      results.push(await load(`storefront pages, anonymous, PAGE_CACHE=off, ${label} (freshly rendered)`, cluster.url, pagePaths, SECONDS, 50, BROWSER));
      results.push(await load(`storefront pages, shopper with a cart, ${label} (freshly rendered)`, cluster.url, pagePaths, SECONDS, 50, { ...BROWSER, cookie: await shopperWithCart(cluster.url) }));
    } finally {
      await cluster.stop();
    }
  }
  return results;
}

/** A guest cart holding one product, as the cookies a browser would send with every page. */
async function shopperWithCart(base: string): Promise<string> {
  const cart = (await (await fetch(`${base}/api/store/carts`, { method: 'POST' })).json()) as { id: string; token: string };
  const products = JSON.parse((await get(base, '/api/store/products?limit=1')).text).items as Array<{ slug: string }>;
  const product = JSON.parse((await get(base, `/api/store/products/${products[0].slug}`)).text) as { variants: Array<{ id: string }> };
  const add = await fetch(`${base}/api/store/carts/${cart.id}/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cart-token': cart.token },
    body: JSON.stringify({ variantId: product.variants[0].id, quantity: 1 }),
  });
  if (add.status !== 200) throw new Error(`add to cart failed: ${add.status} ${await add.text()}`);
  return `sk_cart=${cart.token}; sk_cart_id=${cart.id}`;
}

async function staffToken(base: string): Promise<string> {
  const login = await fetch(`${base}/api/admin/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
  return ((await login.json()) as { token: string }).token;
}

/** Signs in as the bench admin and tops each SKU up to UNITS_PER_SKU available units through adjustStock. */
async function stockUp(base: string, variantIds: string[]): Promise<number> {
  const json = { 'content-type': 'application/json' };
  const auth = { authorization: `Bearer ${await staffToken(base)}` };
  const warehouses = (await (await fetch(`${base}/api/admin/warehouses`, { headers: auth })).json()) as { items: Array<{ id: string }> };
  const warehouseId = warehouses.items[0].id;
  let total = 0;
  for (const variantId of variantIds) {
    const body = JSON.stringify({ variantId, warehouseId, delta: UNITS_PER_SKU, reason: 'receipt', note: 'benchmark' });
    const res = await fetch(`${base}/api/admin/stock/adjustments`, { method: 'POST', headers: { ...json, ...auth }, body });
    if (res.status !== 201) throw new Error(`adjustStock failed: ${res.status} ${await res.text()}`);
    const line = (await res.json()) as { onHand: number; reserved: number };
    total += line.onHand - line.reserved;
  }
  return total;
}

async function reconcile(env: Record<string, string>) {
  const k = await createKernel(loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: '0', ...env }));
  try {
    const mismatches = await new InventoryService(k).reconcile();
    const res = await k.db.q.execute(
      (await import('drizzle-orm')).sql`select count(*)::int as n from inventory_stock where on_hand < 0 or reserved < 0 or reserved > on_hand`,
    );
    return { reconciled: mismatches.length === 0, oversold: (res as unknown as { rows: Array<{ n: number }> }).rows[0].n };
  } finally {
    await k.db.close();
  }
}

function quoteReport(q: QuoteBenchResult): string {
  return [
    '### Quoting with promotions (in process)',
    '',
    `A ${q.lines}-line cart, ${q.promotions} active promotions of every kind and ${q.coupons} chosen coupons, with points (${q.applied} rules apply), ` +
      `one process, no I/O: **${q.quotesPerSecond} quotes/s** (p50 ${q.p50us} µs, p99 ${q.p99us} µs).`,
    '',
  ].join('\n');
}

function report(reports: ShapeReport[], quotes: QuoteBenchResult | null): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; autocannon, 50 connections, loopback, ${SECONDS} s after a 3 s warm-up, every request with \`Accept-Encoding: br, gzip\` like a browser; server and load generator share the machine; load average at the end ${loadavg().map((n) => n.toFixed(1)).join(' / ')}.`,
    '',
  ];
  if (quotes) lines.push(quoteReport(quotes));
  for (const r of reports) {
    lines.push(`### ${r.shape}`, '', ...(Number.isNaN(r.firstStartSeconds) ? [] : [`First start with the demo shop: ${r.firstStartSeconds.toFixed(1)} s.`, '']));
    if (r.flash) lines.push(...flashReport(r.flash));
    if (r.reads.length === 0 && r.fresh.length === 0 && !r.checkout) continue;
    lines.push('| endpoint | req/s | p50 | p99 | bare Fastify, same bytes: req/s (p50 / p99) | ratio | avg body (sent) |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const x of r.reads) {
      const bad = x.real.non2xx + x.real.errors;
      lines.push(`| ${x.real.name}${bad ? ` (⚠ ${bad} non-2xx/errors)` : ''} | ${Math.round(x.real.rps)} | ${ms(x.real.p50)} | ${ms(x.real.p99)} | ${Math.round(x.bare.rps)} (${ms(x.bare.p50)} / ${ms(x.bare.p99)}) | ${x.ratio.toFixed(2)} | ${(x.bytes / 1024).toFixed(1)} KB (${(x.wire / 1024).toFixed(1)} KB) |`);
    }
    for (const f of r.fresh) {
      const bad = f.non2xx + f.errors;
      lines.push(`| ${f.name}${bad ? ` (⚠ ${bad} non-2xx/errors)` : ''} | ${Math.round(f.rps)} | ${ms(f.p50)} | ${ms(f.p99)} | — | — | — |`);
    }
    const c = r.checkout;
    if (!c) continue;
    lines.push(
      '',
      `Checkout (cart → item → order → payment → signed callback), 50 shoppers on 5 SKUs holding ${r.units} units, ${r.apiProcesses} API process${r.apiProcesses > 1 ? 'es' : ''}: **${c.ordersPerSecond.toFixed(0)} paid orders/s** ` +
        `(${c.paid} paid, ${c.outOfStock} refused out of stock, ${c.failures} failures; whole flow p50 ${ms(c.p50)}, p99 ${ms(c.p99)}; ` +
        `p50 per step: ${Object.entries(c.steps).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}). ` +
        `Stock ledger reconciled: ${r.reconciled ? 'yes' : 'NO'}; rows oversold: ${r.oversold}.`,
      '',
    );
    const o = r.checkoutOffers;
    if (o) {
      lines.push(
        `The same checkout with a coupon and 200 points on every order: **${o.ordersPerSecond.toFixed(0)} paid orders/s** ` +
          `(${o.paid} paid, ${o.outOfStock} refused out of stock, ${o.failures} failures; p50 ${ms(o.p50)}, p99 ${ms(o.p99)}; order step p50 ${ms(o.steps.order ?? 0)} against ${ms(c.steps.order ?? 0)}) — ` +
          `**${((o.ordersPerSecond / c.ordersPerSecond) * 100).toFixed(0)}%** of the plain checkout (issue 12's target: ≥ 80%).`,
        '',
      );
    }
  }
  return lines.join('\n');
}

const reports: ShapeReport[] = [];
const running = process.env.BENCH_URL?.replace(/\/$/, '');
// First, on a quiet machine: the rule layer takes a few seconds and needs no server.
const quotes = READS_ONLY || CHECKOUT_ONLY || FLASH_ONLY ? null : benchQuotes(Number(process.env.BENCH_QUOTE_SECONDS ?? 5));
/** The flash part on a shape (skipped by the other partial runs). */
const withFlash = !READS_ONLY && !CHECKOUT_ONLY && !QUOTE_ONLY;
const flashOpts = {
  customers: Number(process.env.BENCH_FLASH_CUSTOMERS ?? 20_000),
  attempts: Number(process.env.BENCH_FLASH_ATTEMPTS ?? 100_000),
  connections: Number(process.env.BENCH_FLASH_CONNECTIONS ?? 50),
  units: Number(process.env.BENCH_FLASH_UNITS ?? 1000),
  tokens: process.env.BENCH_FLASH_TOKENS === 'mint' ? ('mint' as const) : ('http' as const),
  ...(process.env.BENCH_PROFILE ? { nodeArgs: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE_DIR ?? 'bench/profiles'}` } : {}),
};
const flashServerEnv = { NODE_ENV: 'production', PAYMENT_SANDBOX: '1', PAYMENT_SANDBOX_SECRET: SECRET, LOG_LEVEL: 'warn', DEMO_DATA: '0' };
const emptyShape = (shape: string): ShapeReport => ({ shape, reads: [], fresh: [], units: 0, apiProcesses: 1, reconciled: true, oversold: 0, firstStartSeconds: NaN });
if (QUOTE_ONLY) {
  // nothing else
} else if (running && READS_ONLY) {
  // A store already running with the demo shop (its first start can take minutes on a busy box).
  const { reads } = await measureReads(running);
  reports.push({ shape: `Running store at ${running}`, reads, fresh: [], units: 0, apiProcesses: 1, reconciled: true, oversold: 0, firstStartSeconds: NaN });
} else if (process.env.BENCH_SHAPES !== 'postgres') {
  // BENCH_SHAPES=postgres measures the scale shape alone (with BENCH_DATABASE_URL).
  const dataDir = mkdtempSync(join(tmpdir(), 'sk-bench-'));
  try {
    reports.push(FLASH_ONLY ? emptyShape('Embedded (PGlite)') : await benchShape('Embedded (PGlite)', { DATA_DIR: dataDir }, { DATA_DIR: dataDir }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (withFlash) {
    // A fresh data folder: the flash round on a store of its own, not after the checkout load.
    const flashDir = mkdtempSync(join(tmpdir(), 'sk-bench-flash-'));
    try {
      console.error('\n== Embedded (PGlite): flash sale buy attempts …');
      reports[reports.length - 1].flash = await flashSaleLoad({ serverEnv: { ...flashServerEnv, DATA_DIR: flashDir }, kernelEnv: { DATA_DIR: flashDir }, ...flashOpts });
    } finally {
      rmSync(flashDir, { recursive: true, force: true });
    }
  }
}
const pgUrl = running || QUOTE_ONLY ? undefined : process.env.BENCH_DATABASE_URL;
if (pgUrl) {
  const name = `sk_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const processes = Number(process.env.BENCH_API_PROCESSES ?? 2);
  const shape = `PostgreSQL${process.env.BENCH_REDIS_URL ? ' + Redis' : ''}`;
  try {
    if (FLASH_ONLY) reports.push({ ...emptyShape(shape), apiProcesses: processes });
    else {
      await admin.query(`create database ${name}`);
      const env = { DATABASE_URL: url.toString(), ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL, REDIS_PREFIX: name } : {}) };
      reports.push(await benchShape(shape, env, { DATABASE_URL: url.toString() }, processes));
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
  }
  if (withFlash) {
    // A fresh database and Redis prefix of its own.
    const flashName = `${name}_flash`;
    const flashUrl = new URL(pgUrl);
    flashUrl.pathname = `/${flashName}`;
    await admin.query(`create database ${flashName}`);
    try {
      console.error(`\n== ${shape}: flash sale buy attempts …`);
      const env = { DATABASE_URL: flashUrl.toString(), ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL, REDIS_PREFIX: flashName } : {}) };
      const flashProcesses = Number(process.env.BENCH_FLASH_API_PROCESSES ?? processes);
      reports[reports.length - 1].flash = await flashSaleLoad({ serverEnv: { ...flashServerEnv, ...env }, kernelEnv: { DATABASE_URL: flashUrl.toString() }, apiProcesses: flashProcesses, ...flashOpts });
    } finally {
      await admin.query(`drop database if exists ${flashName} with (force)`);
    }
  }
  await admin.end();
}
const md = report(reports, quotes);
console.log(md);
// A partial run (BENCH_PARTS) does not replace the full report.
if (!READS_ONLY && !CHECKOUT_ONLY && !QUOTE_ONLY && !FLASH_ONLY) writeFileSync(new URL('./latest.md', import.meta.url), md + '\n');

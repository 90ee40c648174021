/**
 * `npm run bench:lighthouse`: Lighthouse 12.8 (mobile, its default) in Debian's Chromium against a
 * local store with the demo shop — home, a category and a product page in zh-CN and en — and
 * prints the four category scores and the total blocking time of each.
 *
 * LIGHTHOUSE_URL=http://127.0.0.1:3000 measures a store that is already running (with the demo
 * shop); otherwise one is started in a temporary data folder. RUNS=3 repeats each page (the
 * median by performance is kept, every run is listed); DETAILS=1 lists the audits that lost points.
 * Headless Chromium without a GPU decodes and rasterizes on the main thread, so compare only
 * figures taken with these same flags.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../test/support/processes.js';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FLAGS = '--headless --no-sandbox --disable-gpu --disable-background-networking';
const RUNS = Number(process.env.RUNS ?? 1);
// Run through npx, not a devDependency: Lighthouse brings ~170 packages (~186 MB) that no install
// needs, and its lock entry (a dependency on another package's "latest" tag) breaks `npm ci` whenever
// that tag moves. 12.8 is the last major that runs on Node 20.
const LIGHTHOUSE = ['--yes', 'lighthouse@12.8.2'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
}
interface Report {
  categories: Record<(typeof CATEGORIES)[number], { score: number; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, Audit>;
}
interface Run {
  scores: number[];
  tbt: number;
  lcp: number;
  report: Report;
}

function lighthouse(url: string): Promise<Report> {
  const args = [...LIGHTHOUSE, url, '--output=json', '--output-path=stdout', '--quiet', `--chrome-flags=${FLAGS}`];
  return new Promise((resolve, reject) => {
    execFile('npx', args, { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`lighthouse ${url} failed: ${stderr || err.message}`));
      resolve(JSON.parse(stdout) as Report);
    });
  });
}

async function measure(url: string): Promise<Run> {
  // On a loaded machine Chromium now and then loses the trace (NO_NAVSTART): that run is repeated.
  const report = await lighthouse(url).catch(() => lighthouse(url)).catch(() => lighthouse(url));
  return {
    scores: CATEGORIES.map((c) => Math.round(report.categories[c].score * 100)),
    tbt: report.audits['total-blocking-time'].numericValue ?? NaN,
    lcp: report.audits['largest-contentful-paint'].numericValue ?? NaN,
    report,
  };
}

/** The audits that cost points, by category: what to look at next. */
function lostPoints(report: Report): string[] {
  const lines: string[] = [];
  for (const c of CATEGORIES) {
    for (const ref of report.categories[c].auditRefs) {
      const a = report.audits[ref.id];
      if (!a || a.score === null || a.score >= 0.9 || (ref.weight === 0 && a.scoreDisplayMode !== 'metricSavings')) continue;
      lines.push(`  - ${c}: ${a.id} (${a.title})${a.displayValue ? ` — ${a.displayValue}` : ''}`);
    }
  }
  const breakdown = report.audits['mainthread-work-breakdown'] as Audit & { details?: { items?: Array<{ groupLabel: string; duration: number }> } };
  const items = breakdown?.details?.items ?? [];
  if (items.length) lines.push(`  - main thread: ${items.map((i) => `${i.groupLabel} ${Math.round(i.duration)} ms`).join(', ')}`);
  return lines;
}

async function pages(base: string): Promise<Array<[string, string]>> {
  const cats = (await (await fetch(`${base}/api/store/categories`)).json()) as { items: Array<{ slug: string }> };
  const products = (await (await fetch(`${base}/api/store/products?limit=1`)).json()) as { items: Array<{ slug: string }> };
  const category = encodeURIComponent(cats.items[0].slug);
  const product = encodeURIComponent(products.items[0].slug);
  return ['', '/en'].flatMap((lang): Array<[string, string]> => [
    [`home ${lang ? 'en' : 'zh-CN'}`, `${lang}/`],
    [`category ${lang ? 'en' : 'zh-CN'}`, `${lang}/c/${category}`],
    [`product ${lang ? 'en' : 'zh-CN'}`, `${lang}/p/${product}`],
  ]);
}

async function main() {
  let server: ServerProcess | null = null;
  let dataDir: string | null = null;
  let base = process.env.LIGHTHOUSE_URL?.replace(/\/$/, '');
  if (!base) {
    dataDir = mkdtempSync(join(tmpdir(), 'sk-lighthouse-'));
    console.error('starting a store with the demo shop…');
    server = await startServerProcess({ DATA_DIR: dataDir, DEMO_DATA: '1' }, 600_000);
    base = server.url;
  }
  try {
    const rows: string[] = [];
    const details: string[] = [];
    for (const [name, path] of await pages(base)) {
      await fetch(base + path); // the page cache holds it, as it would for a visitor after the first
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(base + path));
      runs.sort((a, b) => a.scores[0] - b.scores[0]);
      const median = runs[Math.floor(runs.length / 2)];
      const all = RUNS > 1 ? ` (runs: ${runs.map((r) => `${r.scores[0]}/${Math.round(r.tbt)} ms`).join(', ')})` : '';
      rows.push(`| ${name} | \`${path}\` | ${median.scores.join(' | ')} | ${Math.round(median.tbt)} ms | ${(median.lcp / 1000).toFixed(1)} s${all} |`);
      console.error(rows.at(-1));
      if (process.env.DETAILS) details.push(`- ${name}:`, ...lostPoints(median.report));
    }
    console.log(`Lighthouse 12.8 (mobile), ${CHROME} ${FLAGS}, ${new Date().toISOString().slice(0, 10)}, ${RUNS} run(s) a page\n`);
    console.log('| page | path | performance | accessibility | best practices | SEO | TBT | LCP |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) console.log(r);
    if (details.length) console.log(`\n${details.join('\n')}`);
  } finally {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

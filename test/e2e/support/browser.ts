import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM } from './env.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const AXE_REPORTS = join(ROOT, 'test-results/axe');

export const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
export type Size = keyof typeof SIZES;

export const baseUrl = (): string => inject('e2eBaseUrl');

/**
 * Content-Security-Policy violations seen by any page of any browser this file launched: Chromium
 * reports each one on the console ("…violates the following Content Security Policy directive…"),
 * and a `securitypolicyviolation` listener in every page says so too (also for report-only cases).
 * test/e2e/support/csp-check.ts fails every journey file that saw one.
 */
export const cspViolations: string[] = [];

async function watchCsp(context: BrowserContext): Promise<void> {
  context.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|CSP-VIOLATION/i.test(text)) cspViolations.push(`${m.page()?.url() ?? '?'}: ${text}`);
  });
  // Page-side code as text: this file is compiled without the DOM's types.
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => console.error('CSP-VIOLATION ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || e.documentURI) + ':' + e.lineNumber));`,
  });
}

export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  // Every context (newPage() makes one through newContext too) is watched for CSP violations.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchCsp(context);
    return context;
  };
  return browser;
}

export interface PersonOptions {
  /** The viewport the person acts in; screenshots are taken at both sizes. */
  size: Size;
  /** Browser language (the console picks its language from it). */
  locale: 'zh-CN' | 'en-US';
  /** Another address of the same store (e.g. http://127.0.0.1:port); the shared base URL otherwise. */
  baseURL?: string;
}

/** A browser context for one person (shopper or staff): their own cookies, language and viewport. */
export async function newPerson(browser: Browser, opts: PersonOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: opts.baseURL ?? baseUrl(),
    viewport: SIZES[opts.size],
    locale: opts.locale,
    timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: { 'accept-language': opts.locale === 'en-US' ? 'en-US,en;q=0.9' : 'zh-CN,zh;q=0.9' },
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  return { context, page };
}

export interface AxeFinding {
  page: string;
  url: string;
  id: string;
  impact: string;
  help: string;
  /** false: recorded only (not a storefront page). */
  enforced: boolean;
  nodes: Array<{ target: string; summary: string }>;
}

/**
 * One journey's record: numbered screenshots at phone and desktop size under
 * test-results/screenshots/<journey>/<nn>-<step>-<phone|desktop>.png, and axe-core checks of the
 * storefront pages it visits (serious and critical violations fail the test, listed readably).
 */
export class Journey {
  private n = 0;
  readonly findings: AxeFinding[] = [];
  readonly allFindings: AxeFinding[] = [];
  private readonly checked = new Set<string>();
  readonly dir: string;

  constructor(readonly name: string) {
    this.dir = join(SCREENSHOTS, name);
    mkdirSync(this.dir, { recursive: true });
  }

  /** Screenshots the page as it is now at both sizes, then puts the viewport back. */
  async shoot(page: Page, step: string, opts: { fullPage?: boolean } = {}): Promise<void> {
    const nn = String(++this.n).padStart(2, '0');
    const original = page.viewportSize()!;
    const primary: Size = original.width <= SIZES.phone.width ? 'phone' : 'desktop';
    const order: Size[] = primary === 'phone' ? ['phone', 'desktop'] : ['desktop', 'phone'];
    for (const size of order) {
      if (size !== primary) await page.setViewportSize(SIZES[size]);
      // Two frames drawn first: right after a scroll or a resize a shot can come out blank.
      await settled(page);
      await page.screenshot({ path: join(this.dir, `${nn}-${step}-${size}.png`), fullPage: opts.fullPage ?? true, animations: 'disabled', caret: 'hide' });
    }
    await page.setViewportSize(original);
    await settled(page);
  }

  /**
   * axe-core on the page as it is now. Every violation is written to test-results/axe/<journey>.json;
   * `serious` and `critical` ones are kept for `expectAccessible()`, the journey's last test, so a
   * finding fails the suite without hiding the rest of the journey. `key` names the page (e.g.
   * "zh-CN/product"): each page is checked once per journey — storefront, console and the sandbox
   * pay page alike. `enforce: false` would only record a page's findings without failing.
   */
  async axe(page: Page, key: string, opts: { enforce?: boolean } = {}): Promise<void> {
    if (this.checked.has(key)) return;
    this.checked.add(key);
    const results = await new AxeBuilder({ page }).analyze();
    const url = new URL(page.url());
    const found: AxeFinding[] = results.violations.map((v) => ({
      page: key,
      url: url.pathname + url.search,
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      enforced: opts.enforce !== false,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary ?? '').split('\n').slice(0, 3).join(' ').trim() })),
    }));
    this.allFindings.push(...found);
    mkdirSync(AXE_REPORTS, { recursive: true });
    writeFileSync(join(AXE_REPORTS, `${this.name}.json`), JSON.stringify({ checked: [...this.checked], violations: this.allFindings }, null, 2));
    if (opts.enforce === false) return;
    this.enforcedPages++;
    this.findings.push(...found.filter((f) => f.impact === 'serious' || f.impact === 'critical'));
  }

  private enforcedPages = 0;

  /** The journey's accessibility verdict: storefront pages were checked, none with a serious or critical violation. */
  expectAccessible(): void {
    expect(this.enforcedPages, 'no storefront page was checked with axe').toBeGreaterThan(0);
    expect(this.findings.map(formatFinding), `axe: serious/critical violations in journey ${this.name}`).toEqual([]);
  }
}

export function formatFinding(f: AxeFinding): string {
  return `[${f.impact}] ${f.id} on ${f.page}: ${f.help}\n${f.nodes.map((n) => `    ${n.target} — ${n.summary}`).join('\n')}`;
}

/** Two animation frames: what a layout change (viewport, React re-render) needs to be painted. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

/** Uncaught errors and console errors of a page, to report next to a failure. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

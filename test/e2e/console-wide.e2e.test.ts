import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, baseUrl, launch, watchErrors } from './support/browser.js';
import { ADMIN } from './support/env.js';
import { CONSOLE } from './support/labels.js';
import { antdText, visible } from './support/store.js';

/**
 * The console at 1366×900 (a common office laptop), in Chinese and in English (the wider one):
 * an order's lines read by option name, reasons in words, a closed payment attempt says so, the
 * audit log reads as a sentence linked to the product, with the raw data behind a toggle, and no
 * header cell of these tables is cut off. The words expected are written out here, not imported
 * from the console's dictionaries.
 */
const WIDE = { width: 1366, height: 900 };
const SAY = {
  'zh-CN': {
    reasons: { unpaid_timeout: '超时未支付', shopper_cancelled: '顾客取消' } as Record<string, string>,
    closed: '已关闭', processing: '处理中', orderCancelled: '订单已取消', showJson: '查看原始数据', hideJson: '收起原始数据',
    listPriceChange: (name: string, from: string, to: string) => `把商品「${name}」的划线价从 ${from} 改为 ${to}`,
    moreItems: /等 \d+ 件/,
  },
  en: {
    reasons: { unpaid_timeout: 'Not paid in time', shopper_cancelled: 'Cancelled by the shopper' } as Record<string, string>,
    closed: 'Closed', processing: 'Pending', orderCancelled: 'The order was cancelled', showJson: 'Show raw data', hideJson: 'Hide raw data',
    listPriceChange: (name: string, from: string, to: string) => `changed the list price of product "${name}" from ${from} to ${to}`,
    moreItems: /\d+ items in all/,
  },
} as const;
type Locale = keyof typeof SAY;
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

interface Line { sku: string; title: Record<Locale, string>; optionValues: Record<string, string>; options: Array<{ value: string; valueName: Record<Locale, string> | null }> }
interface Order { number: string; cancelReason: string | null; lines: Line[]; payments: Array<{ status: string; failureReason: string | null }> }

// The console browses at 127.0.0.1 (not the "localhost" the sandbox pay pages need).
const consoleUrl = () => baseUrl().replace('localhost', '127.0.0.1');
let token = '';
const admin = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const res = await fetch(`${consoleUrl()}/api/admin${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
};

let order: Order;
let changed: { productId: string; variantId: string; sku: string; title: Record<Locale, string>; from: number | null; to: number };
let storeZone: string;

beforeAll(async () => {
  const login = await fetch(`${consoleUrl()}/api/admin/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  token = ((await login.json()) as { token: string }).token;
  storeZone = (await admin<{ timezone: string }>('/settings')).timezone;
  // A cancelled demo order whose lines have options; one whose open attempt was closed, if the demo has one.
  const cancelled = await admin<{ items: Array<{ number: string }> }>('/orders?status=cancelled&limit=40');
  const details = await Promise.all(cancelled.items.map((o) => admin<Order>(`/orders/${o.number}`)));
  const withOptions = details.filter((o) => o.cancelReason && o.lines.some((l) => l.options.some((x) => x.valueName && x.valueName.en !== x.value)));
  order = withOptions.find((o) => o.payments.some((p) => p.status === 'expired')) ?? withOptions[0];
  expect(order, 'a cancelled demo order with named options').toBeDefined();
  // One audited write to read back as a sentence: a list price change (shoppers pay the price, not this).
  const products = await admin<{ items: Array<{ id: string }> }>('/products?limit=1&status=active');
  const product = await admin<{ id: string; title: Record<Locale, string>; variants: Array<{ id: string; sku: string; price: number; listPrice: number | null }> }>(`/products/${products.items[0].id}`);
  const v = product.variants[0];
  changed = { productId: product.id, variantId: v.id, sku: v.sku, title: product.title, from: v.listPrice, to: (v.listPrice ?? v.price) + 1000 };
  await admin(`/variants/${v.id}`, { method: 'PATCH', body: JSON.stringify({ listPrice: changed.to }) });
}, 120_000);

afterAll(async () => {
  if (changed) await admin(`/variants/${changed.variantId}`, { method: 'PATCH', body: JSON.stringify({ listPrice: changed.from }) });
});

for (const locale of ['zh-CN', 'en'] as const) wideConsole(locale);

function wideConsole(locale: Locale) {
  const say = SAY[locale];
  const C = CONSOLE[locale];
  const dir = join(SCREENSHOTS, 'console-wide');
  mkdirSync(dir, { recursive: true });

  describe(`the console at 1366×900 in ${locale} [chromium]`, () => {
    let browser: Browser;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      browser = await launch();
      const context = await browser.newContext({ baseURL: consoleUrl(), viewport: WIDE, locale: locale === 'en' ? 'en-US' : 'zh-CN', timezoneId: 'America/New_York' });
      context.setDefaultTimeout(20_000);
      page = await context.newPage();
      errors = watchErrors(page);
      await page.goto('/admin/sign-in');
      await page.getByLabel(C.email).fill(ADMIN.email);
      await page.getByLabel(C.password).fill(ADMIN.password);
      await page.getByRole('button', { name: antdText(C.signIn) }).click();
      await visible(page.getByRole('heading', { level: 1, name: C.nav.home.title, exact: true }), 30_000);
    }, 60_000);
    afterAll(async () => {
      if (errors?.length) console.warn(`[console-wide-${locale}] browser errors:\n  ${errors.join('\n  ')}`);
      await browser?.close();
    });

    const shoot = (name: string) => page.screenshot({ path: join(dir, `${locale}-${name}.png`), fullPage: true, animations: 'disabled' });

    /** Every header cell shows its whole title, and no table hides columns off to the side. */
    async function noHeaderCutOff(name: string) {
      // A string: the e2e files are type-checked without the DOM library.
      const cut = await page.evaluate<string[]>(`(() => {
        const out = [];
        for (const th of document.querySelectorAll('.ant-table-thead th')) {
          const text = th.innerText.trim();
          const title = th.querySelector('.ant-table-column-title') ?? th;
          if (text && (th.scrollWidth > th.clientWidth + 1 || title.scrollWidth > title.clientWidth + 1)) out.push('header "' + text + '"');
        }
        for (const box of document.querySelectorAll('.ant-table-content, .ant-table-body')) {
          if (box.scrollWidth > box.clientWidth + 1) out.push('a table ' + (box.scrollWidth - box.clientWidth) + 'px wider than its box');
        }
        if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push('the page is wider than the window');
        return out;
      })()`);
      expect(cut, `${name} at 1366 px in ${locale}`).toEqual([]);
    }

    it('the order list names what each order holds', async () => {
      await page.goto('/admin/orders');
      const first = page.locator('.ant-table-tbody tr.ant-table-row').first();
      await visible(first);
      await noHeaderCutOff('orders');
      await expect(page.locator('.ant-table-tbody').innerText()).resolves.toMatch(say.moreItems);
      await shoot('orders');
    });

    it('an order: lines by option name, the cancellation reason and the closed attempt in words', async () => {
      await page.goto(`/admin/orders/${order.number}`);
      const lines = page.locator('.ant-card').filter({ has: page.locator('.ant-table') }).first();
      await visible(lines.locator('.ant-table-tbody tr.ant-table-row').first());
      const text = await page.locator('main, #root').first().innerText();
      // Compared cell by cell: a name may begin with its code ("12瓶" for the value "12").
      const cells = text.split(/[\n\t]/).map((c) => c.trim());
      for (const l of order.lines) {
        const names = l.options.map((o) => o.valueName?.[locale] ?? o.value).join(' / ');
        const codes = Object.values(l.optionValues).join(' / ');
        expect(cells).toContain(`${l.sku} ${names}`);
        if (codes !== names) expect(cells).not.toContain(`${l.sku} ${codes}`);
      }
      const reason = order.cancelReason!;
      expect(text).toContain(say.reasons[reason] ?? reason);
      expect(text).not.toContain(reason);
      if (order.payments.some((p) => p.status === 'expired')) {
        expect(text).toContain(`${say.closed} · ${say.orderCancelled}`);
        expect(text).not.toContain('order_cancelled');
      }
      await noHeaderCutOff('order');
      await shoot('order');
    });

    it('the audit log: a sentence linking to the product, in the store time zone, raw data behind a toggle', async () => {
      await page.goto('/admin/audit?action=catalog.variant.update');
      const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
      await visible(row);
      const name = `${changed.title[locale]} ${changed.sku}`;
      const sentence = say.listPriceChange(name, changed.from === null ? (locale === 'en' ? '(empty)' : '（空）') : yuan(changed.from), yuan(changed.to));
      await expect(row.innerText()).resolves.toContain(sentence);
      await expect(row.getByRole('link', { name, exact: true }).getAttribute('href')).resolves.toBe(`/admin/products/${changed.productId}`);
      // The browser is in New York; the log shows the store's wall-clock time.
      const entries = await admin<{ items: Array<{ at: string }> }>('/audit-log?action=catalog.variant.update&limit=1');
      const at = new Intl.DateTimeFormat('sv-SE', { timeZone: storeZone, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(entries.items[0].at));
      await expect(row.innerText()).resolves.toContain(at);
      await noHeaderCutOff('audit');
      await shoot('audit');
      await row.getByRole('button', { name: say.showJson }).click();
      await visible(page.getByText('"listPrice"').first());
      await visible(row.getByRole('button', { name: say.hideJson }));
      await shoot('audit-raw');
    });

    it('the other lists fit too: products, customers, stock, refunds', async () => {
      for (const screen of ['products', 'customers', 'stock', 'refunds']) {
        await page.goto(`/admin/${screen}`);
        await visible(page.locator('.ant-table-tbody tr.ant-table-row').first());
        await noHeaderCutOff(screen);
        await shoot(screen);
      }
    });
  });
}

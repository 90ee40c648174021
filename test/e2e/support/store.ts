import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { baseUrl, type Journey } from './browser.js';
import { ADMIN } from './env.js';
import { CONSOLE, STORE, yuan, type StoreLocale } from './labels.js';

/** Playwright's assertions are not available (playwright-core): wait for a locator, then check with Vitest. */
export async function visible(locator: Locator, timeout?: number): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

/** Waits until one of the locator's elements has text matching `re`, and returns that text. */
export async function textMatching(locator: Locator, re: RegExp, timeout = 15_000): Promise<string> {
  const hit = locator.filter({ hasText: re }).first();
  await hit.waitFor({ state: 'visible', timeout });
  return (await hit.textContent()) ?? '';
}

/** Ant Design puts a space between the two characters of a two-character Chinese button ("登 录"). */
export function antdText(label: string): RegExp {
  return new RegExp(`^${[...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s?')}$`);
}

export async function storeApi<T>(path: string): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface ProductPick {
  productId: string;
  slug: string;
  title: Record<'zh-CN' | 'en', string>;
  optionName: Record<'zh-CN' | 'en', string>;
  /** A variant that is not the page's default, with stock to spare. */
  variant: { id: string; price: number; available: number; label: Record<'zh-CN' | 'en', string> };
}

interface StoreProduct {
  id: string;
  slug: string;
  title: Record<'zh-CN' | 'en', string>;
  options: Array<{ code: string; name: Record<'zh-CN' | 'en', string>; values: Array<{ code: string; name: Record<'zh-CN' | 'en', string> }> }>;
  variants: Array<{ id: string; price: number; stock: 'inStock' | 'low' | 'out'; left: number | null; active: boolean; optionValues: Record<string, string> }>;
  images: unknown[];
}

/**
 * What the shopper will pick among the search results for `q`: a product with one option and at
 * least two variants in stock, skipping `avoid` (another journey's product, so stock checks stay exact)
 * and, with `pictures`, products with fewer pictures than that (the demo's better sellers have three).
 */
export async function pickProduct(q: string, avoid: string[] = [], opts: { pictures?: number } = {}): Promise<ProductPick> {
  const found = await storeApi<{ items: Array<{ slug: string }> }>(`/api/store/search?q=${encodeURIComponent(q)}&limit=24`);
  for (const hit of found.items) {
    if (avoid.includes(hit.slug)) continue;
    const p = await storeApi<StoreProduct>(`/api/store/products/${encodeURIComponent(hit.slug)}`);
    const inStock = p.variants.filter((v) => v.active && v.stock !== 'out' && (v.left === null || v.left >= 3));
    if (p.options.length !== 1 || inStock.length < 2 || p.images.length < (opts.pictures ?? 1)) continue;
    // The page opens on the first buyable variant: choose another one, as a person would.
    const v = inStock[1];
    const o = p.options[0];
    const value = o.values.find((x) => x.code === v.optionValues[o.code])!;
    const available = await stockOf(p.id, v.id);
    return { productId: p.id, slug: p.slug, title: p.title, optionName: o.name, variant: { id: v.id, price: v.price, available, label: value.name } };
  }
  throw new Error(`no product with two variants in stock among the results for ${q}`);
}

export const uniqueEmail = (tag: string) => `e2e-${tag}-${randomBytes(4).toString('hex')}@example.com`;

/** The language of a page path: `/en/...` English, else zh-CN. */
export const path = (locale: StoreLocale, p: string) => `${STORE[locale].prefix}${p === '/' && locale === 'en' ? '' : p}`;

let staffToken: Promise<string> | undefined;

/** A bearer token of the e2e store's staff account (signed in once per test file). */
export function staffAuth(): Promise<string> {
  staffToken ??= fetch(`${baseUrl()}/api/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  }).then(async (r) => {
    if (!r.ok) throw new Error(`staff login: ${r.status} ${await r.text()}`);
    return ((await r.json()) as { token: string }).token;
  });
  return staffToken;
}

/** An admin API call as the e2e store's staff account: the parsed answer, or an error with the problem. */
export async function adminApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${await staffAuth()}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Signs in to the console from its sign-in page, as staff would, and waits for the home screen. */
export async function signInToConsole(page: Page, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  const C = CONSOLE[locale];
  await page.goto('/admin/');
  await page.waitForURL(/\/admin\/sign-in/);
  await page.getByLabel(C.email).fill(ADMIN.email);
  await page.getByLabel(C.password).fill(ADMIN.password);
  await page.getByRole('button', { name: antdText(C.signIn) }).click();
  await visible(page.getByRole('heading', { level: 1, name: C.homeTitle, exact: true }), 30_000);
}

/** The exact stock of a variant (every warehouse), as staff see it: shoppers are told only 有货 / 仅剩 N 件 / 缺货. */
export async function stockOf(productId: string, variantId: string): Promise<number> {
  const res = await fetch(`${baseUrl()}/api/admin/stock?product=${productId}&limit=100`, { headers: { authorization: `Bearer ${await staffAuth()}` } });
  if (!res.ok) throw new Error(`stock: ${res.status} ${await res.text()}`);
  const rows = ((await res.json()) as { items: Array<{ variantId: string; available: number }> }).items;
  return rows.filter((r) => r.variantId === variantId).reduce((sum, r) => sum + r.available, 0);
}

/**
 * Goods received for a journey that buys many units: the variant's first warehouse gets what is missing
 * to reach `units` available (earlier journeys on the same store may have sold it down). Returns the
 * available count afterwards.
 */
export async function receiveStock(productId: string, variantId: string, units: number): Promise<number> {
  const auth = { authorization: `Bearer ${await staffAuth()}` };
  const res = await fetch(`${baseUrl()}/api/admin/stock?product=${productId}&limit=100`, { headers: auth });
  if (!res.ok) throw new Error(`stock: ${res.status} ${await res.text()}`);
  const rows = ((await res.json()) as { items: Array<{ variantId: string; warehouseId: string; available: number }> }).items.filter((r) => r.variantId === variantId);
  const available = rows.reduce((sum, r) => sum + r.available, 0);
  if (available >= units || rows.length === 0) return available;
  await adminApi('/api/admin/stock/adjustments', { method: 'POST', body: { variantId, warehouseId: rows[0].warehouseId, delta: units - available, reason: 'receipt', note: 'e2e journey' } });
  return stockOf(productId, variantId);
}

/**
 * The variant's exact stock, after checking that the product page words it as a shopper should see
 * it: 有货 above 10, 仅剩 N 件 at 10 or fewer, 缺货 at none — never the figure itself above 10.
 */
export async function stockShown(page: Page, locale: StoreLocale, pick: ProductPick): Promise<number> {
  const exact = await stockOf(pick.productId, pick.variant.id);
  const words = STORE[locale].stock;
  const expected = exact <= 0 ? words.out : exact <= 10 ? words.low(exact) : words.inStock;
  const status = page.getByRole('status').filter({ hasText: new RegExp(`^${expected}$`) });
  await visible(status);
  return exact;
}

/** Opens the product page and chooses the variant by its option chip. */
export async function chooseVariant(page: Page, locale: StoreLocale, pick: ProductPick): Promise<void> {
  const group = page.getByRole('group', { name: pick.optionName[locale] });
  await group.getByRole('link', { name: pick.variant.label[locale], exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get('variant') === pick.variant.id);
  const chip = group.getByRole('link', { name: pick.variant.label[locale], exact: true });
  expect(await chip.getAttribute('aria-current')).toBe('true');
}

/** Signs a shopper in through the login page (from wherever the page is). */
export async function signIn(page: Page, locale: StoreLocale, email: string, password: string): Promise<void> {
  const L = STORE[locale];
  await page.getByLabel(L.identifier).fill(email);
  await page.getByLabel(L.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: L.login, exact: true }).click();
}

/** Empties the signed-in shopper's cart through the cart page (a demo shopper may have left items in it). */
export async function emptyCart(page: Page, locale: StoreLocale): Promise<void> {
  await page.goto(path(locale, '/cart'));
  const remove = locale === 'en' ? /^Remove / : /^删除 /;
  for (let i = 0; i < 20; i++) {
    const buttons = page.getByRole('button', { name: remove });
    if ((await buttons.count()) === 0) return;
    await buttons.first().click();
    await page.waitForLoadState('networkidle');
  }
}

/** The figures of the price summary (a <dl>): label → fen. */
export async function summaryFigures(scope: Locator): Promise<Record<string, number>> {
  const rows: Array<[string, string]> = [];
  for (const row of await scope.locator('dl > div').all()) {
    rows.push([((await row.locator('dt').textContent()) ?? '').trim(), ((await row.locator('dd').textContent()) ?? '').trim()]);
  }
  const out: Record<string, number> = {};
  for (const [k, v] of rows) {
    const m = /(−|-)?¥([\d,]+\.\d{2})/.exec(v);
    if (m) out[k] = Math.round(Number(m[2].replace(/,/g, '')) * 100) * (m[1] ? -1 : 1);
  }
  return out;
}

/** Pays on the sandbox provider's hosted page and returns to the order page. */
export async function payOnSandbox(page: Page, locale: StoreLocale, journey: Journey, total: number, outcome: 'succeeded' | 'failed', method: 'alipay' | 'wechat' = 'alipay'): Promise<void> {
  const L = STORE[locale];
  await visible(page.getByRole('heading', { name: L.payHeading }));
  await page.getByRole('radio', { name: method === 'alipay' ? L.alipay : L.wechat }).check();
  await page.getByRole('button', { name: new RegExp(`^${L.paySubmit}`) }).click();
  await page.waitForURL(/\/pay\/sandbox\//);
  await visible(page.getByRole('heading', { name: L.sandboxHeading }));
  // (The English sandbox page prints "CN¥599.00" where the store prints "¥599.00": reported.)
  await visible(page.getByText(new RegExp(`^(CN)?${yuan(total).replace(/[.$]/g, '\\$&')}$`)));
  await journey.shoot(page, outcome === 'failed' ? 'sandbox-fail' : 'sandbox-pay');
  // The provider's own page (src/modules/payments/sandbox-page.ts) imitates a third party: recorded, not gated.
  await journey.axe(page, `${locale}/sandbox-pay-page`);
  await page.getByRole('button', { name: outcome === 'failed' ? L.sandboxFail : L.sandboxPay, exact: true }).click();
  await page.waitForURL(/\/orders\/\d+\?payment=/);
}

export { yuan, STORE };

/** Every demo shopper has this password (README); the e2e store is started with the demo shop. */
export const DEMO_SHOPPER = { email: 'demo@shopkeeper.local', password: 'demo1234' };

/**
 * The signed-in shopper buys `quantity` of the chosen variant: product page → cart → checkout with
 * their default saved address and standard delivery → the pay page. Returns the order number and total.
 */
export async function buyWithSavedAddress(page: Page, locale: StoreLocale, journey: Journey, pick: ProductPick, quantity: number): Promise<{ number: string; total: number }> {
  const L = STORE[locale];
  await page.getByLabel(locale === 'en' ? 'Quantity' : '数量').fill(String(quantity));
  await page.getByRole('button', { name: L.addToCart }).click();
  await visible(page.getByText(L.added));
  await page.getByRole('link', { name: L.viewCart }).click();
  await visible(page.getByRole('link', { name: L.cartWithCount(quantity) }));
  await page.getByRole('link', { name: L.checkout, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: L.checkoutHeading }));
  await visible(page.getByText(`${pick.title[locale]} × ${quantity}`));
  // A saved address is chosen already (the default one).
  const saved = page.getByRole('radio', { checked: true }).first();
  expect(await saved.getAttribute('value')).not.toBe('new');
  await chooseShipping(page, L.standard);
  const figures = await summaryFigures(page.getByRole('complementary'));
  const total = Object.values(figures).at(-1)!;
  expect(figures[L.shippingFee]).toBe(pick.variant.price * quantity >= 9900 ? 0 : 1000);
  expect(total).toBe(pick.variant.price * quantity + figures[L.shippingFee]);
  await journey.shoot(page, 'checkout-saved-address');
  await journey.axe(page, `${locale}/checkout-saved`);
  await page.getByRole('button', { name: L.placeOrder }).click();
  await page.waitForURL(/\/orders\/\d+\/pay$/);
  const number = /\/orders\/(\d+)\/pay/.exec(page.url())![1];
  await visible(page.getByRole('heading', { level: 1, name: L.payHeading }));
  return { number, total };
}

/** Picks a shipping method; a change re-prices the order through the loader, which records it in the URL. */
export async function chooseShipping(page: Page, name: string): Promise<void> {
  const radio = page.getByRole('radio', { name });
  if (await radio.isChecked()) return;
  await radio.check();
  await page.waitForURL((u) => !!u.searchParams.get('shipping'));
}

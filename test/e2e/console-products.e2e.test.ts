import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, SIZES, baseUrl, launch, settled, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { yuan } from './support/labels.js';
import { adminApi, antdText, signInToConsole, storeApi, visible } from './support/store.js';


/** The console's words this journey acts on (zh-CN; the English editor is only looked at). */
const L = {
  save: '保存', saved: '商品已保存',
  titleZh: '标题（中文）', category: '类目', createSubmit: '创建商品', created: '商品已创建（草稿）',
  price: (n: number) => `第 ${n} 个规格：售价（元）`, sku: (n: number) => `第 ${n} 个规格：SKU`,
  stock: '库存', adjust: '调整', adjustTitle: '调整库存', adjusted: '库存已调整', delta: '数量变化',
  publish: '上架', published: '已上架', noStockTitle: '这个商品没有可售库存', onSale: '在售',
  uploadImage: '上传图片', imagePreview: (n: number) => `第 ${n} 张图片：预览`, moveEarlier: (n: number) => `第 ${n} 张图片：前移`,
  descriptionZh: '描述（中文）', h3: '小标题', bullets: '项目列表',
};

/** Two photos on the merchant's disk (a red and a blue one), as a file chooser would give them. */
async function photosOnDisk(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-photos-'));
  const files: string[] = [];
  for (const [name, colour] of [['red.png', '#c0392b'], ['blue.png', '#2c5aa0']] as const) {
    const file = join(dir, name);
    writeFileSync(file, await sharp({ create: { width: 900, height: 900, channels: 3, background: colour } }).png().toBuffer());
    files.push(file);
  }
  return files;
}

/** The media URLs of the product form's thumbnails, in their order. */
async function thumbnailOrder(page: Page, count: number): Promise<string[]> {
  const out: string[] = [];
  for (let n = 1; n <= count; n++) out.push((await page.getByAltText(L.imagePreview(n)).getAttribute('src'))!.replace(/\/\d+\.webp$/, ''));
  return out;
}

interface StoreProduct {
  id: string;
  slug: string;
  title: Record<'zh-CN' | 'en', string>;
  variants: Array<{ id: string; price: number; stock: 'inStock' | 'low' | 'out'; active: boolean }>;
}

/**
 * The merchant's walk in the console (WALKS.md, merchant 2 and 3), browsing at 127.0.0.1: change an
 * existing SKU's price and the title in one save and see both on the storefront; create a product
 * from a Chinese title only, meet the "no stock" warning when publishing, book stock from the
 * product form, publish it and find it in the shop.
 */
describe('console: editing and creating products [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const journey = new Journey('console-products');
  const origin = baseUrl().replace('localhost', '127.0.0.1');
  const stamp = Date.now().toString(36).slice(-5).toUpperCase();

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ baseURL: origin, viewport: SIZES.desktop, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(45_000);
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    if (errors?.length) console.warn(`[console-products] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('signs in to the console at 127.0.0.1', async () => {
    await signInToConsole(page);
  });

  let edited: StoreProduct;
  const newPrice = 12345;
  const newTitle = `改价测试 ${stamp}`;

  it("changes an existing SKU's price and the title in one save", async () => {
    const list = await storeApi<{ items: Array<{ slug: string }> }>('/api/store/products?limit=10');
    for (const { slug } of list.items) {
      const p = await storeApi<StoreProduct>(`/api/store/products/${slug}`);
      if (p.variants[0]?.active && p.variants[0].stock !== 'out') {
        edited = p;
        break;
      }
    }
    expect(edited, 'an active product whose first variant is in stock').toBeDefined();
    await page.goto(`/admin/products/${edited.id}`);
    const price = page.getByLabel(L.price(1), { exact: true });
    await visible(price);
    await price.fill(String(newPrice / 100));
    await page.getByLabel(L.titleZh, { exact: true }).fill(newTitle);
    await page.getByRole('button', { name: /保\s?存$/ }).click(); // the name starts with the icon's label
    await visible(page.getByText(L.saved));
    await visible(page.getByRole('heading', { level: 1 }).filter({ hasText: newTitle }));
    await journey.shoot(page, 'edited-product');
  });

  it('shows the new price and title on the storefront product page', async () => {
    await expect.poll(async () => (await storeApi<StoreProduct>(`/api/store/products/${edited.slug}`)).variants[0].price, { timeout: 10_000 }).toBe(newPrice);
    await page.goto(`/p/${edited.slug}?variant=${edited.variants[0].id}`);
    await visible(page.getByRole('heading', { level: 1, name: newTitle }));
    await visible(page.getByText(yuan(newPrice)).first());
    await journey.shoot(page, 'storefront-new-price', { fullPage: false });
  });

  let created: { id: string; slug: string; mainImage: string };
  const cupTitle = `保温杯 ${stamp}`;

  it('creates a product from a Chinese title only', async () => {
    await page.goto('/admin/products/new');
    await page.getByLabel(L.titleZh, { exact: true }).fill(cupTitle);
    await page.getByLabel(L.category, { exact: true }).click();
    await page.locator('.ant-select-tree-node-content-wrapper').first().click();
    await page.getByLabel(L.sku(1), { exact: true }).fill(`CUP-${stamp}`);
    await page.getByLabel(L.price(1), { exact: true }).fill('59');
    // Two photos from disk, the second made the main picture by its arrow, then dragged back and forth.
    const [red, blue] = await photosOnDisk();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: L.uploadImage }).click();
    await (await chooser).setFiles([red, blue]);
    await visible(page.getByAltText(L.imagePreview(2)), 20_000);
    const uploaded = await thumbnailOrder(page, 2);
    await page.getByRole('button', { name: L.moveEarlier(2) }).click();
    expect(await thumbnailOrder(page, 2)).toEqual([uploaded[1], uploaded[0]]);
    await page.getByAltText(L.imagePreview(2)).dragTo(page.getByAltText(L.imagePreview(1)));
    expect(await thumbnailOrder(page, 2)).toEqual(uploaded);
    await page.getByAltText(L.imagePreview(2)).dragTo(page.getByAltText(L.imagePreview(1)));
    expect(await thumbnailOrder(page, 2)).toEqual([uploaded[1], uploaded[0]]);
    // A description with a heading and a list, written in the editor's own toolbar.
    const description = page.getByRole('textbox', { name: L.descriptionZh });
    const tools = page.getByRole('toolbar', { name: L.descriptionZh });
    await description.click();
    await tools.getByRole('button', { name: L.h3 }).click();
    await page.keyboard.type('产品特点');
    await page.keyboard.press('Enter');
    await tools.getByRole('button', { name: L.bullets }).click();
    await page.keyboard.type('316 不锈钢内胆');
    await page.keyboard.press('Enter');
    await page.keyboard.type('保温 12 小时');
    await page.getByRole('button', { name: /创建商品$/ }).click();
    await visible(page.getByText(L.created));
    await page.waitForURL(/\/admin\/products\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    // The address changes before the saved product's form replaces the creating one (the router
    // renders in a transition): wait for the slug the server chose rather than read the old field.
    const slugField = page.getByLabel('链接标识（slug）');
    await expect.poll(() => slugField.inputValue(), { timeout: 10_000 }).toMatch(/^bao-wen-bei-/);
    const slug = await slugField.inputValue();
    created = { id, slug, mainImage: uploaded[1] };
    // Saved as pictures in the order chosen and as clean HTML: the heading and the list survive.
    const saved = await adminApi<{ images: Array<{ url: string }>; description: { 'zh-CN': string } | null }>(`/api/admin/products/${id}`);
    expect(saved.images.map((i) => i.url)).toEqual([uploaded[1], uploaded[0]]);
    expect(saved.description?.['zh-CN']).toMatch(/<h3>产品特点<\/h3>/);
    expect(saved.description?.['zh-CN']).toMatch(/<ul><li>316 不锈钢内胆<\/li><li>保温 12 小时(<br>)?<\/li><\/ul>/);
    await visible(page.getByText(`CUP-${stamp}`, { exact: true }).last());
    await journey.shoot(page, 'created-product');
  });

  it('warns before publishing a product with no stock', async () => {
    await page.getByRole('button', { name: antdText(L.publish) }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: L.noStockTitle });
    await visible(confirm);
    await journey.shoot(page, 'publish-no-stock-warning', { fullPage: false });
    await confirm.getByRole('button', { name: /取\s?消/ }).click();
    await confirm.waitFor({ state: 'hidden' });
  });

  it('books stock from the product form and publishes without a warning', async () => {
    const card = page.locator('.ant-card').filter({ has: page.getByText(L.stock, { exact: true }) }).last();
    await card.getByRole('button', { name: new RegExp(`${L.adjust} CUP-${stamp}`) }).click();
    const dialog = page.getByRole('dialog', { name: L.adjustTitle });
    await visible(dialog);
    await dialog.getByLabel(L.delta).fill('30');
    await dialog.getByRole('button', { name: antdText(L.adjust) }).click();
    await visible(page.getByText(L.adjusted));
    await dialog.waitFor({ state: 'hidden' });
    await visible(card.getByRole('cell', { name: '30', exact: true }));
    await page.getByRole('button', { name: antdText(L.publish) }).click();
    await visible(page.getByText(L.published, { exact: true }));
    await settled(page);
    await journey.shoot(page, 'published-with-stock');
  });

  it('finds the new product in the shop, in stock', async () => {
    await page.goto(`/p/${created.slug}`);
    await visible(page.getByRole('heading', { level: 1, name: cupTitle }));
    await visible(page.getByText(yuan(5900)).first());
    await visible(page.getByRole('status').filter({ hasText: /^有货$/ }));
    await journey.shoot(page, 'storefront-new-product', { fullPage: false });
    // The description as the merchant wrote it, and the blue photo first in the gallery.
    await visible(page.getByRole('heading', { level: 3, name: '产品特点' }));
    await visible(page.getByRole('listitem').filter({ hasText: '316 不锈钢内胆' }));
    const main = await page.locator('.gallery img').first().getAttribute('src');
    expect(main).toContain(created.mainImage);
    await journey.shoot(page, 'storefront-new-product-description');
  });

  it('the English editor of the new product (a look at both languages)', async () => {
    const en = await browser.newContext({ baseURL: origin, viewport: SIZES.phone, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    const p = await en.newPage();
    await signInToConsole(p, 'en');
    await p.goto(`/admin/products/${created.id}`);
    await visible(p.getByText('Stock', { exact: true }).last());
    await journey.shoot(p, 'product-editor-en');
    await en.close();
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, SIZES, baseUrl, launch, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { adminApi, antdText, pickProduct, signInToConsole, visible, type ProductPick } from './support/store.js';

interface RoundView {
  id: string;
  name: { 'zh-CN': string; en: string };
  status: string;
  items: Array<{ variantId: string; flashPrice: number; stock: number; left: number | null }>;
}
interface ReportItem { variantId: string; stock: number; left: number | null; returned: number; accounted: boolean }

/**
 * The operator's flash sale rounds (秒杀场次) at 127.0.0.1: create a round for a demo product's SKU
 * starting in an hour from 营销 → 秒杀, see it in the list as a draft, publish it (its stock set aside
 * from the warehouse), and open its report with every unit accounted for.
 */
describe('console: flash sale rounds are created, published and reported [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let product: ProductPick;
  let sku: string;
  let round: RoundView | undefined;
  const journey = new Journey('console-flash-sales');
  const stamp = Date.now().toString(36).slice(-5);
  const nameZh = `晚八点场 ${stamp}`;
  const row = () => page.getByRole('row').filter({ hasText: nameZh });

  beforeAll(async () => {
    product = await pickProduct('毛巾');
    const detail = await adminApi<{ variants: Array<{ id: string; sku: string }> }>(`/api/admin/products/${product.productId}`);
    sku = detail.variants.find((v) => v.id === product.variant.id)!.sku;
    browser = await launch();
    context = await browser.newContext({ baseURL: baseUrl().replace('localhost', '127.0.0.1'), viewport: SIZES.desktop, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(45_000);
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    if (errors?.length) console.warn(`[console-flash-sales] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('creates a round for one SKU starting in an hour from 营销 → 秒杀', async () => {
    await signInToConsole(page);
    const item = page.getByRole('menuitem', { name: '秒杀', exact: true });
    if (!(await item.isVisible())) await page.getByRole('menuitem', { name: '营销' }).click();
    await item.click();
    await visible(page.getByRole('heading', { level: 1, name: '秒杀' }));
    await page.getByRole('button', { name: /新建场次/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称（中文）', { exact: true }).fill(nameZh);
    await dialog.getByLabel('名称（英文）', { exact: true }).fill(`8 pm round ${stamp}`);
    const picker = dialog.getByLabel('商品', { exact: true });
    await picker.click();
    await picker.pressSequentially(product.title['zh-CN'].slice(0, 6), { delay: 40 });
    await page.locator('.ant-select-item-option').filter({ hasText: product.title['zh-CN'] }).first().click();
    await page.keyboard.press('Escape');
    await dialog.getByLabel('SKU', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: sku }).first().click();
    await visible(dialog.getByText(/^原价 /));
    await dialog.getByLabel('秒杀价', { exact: true }).fill(((product.variant.price - 100) / 100).toFixed(2));
    await dialog.getByLabel('秒杀库存', { exact: true }).fill('2');
    expect(await dialog.getByLabel('每人限购', { exact: true }).inputValue()).toBe('1');
    await journey.shoot(page, 'flash-round-form');
    await dialog.getByRole('button', { name: antdText('保存') }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(row().getByText('草稿', { exact: true }));
    const { items } = await adminApi<{ items: RoundView[] }>('/api/admin/flash-sales/rounds');
    round = items.find((r) => r.name['zh-CN'] === nameZh);
    expect(round).toMatchObject({ status: 'draft', items: [{ variantId: product.variant.id, flashPrice: product.variant.price - 100, stock: 2, left: null }] });
    await journey.shoot(page, 'flash-rounds-draft');
  });

  it('publishes it after a confirm that the stock is set aside', async () => {
    await row().getByRole('button', { name: '发布' }).click();
    await visible(page.getByText(/从仓库库存中划出/));
    await page.locator('.ant-popconfirm').getByRole('button', { name: antdText('发布') }).click();
    await visible(row().getByText('已发布', { exact: true }));
    await visible(row().getByText('2 / 2'));
  });

  it('opens its report: every unit accounted for', async () => {
    await row().getByRole('button', { name: '报表' }).click();
    const drawer = page.locator('.ant-drawer');
    await visible(drawer.getByText(`场次报表：${nameZh}`));
    await visible(drawer.getByText(sku));
    await visible(drawer.getByText('已对平 ✓'));
    const report = await adminApi<{ items: ReportItem[] }>(`/api/admin/flash-sales/rounds/${round!.id}/report`);
    expect(report.items).toEqual([expect.objectContaining({ variantId: product.variant.id, stock: 2, left: 2, accounted: true })]);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
    await journey.shoot(page, 'flash-round-report');
  });

  it('calls the round off before its start: its stock goes back to the warehouse', async () => {
    await page.keyboard.press('Escape');
    await row().getByRole('button', { name: '取消场次' }).click();
    await visible(page.getByText(/库存将退回仓库/));
    await page.locator('.ant-popconfirm').getByRole('button', { name: antdText('取消场次') }).click();
    await visible(row().getByText('已取消', { exact: true }));
    const report = await adminApi<{ items: ReportItem[] }>(`/api/admin/flash-sales/rounds/${round!.id}/report`);
    expect(report.items).toEqual([expect.objectContaining({ stock: 2, returned: 2, accounted: true })]);
    await journey.shoot(page, 'flash-round-cancelled');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, SIZES, launch, newPerson, settled, watchErrors, type Size } from './support/browser.js';
import { ADMIN } from './support/env.js';
import { CONSOLE } from './support/labels.js';
import { antdText, visible } from './support/store.js';

type Locale = keyof typeof CONSOLE;
type Screen = keyof (typeof CONSOLE)['zh-CN']['nav'];

/**
 * Every console screen as the admin (who may open all of them) reaches it: from the menu — the side
 * menu on a desktop, the drawer on a phone — and from a list to one record, with the dialogs and
 * drawers that open on top (CSV import and export, stock ledger and adjustment, new staff member).
 * Each one is screenshotted at both sizes and may not be wider than the window at either. The
 * Chinese admin works at a desktop, the English one on a phone, and axe checks each screen at that
 * size (serious and critical findings fail): every screen is checked in both languages and at both
 * sizes, in half the time of all four combinations (the CI budget).
 */
consoleScreens('zh-CN', 'desktop');
consoleScreens('en', 'phone');

function consoleScreens(locale: Locale, primary: Size) {
  const C = CONSOLE[locale];
  const other: Size = primary === 'phone' ? 'desktop' : 'phone';

  describe(`console screens in ${locale}: ${primary} first, then ${other} [chromium]`, () => {
    let browser: Browser;
    let staff: { context: BrowserContext; page: Page };
    let errors: string[];
    const journey = new Journey(`console-${locale}`);
    const files = mkdtempSync(join(tmpdir(), 'sk-console-e2e-'));

    beforeAll(async () => {
      browser = await launch();
      staff = await newPerson(browser, { size: primary, locale: locale === 'en' ? 'en-US' : 'zh-CN' });
      errors = watchErrors(staff.page);
    });
    afterAll(async () => {
      if (errors?.length) console.warn(`[console-${locale}] browser errors:\n  ${errors.join('\n  ')}`);
      await browser?.close();
    });

    /** Screenshots and "no wider than the window" at both sizes; axe at the primary size. */
    async function check(page: Page, name: string): Promise<void> {
      await idle(page);
      await journey.shoot(page, name);
      for (const size of [primary, other]) {
        if (size !== primary) await resize(page, size);
        const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })');
        expect(scrollWidth, `${name} at ${size} size is wider than the window`).toBeLessThanOrEqual(innerWidth + 1);
        if (size === primary) await journey.axe(page, `${locale}/${name}/${size}`);
      }
      await resize(page, primary);
    }

    /** From the side menu on a desktop; on a phone from the drawer the header's menu button opens. */
    async function openFromMenu(page: Page, screen: Screen): Promise<void> {
      const { menu, title } = C.nav[screen];
      if (page.viewportSize()!.width <= SIZES.phone.width) {
        await page.getByRole('button', { name: C.menu, exact: true }).click();
        const drawer = page.getByRole('dialog');
        await visible(drawer);
        await drawer.getByRole('menuitem', { name: menu, exact: true }).click();
        await drawer.waitFor({ state: 'hidden' });
      } else {
        await page.getByRole('menuitem', { name: menu, exact: true }).click();
      }
      await visible(page.getByRole('heading', { level: 1, name: title, exact: true }));
    }

    const firstRow = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row').first();

    it('the sign-in page; staff sign in and land on the home page', async () => {
      const { page } = staff;
      await page.goto('/admin/');
      await page.waitForURL(/\/admin\/sign-in/);
      await check(page, 'sign-in');
      await page.getByLabel(C.email).fill(ADMIN.email);
      await page.getByLabel(C.password).fill(ADMIN.password);
      await page.getByRole('button', { name: antdText(C.signIn) }).click();
      await visible(page.getByRole('heading', { level: 1, name: C.nav.home.title, exact: true }), 30_000);
      await visible(page.getByText(C.gmv30), 30_000);
      await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 20_000 });
      await check(page, 'home');
    });

    it('the menu: side menu on a desktop, a drawer from the header on a phone', async () => {
      const { page } = staff;
      if (primary === 'desktop') await expect(page.getByRole('button', { name: C.menu, exact: true }).count()).resolves.toBe(0);
      await resize(page, 'phone');
      await page.getByRole('button', { name: C.menu, exact: true }).click();
      const drawer = page.getByRole('dialog');
      await visible(drawer.getByRole('menuitem', { name: C.nav.settings.menu, exact: true }));
      await idle(page);
      await page.screenshot({ path: join(journey.dir, 'menu-drawer-phone.png'), animations: 'disabled' });
      await journey.axe(page, `${locale}/menu-drawer/phone`);
      await drawer.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden' });
      await resize(page, primary);
    });

    it('products: the list, a CSV export and a refused CSV import', async () => {
      const { page } = staff;
      await openFromMenu(page, 'products');
      await visible(firstRow(page));
      await check(page, 'products');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: C.exportCsv }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      await visible(page.getByText(C.exported));

      // A bad row (a price with three decimals): nothing is imported, and the row and column are named.
      const csv = join(files, 'refused-products.csv');
      writeFileSync(csv, [
        'product_slug,title_zh,title_en,category_slug,brand_slug,status,sku,option_values,price,list_price,cost,weight_grams,barcode',
        'e2e-refused,拒收,Refused,no-such-category,,draft,E2E-REFUSED-1,,12.345,,,250,',
      ].join('\r\n'));
      await page.locator('input[type=file]').setInputFiles(csv);
      const dialog = page.getByRole('dialog', { name: C.importResult });
      await visible(dialog.getByRole('cell', { name: 'price', exact: true }));
      await check(page, 'products-import-refused');
      await dialog.locator('.ant-modal-close').click();
      await dialog.waitFor({ state: 'hidden' });
    });

    it('a product’s edit page, and a new product', async () => {
      const { page } = staff;
      await firstRow(page).getByRole('link').first().click();
      await page.waitForURL(/\/admin\/products\/[^/]+$/);
      await visible(page.getByText(C.productBasics, { exact: true }));
      await check(page, 'product');

      await openFromMenu(page, 'products');
      await page.getByRole('button', { name: C.newProduct }).click();
      await page.waitForURL(/\/admin\/products\/new$/);
      await visible(page.getByText(C.productBasics, { exact: true }));
      await check(page, 'product-new');
    });

    it('categories and brands', async () => {
      const { page } = staff;
      await openFromMenu(page, 'categories');
      await visible(firstRow(page));
      await check(page, 'categories');
      await openFromMenu(page, 'brands');
      await visible(firstRow(page));
      await check(page, 'brands');
    });

    it('stock, a variant’s ledger and the adjustment dialog', async () => {
      const { page } = staff;
      await openFromMenu(page, 'stock');
      await visible(firstRow(page));
      await check(page, 'stock');

      await firstRow(page).getByRole('button', { name: antdText(C.ledger) }).click();
      const ledger = page.getByRole('dialog');
      await visible(ledger.locator('.ant-drawer-title'));
      await check(page, 'stock-ledger');
      await ledger.locator('.ant-drawer-close').click();
      await ledger.waitFor({ state: 'hidden' });

      await firstRow(page).getByRole('button', { name: antdText(C.adjust) }).click();
      const adjust = page.getByRole('dialog', { name: C.adjustTitle });
      await visible(adjust);
      await check(page, 'stock-adjust');
      await adjust.locator('.ant-modal-close').click();
      await adjust.waitFor({ state: 'hidden' });
    });

    it('orders, an order and its packing slip', async () => {
      const { page } = staff;
      await openFromMenu(page, 'orders');
      await visible(firstRow(page));
      await check(page, 'orders');

      await firstRow(page).getByRole('link').first().click();
      await page.waitForURL(/\/admin\/orders\/[^/]+$/);
      await visible(page.getByText(C.orderSummary, { exact: true }));
      await check(page, 'order');

      const [slip] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: C.packingSlip }).click()]);
      await visible(slip.getByRole('heading', { level: 1, name: C.slipTitle }));
      await check(slip, 'packing-slip');
      await slip.close();
    });

    it('bulk shipping, with a sheet whose one row is skipped', async () => {
      const { page } = staff;
      await openFromMenu(page, 'bulkShip');
      await check(page, 'bulk-ship');
      const csv = join(files, 'shipments.csv');
      writeFileSync(csv, 'order_number,carrier,tracking_number\r\nE2E-NO-SUCH-ORDER,sf,SF0000000001\r\n');
      await page.locator('input[type=file]').setInputFiles(csv);
      await visible(page.getByText(C.bulkResult, { exact: true }), 30_000);
      await visible(firstRow(page).getByText('E2E-NO-SUCH-ORDER'));
      await check(page, 'bulk-ship-result');
    });

    it('refunds', async () => {
      const { page } = staff;
      await openFromMenu(page, 'refunds');
      await check(page, 'refunds');
    });

    it('customers and one customer', async () => {
      const { page } = staff;
      await openFromMenu(page, 'customers');
      await visible(firstRow(page));
      await check(page, 'customers');
      await firstRow(page).getByRole('link').first().click();
      await page.waitForURL(/\/admin\/customers\/[^/]+$/);
      await visible(page.getByText(C.customerProfile, { exact: true }));
      await check(page, 'customer');
    });

    it('staff (and the new-member dialog) and roles', async () => {
      const { page } = staff;
      await openFromMenu(page, 'staff');
      await visible(firstRow(page));
      await check(page, 'staff');
      await page.getByRole('button', { name: C.newStaff }).click();
      const dialog = page.getByRole('dialog', { name: C.newStaff });
      await visible(dialog);
      await check(page, 'staff-new');
      await dialog.locator('.ant-modal-close').click();
      await dialog.waitFor({ state: 'hidden' });

      await openFromMenu(page, 'roles');
      await visible(firstRow(page));
      await check(page, 'roles');
    });

    it('audit log and dead events', async () => {
      const { page } = staff;
      await openFromMenu(page, 'audit');
      await check(page, 'audit');
      await openFromMenu(page, 'events');
      await check(page, 'events');
    });

    it('settings: store, shipping methods and the outbox', async () => {
      const { page } = staff;
      await openFromMenu(page, 'settings');
      await visible(page.getByRole('button', { name: antdText(C.save) }));
      await check(page, 'settings');
      for (const [tab, name] of [['shipping', C.settingsTabs.shipping], ['messages', C.settingsTabs.messages]] as const) {
        await page.getByRole('tab', { name, exact: true }).click();
        await page.waitForURL(new RegExp(`tab=${tab}`));
        await check(page, `settings-${tab}`);
      }
    });

    it('an address that is no screen shows "not found" in the frame', async () => {
      const { page } = staff;
      await page.goto('/admin/no-such-screen');
      await visible(page.locator('.ant-result-404'));
      await check(page, 'not-found');
    });

    it('accessibility: no serious or critical axe violations on any console screen, at either size', () => {
      journey.expectAccessible();
    });
  });
}

async function resize(page: Page, size: Size): Promise<void> {
  await page.setViewportSize(SIZES[size]);
  await settled(page);
  await idle(page);
}

/**
 * Until nothing on the page is loading: antd's spinners and skeletons are gone. (Polled with a
 * locator: waitForFunction with a string would need 'unsafe-eval', which the console's CSP refuses.)
 */
async function idle(page: Page): Promise<void> {
  const loading = page.locator('.ant-spin-spinning, .ant-skeleton-active');
  const deadline = Date.now() + 20_000;
  while ((await loading.count()) > 0) {
    if (Date.now() > deadline) throw new Error(`still loading after 20 s: ${page.url()}`);
    await page.waitForTimeout(100);
  }
  await settled(page);
}

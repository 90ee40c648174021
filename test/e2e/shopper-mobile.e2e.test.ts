import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, Journey, launch, newPerson, SIZES, watchErrors } from './support/browser.js';
import { DEMO_SHOPPER, path, pickProduct, signIn, stockShown, storeApi, STORE, visible, yuan, type ProductPick } from './support/store.js';
import { stopAfterFirstFailure } from './support/journey.js';

// Journey (f): the mobile shopping basics on a phone — the picture gallery and its full-screen view,
// the buy bar, 立即购买 as a guest straight to checkout, and a category's filter sheet and sorts.
const locale = 'zh-CN';
const L = STORE[locale];

/**
 * The journey browses at 127.0.0.1, not the `localhost` the shared store calls itself: a phone on the
 * shop's network reaches it by address. It never leaves for the sandbox pay page, so its cookies stay here.
 */
const at = (p: string) => `${baseUrl().replace('//localhost:', '//127.0.0.1:')}${p}`;

/** The element's box lies inside the phone's screen (what a person sees without scrolling). */
async function onScreen(page: Page, selector: string) {
  const box = (await page.locator(selector).first().boundingBox())!;
  expect(box, selector).not.toBeNull();
  return { top: box.y >= 0, bottom: box.y + box.height <= SIZES.phone.height + 1, box };
}

/** Nothing sticks out sideways: a phone page that scrolls horizontally is broken. */
async function noSidewaysScroll(page: Page) {
  const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
  expect(widths[0], `page is ${widths[0]} px wide on a ${widths[1]} px screen`).toBeLessThanOrEqual(widths[1]);
}

describe('zh-CN shopper on a phone: gallery, buy bar, 立即购买, filter sheet [chromium]', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const journey = new Journey('f-shopper-mobile');
  let product: ProductPick;
  let pictures = 0;

  stopAfterFirstFailure();
  beforeAll(async () => {
    browser = await launch();
    ({ page } = await newPerson(browser, { size: 'phone', locale: 'zh-CN' }));
    errors = watchErrors(page);
    // A best seller of the demo shop: its gallery has three pictures (the tile, a close-up, the box).
    product = await pickProduct('牛肉干', [], { pictures: 3 });
    pictures = (await storeApi<{ images: unknown[] }>(`/api/store/products/${product.slug}`)).images.length;
  });
  afterAll(async () => {
    if (errors?.length) console.warn(`[f-shopper-mobile] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('opens a product: the buy bar sits at the bottom of the screen with the price and the chosen option', async () => {
    await page.goto(at(path(locale, `/p/${product.slug}?variant=${product.variant.id}`)));
    await visible(page.getByRole('heading', { level: 1, name: product.title[locale] }));
    const bar = page.locator('.buy-bar');
    await visible(bar);
    const { bottom, box } = await onScreen(page, '.buy-bar');
    expect(bottom).toBe(true);
    expect(box.y).toBeGreaterThan(SIZES.phone.height - 120);
    expect(await bar.textContent()).toContain(yuan(product.variant.price));
    expect(await bar.textContent()).toContain(product.variant.label[locale]);
    await visible(bar.getByRole('button', { name: L.addToCart }));
    await visible(bar.getByRole('button', { name: L.buyNow }));
    // Stock as words, the figure only when few are left; the delivery estimate from the store's methods.
    await stockShown(page, locale, product);
    await visible(page.getByText(/顺丰速运 · 预计 \d+月\d+日（周.）送达/));
    // Scrolled down, the bar is still there.
    await page.mouse.wheel(0, 1500);
    expect((await onScreen(page, '.buy-bar')).bottom).toBe(true);
    await page.evaluate('window.scrollTo(0, 0)');
    await noSidewaysScroll(page);
    await journey.shoot(page, 'product-buy-bar', { fullPage: false });
    await journey.shoot(page, 'product-whole');
    await journey.axe(page, 'zh-CN/product-mobile');
  });

  it('swipes through the pictures and opens one full screen', async () => {
    expect(pictures).toBeGreaterThanOrEqual(3);
    const track = page.locator('.gallery-track');
    expect(await track.locator('li').count()).toBe(pictures);
    // A swipe: the track scrolls sideways and snaps to the second picture.
    // (Strings: the test's own TypeScript has no DOM types.)
    await page.evaluate(`(() => { const el = document.querySelector('.gallery-track'); el.scrollBy({ left: el.clientWidth * 0.7, behavior: 'instant' }); })()`);
    await page.waitForFunction(`(() => { const el = document.querySelector('.gallery-track'); return Math.abs(el.scrollLeft - el.clientWidth) < 2; })()`);
    await journey.shoot(page, 'gallery-swiped', { fullPage: false });
    await page.getByRole('link', { name: '查看大图（第 2 张）' }).click();
    await page.waitForURL((u) => u.hash === '#zoom-2');
    const zoom = page.locator('.zoom');
    await visible(zoom);
    const z = (await zoom.boundingBox())!;
    expect(z).toMatchObject({ x: 0, y: 0, width: SIZES.phone.width, height: SIZES.phone.height });
    await visible(page.locator('#zoom-2 img'));
    await journey.shoot(page, 'gallery-full-screen', { fullPage: false });
    await page.locator('#zoom-2').getByRole('link', { name: '关闭大图' }).click();
    await page.waitForURL((u) => u.hash === '#image-2');
    expect(await zoom.isVisible()).toBe(false);
  });

  it('立即购买 as a guest: signs in, and checkout shows that item alone', async () => {
    await page.locator('.buy-bar').getByRole('button', { name: L.buyNow }).click();
    await page.waitForURL((u) => u.pathname === '/account/login');
    expect(new URL(page.url()).searchParams.get('next')).toContain(`variantId=${product.variant.id}`);
    await signIn(page, locale, DEMO_SHOPPER.email, DEMO_SHOPPER.password);
    await page.waitForURL((u) => u.pathname === '/checkout' && u.searchParams.get('variantId') === product.variant.id);
    await visible(page.getByRole('heading', { level: 1, name: L.checkoutHeading }));
    const lines = page.locator('.mini-lines li');
    await visible(lines.getByText(`${product.title[locale]} × 1`));
    expect(await lines.count()).toBe(1);
    await journey.shoot(page, 'checkout-buy-now');
    await journey.axe(page, 'zh-CN/checkout-buy-now');
  });

  it('on a category page, products come first; the filter sheet picks a brand, and a sort applies on tap', async () => {
    await page.goto(at(path(locale, `/p/${product.slug}`)));
    expect(new URL(page.url()).hostname).toBe('127.0.0.1');
    const crumbs = page.getByRole('navigation', { name: '面包屑导航' }).getByRole('link');
    const categoryHref = (await crumbs.nth((await crumbs.count()) - 1).getAttribute('href'))!;
    await page.goto(at(categoryHref));
    // The first products are above the fold of a 390×844 screen.
    const firstCard = await onScreen(page, '.results .card');
    expect(firstCard.box.y).toBeLessThan(SIZES.phone.height - 100);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    await noSidewaysScroll(page);
    await journey.shoot(page, 'category', { fullPage: false });
    await journey.axe(page, 'zh-CN/category-mobile');

    await page.getByRole('link', { name: /^筛选/ }).click();
    await page.waitForURL((u) => u.hash === '#filters');
    const sheet = page.locator('#filters');
    await visible(sheet);
    expect((await onScreen(page, '#filters')).bottom).toBe(true);
    await journey.shoot(page, 'filter-sheet', { fullPage: false });
    const brand = sheet.locator('input[name="brand"]').first();
    const slug = (await brand.getAttribute('value'))!;
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    await brand.check();
    await sheet.getByRole('button', { name: '应用筛选' }).click();
    await page.waitForURL((u) => u.searchParams.get('brand') === slug);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    await visible(page.locator('.results .card'));

    await page.getByRole('navigation', { name: '排序' }).getByRole('link', { name: '销量' }).click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'sales' && u.searchParams.get('brand') === slug);
    expect(await page.getByRole('link', { name: '销量' }).getAttribute('aria-current')).toBe('true');
    await journey.shoot(page, 'category-brand-sorted', { fullPage: false });
  });

  it('the same in English: the buy bar and the filter sheet', async () => {
    await page.goto(at(path('en', `/p/${product.slug}?variant=${product.variant.id}`)));
    const bar = page.locator('.buy-bar');
    await visible(bar.getByRole('button', { name: 'Buy now' }));
    await visible(bar.getByRole('button', { name: 'Add to cart' }));
    await visible(page.getByText(/SF Express · arrives by \w{3}, \w{3} \d+/));
    await noSidewaysScroll(page);
    await journey.shoot(page, 'product-en', { fullPage: false });
    await page.goto(at(path('en', '/search?q=jerky')));
    await noSidewaysScroll(page);
    await page.getByRole('link', { name: /^Filters/ }).click();
    await visible(page.locator('#filters'));
    await journey.shoot(page, 'filter-sheet-en', { fullPage: false });
  });

  it('accessibility: no serious or critical axe violations on the pages visited', () => {
    journey.expectAccessible();
  });
});

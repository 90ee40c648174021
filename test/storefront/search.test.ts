import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { seedProduct } from '../support/commerce.js';
import { ensureStorefrontBuild } from './build.js';

/** The search page's ways on: "did you mean" links, and best sellers when nothing was found. */
describeEachBackend('storefront search page', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend);
    await seedProduct(t, { slug: 'sf-search-earbuds' }); // 无线蓝牙耳机 / Wireless earbuds
    await t.settle();
  });
  afterAll(() => t?.close());

  const page = async (url: string) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };
  const link = (q: string, prefix = '') => `href="${prefix}/search?q=${encodeURIComponent(q)}"`;

  it('shows the corrected query as a "did you mean" link above its results', async () => {
    const html = await page(`/search?q=${encodeURIComponent('耳鸡')}`);
    expect(html).toContain('您是不是要找');
    expect(html).toContain(link('耳机'));
    expect(html).toContain('已为你显示它的搜索结果');
    expect(html).toContain('/p/sf-search-earbuds');
    expect(html).not.toContain('热销好物');
  });

  it('offers a close query and best sellers when nothing matched, without a filter form', async () => {
    const html = await page('/search?q=erjj');
    expect(html).toContain('没有找到与“erjj”相关的商品');
    expect(html).toContain('您是不是要找');
    expect(html).toContain(link('耳机'));
    expect(html).toMatch(/<h2 id="search-popular">热销好物<\/h2>[\s\S]*\/p\/sf-search-earbuds/);
    expect(html).not.toContain('class="filters"');
  });

  it('does the same in English, and invents no correction for gibberish', async () => {
    const html = await page('/en/search?q=qwzxv');
    expect(html).toContain('Nothing found for “qwzxv”');
    expect(html).toMatch(/<h2 id="search-popular">Best sellers<\/h2>[\s\S]*\/en\/p\/sf-search-earbuds/);
    expect(html).toContain('Wireless earbuds');
    expect(html).not.toContain('Did you mean');
    const english = await page('/en/search?q=erjj');
    expect(english).toContain('Did you mean');
    expect(english).toContain(link('耳机', '/en'));
  });

  it('keeps the filter form when filters, not words, emptied the page', async () => {
    const html = await page(`/search?q=${encodeURIComponent('耳机')}&min=99999`);
    expect(html).toContain('class="filters"');
    expect(html).toContain('热销好物');
    expect(html).not.toContain('您是不是要找');
  });

  it('never fails on hostile query text', async () => {
    for (const q of ['%00', encodeURIComponent('😀'), '%ED%A0%80', 'x'.repeat(5000), encodeURIComponent('耳'.repeat(3000))]) {
      const res = await t.app.inject({ url: `/search?q=${q}` });
      expect(res.statusCode, q.slice(0, 20)).toBeLessThan(500);
    }
  });
});

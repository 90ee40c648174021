import { afterAll, beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { seedProduct } from '../support/commerce.js';
import { registerShopper } from '../support/customers.js';
import { loginStaff, type StaffLogin } from '../support/staff.js';
import { ensureStorefrontBuild } from './build.js';

const PUBLIC_URL = 'https://shop.example.com';

function jsonLd(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}
const logoText = (html: string) => /<span class="logo-text">([^<]*)<\/span>/.exec(html)?.[1];
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const siteName = (html: string) => /<meta property="og:site_name" content="([^"]*)"\/>/.exec(html)?.[1];

describeEachBackend('store name and home banner from the console settings, on the storefront', (backend) => {
  let t: TestApp;
  let admin: StaffLogin;
  let imageId: string;
  const slug = 'sf-banner-kettle';

  const page = (url: string) => t.app.inject({ method: 'GET', url });
  const patch = (payload: unknown) => t.app.inject({ method: 'PATCH', url: '/api/admin/settings', headers: admin.auth, payload: payload as object });
  const auditCount = async () =>
    (await t.app.inject({ url: '/api/admin/audit-log?action=settings.update&limit=100', headers: admin.auth })).json().items.length as number;

  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend, { PUBLIC_URL });
    admin = await loginStaff(t, 'admin');
    await seedProduct(t, { slug, prices: [5900], stock: 5 });
    const png = await sharp({ create: { width: 1200, height: 400, channels: 3, background: '#2a6f97' } }).png().toBuffer();
    const upload = await t.app.inject({ method: 'POST', url: '/api/admin/media', headers: { ...admin.auth, 'content-type': 'image/png' }, payload: png });
    expect(upload.statusCode).toBe(201);
    imageId = upload.json().id;
  });
  afterAll(() => t?.close());

  it('names the store and shows the banner as they were before they were settings, by default', async () => {
    const zh = await page('/');
    expect(zh.statusCode).toBe(200);
    expect(logoText(zh.body)).toBe('掌柜商城');
    expect(title(zh.body)).toBe('掌柜商城 — 数码、服饰、家居好物');
    expect(siteName(zh.body)).toBe('掌柜商城');
    expect(zh.body).toContain('<h1>好物精选</h1>');
    expect(zh.body).toContain('正品保障，全场满额包邮。');
    const en = await page('/en/');
    expect(logoText(en.body)).toBe('Shopkeeper Store');
    expect(en.body).toContain('<h1>Picked for you</h1>');
    // Kept in the page cache from now on (once the search index settled after seeding): the change below must drop them.
    const cached = async (url: string) => {
      for (let i = 0; i < 10; i++) {
        await t.settle();
        if ((await page(url)).headers['x-page-cache'] === 'hit') return true;
      }
      return false;
    };
    expect(await cached('/')).toBe(true);
    expect(await cached(`/p/${slug}`)).toBe(true);
  });

  it('shows a changed name and banner at once on / and /en/: header, <title>, og:site_name, JSON-LD, banner', async () => {
    const res = await patch({
      name: { 'zh-CN': '山海小铺', en: 'Shanhai Goods' },
      homeBanner: {
        'zh-CN': { title: '冬季上新', subtitle: '羽绒服 5 折起', link: '/c/winter', imageId },
        en: { title: 'Winter is here', subtitle: 'Down jackets from 50% off', link: 'https://example.com/winter?utm_source=banner', imageId: null },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().homeBanner['zh-CN']).toEqual({
      title: '冬季上新',
      subtitle: '羽绒服 5 折起',
      link: '/c/winter',
      image: { id: imageId, url: `/media/${imageId}`, width: 1200, height: 400 },
    });

    const zh = await page('/');
    expect(zh.headers['x-page-cache']).toBe('miss');
    expect(logoText(zh.body)).toBe('山海小铺');
    expect(zh.body).toContain('aria-label="山海小铺"');
    expect(title(zh.body)).toBe('山海小铺 — 数码、服饰、家居好物');
    expect(siteName(zh.body)).toBe('山海小铺');
    expect(jsonLd(zh.body).find((d) => d['@type'] === 'WebSite')?.name).toBe('山海小铺');
    expect(zh.body).toContain('<h1>冬季上新</h1>');
    expect(zh.body).toContain('<p>羽绒服 5 折起</p>');
    expect(zh.body).toContain('href="/c/winter"');
    expect(zh.body).toMatch(new RegExp(`<img src="/media/${imageId}" width="1200" height="400" alt=""[^>]*srcSet="/media/${imageId}/160.webp 160w`));
    expect(zh.body).not.toContain('掌柜商城');
    expect(zh.body).not.toContain('好物精选');

    const en = await page('/en/');
    expect(logoText(en.body)).toBe('Shanhai Goods');
    expect(title(en.body)).toBe('Shanhai Goods — electronics, apparel and home goods');
    expect(siteName(en.body)).toBe('Shanhai Goods');
    expect(en.body).toContain('<h1>Winter is here</h1>');
    expect(en.body).toContain('href="https://example.com/winter?utm_source=banner"');
    expect(en.body).not.toContain(`/media/${imageId}`);

    // Every page names the store: a product page kept before the change is dropped too.
    const product = await page(`/p/${slug}`);
    expect(product.headers['x-page-cache']).toBe('miss');
    expect(title(product.body)).toMatch(/ - 山海小铺$/);
    expect(await auditCount()).toBe(1);
  });

  it('changes one field of one language and leaves the rest', async () => {
    expect((await patch({ homeBanner: { en: { subtitle: '' } } })).statusCode).toBe(200);
    const en = await page('/en/');
    expect(en.body).toContain('<h1>Winter is here</h1>');
    expect(en.body).not.toContain('Down jackets');
    expect((await page('/')).body).toContain('<p>羽绒服 5 折起</p>');
  });

  it('refuses NUL, 5,000 characters, script and protocol-relative links, unknown images with 400 and changes nothing', async () => {
    const before = (await t.app.inject({ url: '/api/admin/settings', headers: admin.auth })).json();
    const audits = await auditCount();
    const long = '长'.repeat(5000);
    const bad: unknown[] = [
      { name: { 'zh-CN': '山海\u0000小铺', en: 'Shanhai' } },
      { name: { 'zh-CN': long, en: 'Shanhai' } },
      { homeBanner: { 'zh-CN': { title: '冬\u0000季' } } },
      { homeBanner: { 'zh-CN': { title: long } } },
      { homeBanner: { 'zh-CN': { subtitle: long } } },
      { homeBanner: { 'zh-CN': { title: '' } } },
      { homeBanner: { 'zh-CN': { title: '两行\n标题' } } },
      { homeBanner: { en: { link: 'javascript:alert(1)' } } },
      { homeBanner: { en: { link: ' JavaScript:alert(1)' } } },
      { homeBanner: { en: { link: 'data:text/html,<script>alert(1)</script>' } } },
      { homeBanner: { en: { link: '//evil.example/' } } },
      { homeBanner: { en: { link: '/\\evil.example/' } } },
      { homeBanner: { en: { link: `/${'a'.repeat(5000)}` } } },
      { homeBanner: { en: { imageId: '00000000-0000-4000-8000-000000000000' } } },
      { homeBanner: { en: { imageId: '../../etc/passwd' } } },
      { homeBanner: { fr: { title: 'Bonjour' } } },
      { homeBanner: { en: { title: 'Ok', colour: 'red' } } },
      // One bad field spoils the request: the good one is not saved either.
      { name: { 'zh-CN': '新名字', en: 'New name' }, homeBanner: { en: { link: 'javascript:void(0)' } } },
    ];
    for (const body of bad) {
      const res = await patch(body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      // A NUL is refused before the schema, for every operation alike (platform/http/storable-text.ts).
      expect(res.json().code).toBe(JSON.stringify(body).includes('\\u0000') ? 'UNSTORABLE_CHARACTER' : 'VALIDATION_FAILED');
    }
    expect((await t.app.inject({ url: '/api/admin/settings', headers: admin.auth })).json()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('signs messages to shoppers with the store name', async () => {
    const s = await registerShopper(t, { locale: 'en' });
    expect((await t.app.inject({ method: 'POST', url: '/api/store/auth/password-reset', payload: { email: s.email } })).statusCode).toBe(202);
    const [message] = await t.services.messages.list({ to: s.email });
    expect(message.subject).toBe('Your Shanhai Goods password reset code');
  });
});

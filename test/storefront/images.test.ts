import { afterAll, beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { seedProduct, type SeededProduct } from '../support/commerce.js';
import { ensureStorefrontBuild } from './build.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

describeEachBackend('storefront images: media renditions in srcset', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let mediaId: string;
  const slug = 'sf-media-earbuds';

  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend, { PUBLIC_URL: 'https://shop.example.com' });
    p = await seedProduct(t, { slug, prices: [19900], stock: 5 });
    const bytes = await sharp({ create: { width: 1000, height: 800, channels: 3, background: '#2a6' } }).jpeg().toBuffer();
    const { asset } = await t.k.db.transaction(async () => t.services.media.store(await t.services.media.inspect(bytes), null));
    mediaId = asset.id;
    await t.k.db.transaction(() =>
      t.services.catalog.updateProduct(p.productId, {
        images: [
          { url: asset.url, width: asset.width, height: asset.height, alt: { 'zh-CN': '耳机正面', en: 'Earbuds, front' } },
          { url: 'https://cdn.example.com/side.jpg', width: 800, height: 800, alt: { 'zh-CN': '侧面', en: 'Side' } },
        ],
      }),
    );
    await t.settle();
  });
  afterAll(() => t?.close());

  it('gives the product gallery a srcset of the renditions up to the original width, with sizes, size and lazy loading', async () => {
    const res = await t.app.inject({ url: `/p/${slug}` });
    expect(res.statusCode).toBe(200);
    const imgs = [...res.body.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    const main = imgs.find((i) => attr(i, 'src') === `/media/${mediaId}` && attr(i, 'width') === '1000')!;
    expect(main).toBeDefined();
    expect(attr(main, 'srcSet') ?? attr(main, 'srcset')).toBe(
      [160, 320, 480, 640, 960].map((w) => `/media/${mediaId}/${w}.webp ${w}w`).concat(`/media/${mediaId}/1280.webp 1000w`).join(', '),
    );
    expect(attr(main, 'sizes')).toBe('(min-width: 1200px) 580px, (min-width: 960px) 50vw, 100vw');
    expect(attr(main, 'height')).toBe('800');
    expect(attr(main, 'loading')).toBe('eager'); // the first picture is the page's largest paint
    // An image from elsewhere keeps its one URL and no srcset.
    const external = imgs.find((i) => attr(i, 'src') === 'https://cdn.example.com/side.jpg' && attr(i, 'width') === '800')!;
    expect(external).toBeDefined();
    expect(external).not.toMatch(/srcset/i);
    expect(attr(external, 'loading')).toBe('lazy');
    // The 64 px thumbnails pick from the renditions too.
    const thumb = imgs.find((i) => attr(i, 'src') === `/media/${mediaId}` && attr(i, 'width') === '64')!;
    expect(attr(thumb, 'sizes')).toBe('64px');
    expect(attr(thumb, 'srcSet') ?? attr(thumb, 'srcset')).toContain(`/media/${mediaId}/160.webp 160w`);
    // Link previews and crawlers get the picture at an absolute address.
    expect(res.body).toContain(`<meta property="og:image" content="https://shop.example.com/media/${mediaId}"/>`);
    expect(res.body).toContain(`"image":"https://shop.example.com/media/${mediaId}"`);
    // What the srcset names is served.
    const file = await t.app.inject({ url: `/media/${mediaId}/480.webp` });
    expect(file.statusCode).toBe(200);
    expect((await sharp(file.rawPayload).metadata()).width).toBe(480);
  });

  it('gives product cards in a listing the grid sizes', async () => {
    const res = await t.app.inject({ url: `/c/c-${slug}` });
    expect(res.statusCode).toBe(200);
    const card = [...res.body.matchAll(/<img [^>]*>/g)].map((m) => m[0]).find((i) => attr(i, 'src') === `/media/${mediaId}`)!;
    expect(card).toBeDefined();
    expect(attr(card, 'srcSet') ?? attr(card, 'srcset')).toContain(`/media/${mediaId}/320.webp 320w`);
    expect(attr(card, 'sizes')).toBe('(min-width: 1200px) 290px, (min-width: 960px) 25vw, (min-width: 640px) 33vw, 50vw');
    // Decorative inside its link (the title beside it names the product): read once, not twice.
    expect(attr(card, 'alt')).toBe('');
  });

  it('shows a small rendition for the cart line thumbnail', async () => {
    const add = await t.app.inject({ method: 'POST', url: `/p/${slug}`, headers: FORM, payload: new URLSearchParams({ variantId: p.variantIds[0], quantity: '1' }).toString() });
    expect(add.statusCode).toBe(302);
    const raw = add.headers['set-cookie'];
    const cookie = (Array.isArray(raw) ? raw : [String(raw)]).map((c) => c.split(';')[0]).join('; ');
    const cart = await t.app.inject({ url: '/cart', headers: { cookie } });
    const line = [...cart.body.matchAll(/<img [^>]*>/g)].map((m) => m[0]).find((i) => attr(i, 'src') === `/media/${mediaId}`)!;
    expect(line).toBeDefined();
    expect(attr(line, 'srcSet') ?? attr(line, 'srcset')).toBe(`/media/${mediaId}/160.webp 160w`);
    expect(attr(line, 'sizes')).toBe('72px');
  });
});

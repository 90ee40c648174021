import { useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { apiFor } from '../lib/api.server';
import { cachePage, catalogTags } from '../lib/cache.server';
import { localeOfPath, lp, pick } from '../lib/locale';
import { useLocale } from '../lib/hooks';
import { metaT, rootDataOf, seo } from '../lib/seo';
import { ProductGrid } from '../components/ProductCard';
import { HomeBanner } from '../components/HomeBanner';
import { readStoreInfo } from '../lib/store.server';
import { badgesFor, promoPriceFor, promotionBadges } from '../lib/badges.server';
import { openPlainPage, plainPage } from '../lib/plain-page';
import { flashBadger, flashRounds, flashTeaser } from '../lib/flash.server';
import { FlashTeaser } from '../components/FlashTeaser';
import { groupBadger, groupOffers, groupTiles } from '../lib/group-offers.server';
import { GroupBuyTeaser } from '../components/GroupBuyTeaser';
import type { Category, Page, ProductSummary, SearchResult } from '../lib/types';

type HomeData = Awaited<ReturnType<typeof loadHome>>;

export async function loader(args: LoaderFunctionArgs) {
  return plainPage(args, await loadHome(args));
}

async function loadHome({ context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const api = apiFor(context, locale);
  const [tree, featured, fresh, store] = await Promise.all([
    api.get<{ items: Category[] }>('/api/store/categories'),
    api.get<SearchResult>('/api/store/search', { sort: 'sales', inStock: 'true', limit: 8 }),
    api.get<Page<ProductSummary>>('/api/store/products', { limit: 8 }),
    readStoreInfo(context, locale),
  ]);
  // Best sellers come from the search index (rebuilt in the background): bound their age too.
  cachePage(context, [catalogTags.all, catalogTags.sales], 60_000);
  const [badges, rounds, offers] = await Promise.all([promotionBadges(api, context), flashRounds(api, context), groupOffers(api, context)]);
  const [flash, teaser, groupBuys] = await Promise.all([flashBadger(api, context, locale, rounds), flashTeaser(api, context, locale, rounds), groupTiles(api, locale, offers)]);
  const group = groupBadger(offers);
  const badged = <T extends ProductSummary>(items: T[]) =>
    items.map((p) => ({ ...p, badges: badgesFor(badges, p, locale), promoPrice: promoPriceFor(badges, p, p.priceMin), flash: flash(p.id), group: group(p.id) }));
  return { categories: tree.items, featured: badged(featured.items), fresh: badged(fresh.items), banner: store?.homeBanner[locale] ?? null, teaser, groupBuys };
}

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  const root = rootDataOf(args);
  return seo(args, {
    title: t('meta.homeTitle'),
    description: t('meta.homeDescription'),
    path: '/',
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: root?.storeName,
        url: root?.publicUrl,
        potentialAction: { '@type': 'SearchAction', target: `${root?.publicUrl}/search?q={q}`, 'query-input': 'required name=q' },
      },
    ],
  });
};

export default function Home() {
  const { categories, featured, fresh, banner, teaser, groupBuys } = openPlainPage<HomeData>(useLoaderData());
  const { locale, t } = useLocale();
  return (
    <>
      <HomeBanner banner={banner} />
      {teaser ? <FlashTeaser teaser={teaser} /> : null}
      {groupBuys.length ? <GroupBuyTeaser tiles={groupBuys} /> : null}
      <section aria-labelledby="home-cats">
        <h2 id="home-cats">{t('home.categories')}</h2>
        <ul className="cat-tiles">
          {categories.map((c) => (
            <li key={c.id}>
              <a href={lp(locale, `/c/${c.slug}`)} className="cat-tile">
                <strong>{pick(c.name, locale)}</strong>
                <span className="muted">{c.children.map((s) => pick(s.name, locale)).join(' · ')}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="home-featured">
        <h2 id="home-featured">{t('home.featured')}</h2>
        <ProductGrid products={featured} eagerCount={2} />
        <p>
          <a href={`${lp(locale, '/search')}?sort=sales`}>{t('home.viewAll')}</a>
        </p>
      </section>
      <section aria-labelledby="home-new">
        <h2 id="home-new">{t('home.newArrivals')}</h2>
        <ProductGrid products={fresh} />
        <p>
          <a href={`${lp(locale, '/search')}?sort=newest`}>{t('home.viewAll')}</a>
        </p>
      </section>
    </>
  );
}

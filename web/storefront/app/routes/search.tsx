import { useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { apiFor } from '../lib/api.server';
import { cachePage, catalogTags } from '../lib/cache.server';
import { LISTING_MAX_AGE_MS, parseListing, runListing } from '../lib/listing.server';
import { localeOfPath, lp } from '../lib/locale';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Listing } from '../components/Listing';
import { Empty, Notice } from '../components/Notice';
import { ProductGrid } from '../components/ProductCard';
import type { SearchResult } from '../lib/types';
import { openPlainPage, plainPage } from '../lib/plain-page';

type SearchData = Awaited<ReturnType<typeof loadSearch>>;

export async function loader(args: LoaderFunctionArgs) {
  return plainPage(args, await loadSearch(args));
}

async function loadSearch({ context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const api = apiFor(context, locale);
  const query = parseListing(url, url.searchParams.get('q') ? 'relevance' : 'sales');
  const { result, brands } = await runListing(api, context, locale, query);
  // Nothing found: best sellers instead of a dead end (the very request the home page makes, so cached alike).
  const popular =
    query.q && result.total === 0
      ? (await api.get<SearchResult>('/api/store/search', { sort: 'sales', inStock: 'true', limit: 8 })).items.slice(0, POPULAR_COUNT)
      : [];
  cachePage(context, [catalogTags.all, catalogTags.sales], LISTING_MAX_AGE_MS);
  return { query, result, brands, popular };
}

/** One row on a desktop, two on a phone. */
const POPULAR_COUNT = 4;

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  const q = args.data ? openPlainPage<SearchData>(args.data).query.q : undefined;
  return seo(args, {
    title: q ? t('meta.searchTitle', { q }) : t('meta.searchEmptyTitle'),
    description: t('meta.searchDescription'),
    path: '/search',
    // Result pages are endless combinations: crawlers should follow categories instead.
    noindex: true,
  });
};

export default function SearchPage() {
  const { query, result, brands, popular } = openPlainPage<SearchData>(useLoaderData());
  const { locale, t } = useLocale();
  const searchUrl = (q: string) => `${lp(locale, '/search')}?q=${encodeURIComponent(q)}`;
  const filtered = query.brands.length > 0 || query.min !== '' || query.max !== '' || query.inStock;
  // The words found nothing at all (no filter to loosen): no filter form, but ways on.
  const deadEnd = query.q !== '' && result.total === 0 && !filtered;
  const alternatives = result.corrected ? [result.corrected] : (result.didYouMean ?? []);
  return (
    <>
      <h1>{query.q ? t('meta.searchTitle', { q: query.q }) : t('meta.searchEmptyTitle')}</h1>
      {!query.q ? <p className="muted">{t('listing.searchPrompt')}</p> : null}
      {alternatives.length ? (
        <Notice>
          {t('search.didYouMean')}{' '}
          {alternatives.map((q, i) => (
            <span key={q}>
              {i > 0 ? t('search.or') : null}
              <a href={searchUrl(q)} className="did-you-mean">
                {q}
              </a>
            </span>
          ))}
          {t('search.question')}
          {result.corrected && result.total > 0 ? <> {t('search.correctedShown')}</> : null}
        </Notice>
      ) : null}
      {deadEnd ? (
        <Empty title={t('search.nothingFor', { q: query.q })} hint={t('search.nothingHint')} />
      ) : (
        <Listing query={query} result={result} brands={brands} action={lp(locale, '/search')} />
      )}
      {popular.length ? (
        <section aria-labelledby="search-popular" className="search-popular">
          <h2 id="search-popular">{t('search.popular')}</h2>
          <ProductGrid products={popular} />
          <p>
            <a href={`${lp(locale, '/search')}?sort=sales`}>{t('home.viewAll')}</a>
          </p>
        </section>
      ) : null}
    </>
  );
}

import { useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { apiFor } from '../lib/api.server';
import { cachePage, catalogTags } from '../lib/cache.server';
import { LISTING_MAX_AGE_MS, parseListing, runListing } from '../lib/listing.server';
import { localeOfPath, lp } from '../lib/locale';
import { useLocale } from '../lib/hooks';
import { metaT, seo } from '../lib/seo';
import { Listing } from '../components/Listing';
import { Notice } from '../components/Notice';
import { openPlainPage, plainPage } from '../lib/plain-page';

type SearchData = Awaited<ReturnType<typeof loadSearch>>;

export async function loader(args: LoaderFunctionArgs) {
  return plainPage(args, await loadSearch(args));
}

async function loadSearch({ context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const query = parseListing(url, url.searchParams.get('q') ? 'relevance' : 'sales');
  const { result, brands } = await runListing(apiFor(context, locale), query);
  cachePage(context, [catalogTags.all, catalogTags.sales], LISTING_MAX_AGE_MS);
  return { query, result, brands };
}

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
  const { query, result, brands } = openPlainPage<SearchData>(useLoaderData());
  const { locale, t } = useLocale();
  return (
    <>
      <h1>{query.q ? t('meta.searchTitle', { q: query.q }) : t('meta.searchEmptyTitle')}</h1>
      {!query.q ? <p className="muted">{t('listing.searchPrompt')}</p> : null}
      {result.corrected ? <Notice>{t('listing.corrected', { corrected: result.corrected })}</Notice> : null}
      <Listing query={query} result={result} brands={brands} action={lp(locale, '/search')} />
    </>
  );
}

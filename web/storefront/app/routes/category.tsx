import { data, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { apiFor } from '../lib/api.server';
import { cachePage, catalogTags } from '../lib/cache.server';
import { findCategory } from '../lib/categories';
import { LISTING_MAX_AGE_MS, parseListing, runListing } from '../lib/listing.server';
import { localeOfPath, lp, pick } from '../lib/locale';
import { dictionaries } from '../i18n/dictionaries.server';
import { useLocale } from '../lib/hooks';
import { breadcrumbLd, metaT, rootDataOf, seo } from '../lib/seo';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { Listing } from '../components/Listing';
import { openPlainPage, plainPage } from '../lib/plain-page';
import type { Category } from '../lib/types';

type CategoryData = Awaited<ReturnType<typeof loadCategory>>;

export async function loader(args: LoaderFunctionArgs) {
  return plainPage(args, await loadCategory(args));
}

async function loadCategory({ params, context, url }: LoaderFunctionArgs) {
  const locale = localeOfPath(url.pathname);
  const api = apiFor(context, locale);
  const tree = await api.get<{ items: Category[] }>('/api/store/categories');
  const found = findCategory(tree.items, params.slug ?? '');
  if (!found) throw data(dictionaries[locale].errors.notFound, { status: 404 });
  const query = parseListing(url, 'relevance');
  const { result, brands } = await runListing(api, context, locale, { ...query, q: '' }, found.node.id);
  cachePage(context, [catalogTags.all, catalogTags.sales], LISTING_MAX_AGE_MS);
  return { category: found.node, path: found.path, query: { ...query, q: '' }, result, brands };
}

export const meta: MetaFunction = (args) => {
  if (!args.data) return [];
  const data = openPlainPage<CategoryData>(args.data);
  const t = metaT(args);
  const { locale, publicUrl } = rootDataOf(args);
  const name = pick(data.category.name, locale);
  const page = data.query.page;
  return seo(args, {
    title: page > 1 ? `${name} (${page})` : name,
    description: t('meta.categoryDescription', { name, count: data.result.total }),
    path: `/c/${data.category.slug}`,
    jsonLd: [
      breadcrumbLd(publicUrl, [
        { name: t('nav.home'), path: lp(locale, '/') },
        ...data.path.map((c) => ({ name: pick(c.name, locale), path: lp(locale, `/c/${c.slug}`) })),
      ]),
    ],
  });
};

export default function CategoryPage() {
  const { category, path, query, result, brands } = openPlainPage<CategoryData>(useLoaderData());
  const { locale, t } = useLocale();
  const counts = new Map(result.facets.categories.map((c) => [c.id, c.count]));
  return (
    <>
      <Breadcrumbs
        crumbs={[{ name: t('nav.home'), to: lp(locale, '/') }, ...path.map((c) => ({ name: pick(c.name, locale), to: lp(locale, `/c/${c.slug}`) }))]}
      />
      <h1>{pick(category.name, locale)}</h1>
      {category.children.length ? (
        <nav aria-label={t('listing.subcategories')}>
          <ul className="chips">
            {category.children.map((c) => (
              <li key={c.id}>
                <a href={lp(locale, `/c/${c.slug}`)} className="chip">
                  {pick(c.name, locale)}
                  {counts.has(c.id) ? <span className="muted"> ({counts.get(c.id)})</span> : null}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Listing query={query} result={result} brands={brands} action={lp(locale, `/c/${category.slug}`)} />
    </>
  );
}
